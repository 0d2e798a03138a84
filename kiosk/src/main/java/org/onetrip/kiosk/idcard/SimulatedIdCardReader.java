package org.onetrip.kiosk.idcard;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code idcard.device=sim} reader: a person (the simulator panel) or a test places and removes
 * fictional cards; events come from a device thread of its own, as a real reader's would.
 */
public final class SimulatedIdCardReader implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SimulatedIdCardReader.class);

    private final DeviceStatusHolder status = new DeviceStatusHolder("idcard", DeviceStatus.unknown("starting"));
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "idcard-sim");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<CardEvent> listener = e -> { };
    private volatile Identity placed;
    private final Identity defaultCard;

    public SimulatedIdCardReader(Identity defaultCard) {
        this.defaultCard = defaultCard;
    }

    @Override
    public String id() {
        return "idcard";
    }

    @Override
    public String name() {
        return "ID card reader (simulated)";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> l) {
        status.addListener(l);
    }

    @Override
    public void setCardListener(Consumer<CardEvent> l) {
        this.listener = l == null ? e -> { } : l;
    }

    @Override
    public void start() {
        status.update(DeviceStatus.online("simulated SAM ready"));
    }

    /** The card the {@code submit --card} command presents. */
    public Identity defaultCard() {
        return defaultCard;
    }

    /** Places a card; a card already there is removed first, as a hand would. */
    public void place(Identity card) {
        thread.execute(() -> {
            if (!status.get().isOnline()) {
                log.info("card placed on an offline simulated reader: ignored");
                return;
            }
            if (placed != null) {
                placed = null;
                listener.accept(new CardEvent.Removed());
            }
            placed = card;
            log.info("simulated card placed: {}", card);
            listener.accept(new CardEvent.Presented(card));
        });
    }

    /** A card that is on the reader but cannot be read (a bent card, a bad antenna). */
    public void placeUnreadable() {
        thread.execute(() -> listener.accept(new CardEvent.ReadFailed(true, "simulated read failure (SW3=41)")));
    }

    public void remove() {
        thread.execute(() -> {
            if (placed != null) {
                placed = null;
                listener.accept(new CardEvent.Removed());
            }
        });
    }

    public boolean hasCard() {
        return placed != null;
    }

    /** Simulates unplugging (false) and plugging back (true). */
    public void setConnected(boolean connected) {
        thread.execute(() -> {
            if (connected) {
                status.update(DeviceStatus.online("simulated SAM ready"));
            } else {
                if (placed != null) {
                    placed = null;
                    listener.accept(new CardEvent.Removed());
                }
                status.update(DeviceStatus.offline(StatusDetail.GONE, "simulated reader unplugged"));
            }
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
