package org.onetrip.kiosk.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the status lights in step with the kiosk: recomputes {@link Lights} whenever a device's
 * status or the paper-low input changes, when the UI says a session opened or closed or the
 * kiosk went out of service, and on {@link #refresh()}. The store has no status listener, and asking it runs SQL (a
 * {@code BEGIN IMMEDIATE}, a free-space check, perhaps a reopen), so it is asked only by
 * {@link #refreshStore()} on the lights' own thread; every other recompute uses the last answer,
 * so the UI thread never waits for SQLite. Thread-safe: callers come from device threads, the I/O
 * thread and the UI.
 */
public final class StatusLights implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusLights.class);

    private final KioskIo io;
    private final List<Device> devices;
    private final Supplier<DeviceStatus> store;
    private boolean sessionActive;
    private boolean fatal;
    /** The store's last answer: read by every recompute, asked only off the UI thread. */
    private volatile DeviceStatus storeStatus = DeviceStatus.unknown("store not asked yet");
    private Lights.Decision current = new Lights.Decision(java.util.Set.of(), List.of());
    private boolean started;
    private java.util.concurrent.ScheduledExecutorService refresher;
    private final List<java.util.function.Consumer<DeviceStatus>> storeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Boolean>> sessionListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param devices the devices whose trouble lights ATTENTION (the reader, printer, scanner)
     * @param store the store's status, asked by {@link #refreshStore()} only (it may block on SQLite)
     */
    public StatusLights(KioskIo io, List<Device> devices, Supplier<DeviceStatus> store) {
        this.io = io;
        this.devices = List.copyOf(devices);
        this.store = store;
    }

    /**
     * {@link #start()}, and a {@link #refreshStore()} every {@code period} on a daemon thread of its own
     * until {@link #close()}: the store's status has no listener.
     */
    public void start(java.time.Duration period) {
        start();
        synchronized (this) {
            if (refresher != null) {
                return;
            }
            refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "status-lights");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(() -> {
                try {
                    refreshStore();
                } catch (RuntimeException e) {
                    log.warn("refreshing the status lights failed", e);
                }
            }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Subscribes to the devices and the paper-low input, asks the store once (telling its
     * listeners) and lights the current state. Called when the devices start.
     */
    public void start() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
        }
        for (Device d : devices) {
            d.addStatusListener(s -> refresh());
        }
        io.addInputListener(change -> {
            if (change.input() == Input.PAPER_LOW) {
                refresh();
            }
        });
        // The UI listens already (the devices start after its first frame): it hears the first answer too.
        refreshStore();
    }

    /** The UI: a resident's session opened (true) or ended (false). */
    public void sessionActive(boolean active) {
        synchronized (this) {
            sessionActive = active;
        }
        refresh();
        for (var l : sessionListeners) {
            l.accept(active);
        }
    }

    /** Hears every {@link #sessionActive} (the session state file the nightly upgrade reads). */
    public void addSessionListener(java.util.function.Consumer<Boolean> listener) {
        sessionListeners.add(listener);
    }

    /** The UI: the out-of-service screen shows (true) or the kiosk recovered (false). */
    public void fatal(boolean isFatal) {
        synchronized (this) {
            fatal = isFatal;
        }
        refresh();
    }

    /**
     * Asks the store for its status (may block on SQLite: never call it on the UI thread), then
     * recomputes. The store is asked outside the lock, so a slow store never holds up
     * {@link #sessionActive} or {@link #fatal}.
     */
    public Lights.Decision refreshStore() {
        DeviceStatus s = store.get();
        storeStatus = s;
        Lights.Decision d = refresh();
        for (var l : storeListeners) {
            l.accept(s);
        }
        return d;
    }

    /** The store's last answer (never asks it): for whoever starts after the first poll. */
    public DeviceStatus storeStatus() {
        return storeStatus;
    }

    /**
     * Hears every answer of the store's poll, on the lights' thread: this poll is the kiosk's one
     * look at the store's health (the UI shows it too), so SQLite is asked once every period.
     */
    public void addStoreListener(java.util.function.Consumer<DeviceStatus> listener) {
        storeListeners.add(listener);
    }

    public void removeStoreListener(java.util.function.Consumer<DeviceStatus> listener) {
        storeListeners.remove(listener);
    }

    /**
     * Recomputes the lights from every device's current status and the store's last known
     * status, and switches them. Cheap: never asks the store.
     */
    public synchronized Lights.Decision refresh() {
        Map<String, DeviceStatus> statuses = new LinkedHashMap<>();
        for (Device d : devices) {
            statuses.put(d.id(), d.status());
        }
        Lights.Decision next = Lights.decide(new Lights.State(sessionActive, fatal, storeStatus, statuses,
                io.isActive(Input.PAPER_LOW)));
        if (!next.on().equals(current.on())) {
            log.info("status lights {} ({})", next.on(), String.join("; ", next.reasons()));
        }
        current = next;
        io.setLights(next.on());
        return next;
    }

    /** Stops the periodic refresh; the lights stay as they are (the I/O switches them off when it closes). */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    /** The lights now and why, for the technician's screen. */
    public synchronized Lights.Decision current() {
        return current;
    }
}
