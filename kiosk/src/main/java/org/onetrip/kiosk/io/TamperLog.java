package org.onetrip.kiosk.io;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.InputChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cabinet door's history: every opening, closing, and a door found open at start, with its
 * time. Each is logged (the kiosk log is kept 30 days) and kept here, the last
 * {@link #CAPACITY}, for the back-office heartbeat and the technician's screen; listeners hear of
 * each event as it happens, on the I/O thread.
 */
public final class TamperLog {
    private static final Logger log = LoggerFactory.getLogger(TamperLog.class);

    public static final int CAPACITY = 100;

    private final Deque<TamperEvent> events = new ArrayDeque<>();
    private final List<Consumer<TamperEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean doorOpen;

    /** Listens to {@code io}'s door switch; call before the I/O starts so the state at start is seen. */
    public TamperLog(KioskIo io) {
        io.addInputListener(this::onInput);
    }

    private void onInput(InputChange change) {
        if (change.input() != Input.TAMPER) {
            return;
        }
        TamperEvent.Kind kind;
        if (change.initial()) {
            if (!change.active()) {
                doorOpen = false;
                return;
            }
            kind = TamperEvent.Kind.FOUND_OPEN;
        } else if (change.active() == doorOpen) {
            return;
        } else {
            kind = change.active() ? TamperEvent.Kind.OPENED : TamperEvent.Kind.CLOSED;
        }
        doorOpen = change.active();
        TamperEvent event = new TamperEvent(change.at(), kind);
        if (event.alarm()) {
            log.warn("TAMPER ALARM: cabinet door {} at {}", kind == TamperEvent.Kind.FOUND_OPEN
                    ? "found open at start" : "opened", event.at());
        } else {
            log.info("cabinet door closed at {}", event.at());
        }
        synchronized (events) {
            events.addLast(event);
            while (events.size() > CAPACITY) {
                events.removeFirst();
            }
        }
        for (Consumer<TamperEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("tamper listener failed on {}", event, e);
            }
        }
    }

    /** Oldest first. */
    public List<TamperEvent> recentEvents() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Called on the I/O thread for each new event. */
    public void addListener(Consumer<TamperEvent> listener) {
        listeners.add(listener);
    }

    public boolean doorOpen() {
        return doorOpen;
    }
}
