package org.onetrip.kiosk.idcard;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code idcard.device=sim} reader. It is the real {@link SamIdCardReader} talking to a
 * {@link SimulatedSam} through an in-memory link, so every simulated card travels as SAM frames
 * through the same decoder and text-block parser as a card on a real reader. A person (the
 * simulator panel) or a test places and removes fictional cards and unplugs the reader.
 */
public final class SimulatedIdCardReader implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SimulatedIdCardReader.class);
    /** Polling an in-memory SAM costs nothing; a short interval keeps the simulator snappy. */
    static final Duration POLL = Duration.ofMillis(60);

    private final SimulatedSam sam = new SimulatedSam();
    private final SimulatedSamTransport transport = new SimulatedSamTransport(sam, "simulated SAM");
    private final SamIdCardReader reader;
    private final Identity defaultCard;
    private final ExecutorService hand = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "idcard-sim-hand");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<CardEvent> listener = e -> { };
    private volatile CountDownLatch removal = new CountDownLatch(0);

    public SimulatedIdCardReader(Identity defaultCard) {
        this.defaultCard = defaultCard;
        this.reader = new SamIdCardReader(transport, SamIdCardReader.Settings.defaults()
                .withPollInterval(POLL).withExchangeTimeout(Duration.ofMillis(500)).withRetryDelay(Duration.ofMillis(300)));
        reader.setCardListener(this::onEvent);
    }

    private void onEvent(CardEvent e) {
        if (e instanceof CardEvent.Removed) {
            removal.countDown();
        }
        listener.accept(e);
    }

    @Override
    public String id() {
        return "idcard";
    }

    @Override
    public String name() {
        return "ID card reader (simulated SAM)";
    }

    @Override
    public DeviceStatus status() {
        return reader.status();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> l) {
        reader.addStatusListener(l);
    }

    @Override
    public void setCardListener(Consumer<CardEvent> l) {
        listener = l == null ? e -> { } : l;
    }

    @Override
    public void start() {
        reader.start();
    }

    /** The card the {@code submit --card} command presents. */
    public Identity defaultCard() {
        return defaultCard;
    }

    /** Places a card; a card already there is lifted first, and the reader sees it go, as with a hand. */
    public void place(Identity card) {
        hand.execute(() -> {
            liftAndWait();
            log.info("simulated card placed: {}", card);
            sam.place(card);
        });
    }

    /** A card on the antenna that cannot be read (a bent card): the SAM answers "read failed". */
    public void placeUnreadable() {
        hand.execute(() -> {
            liftAndWait();
            sam.placeUnreadable(defaultCard);
        });
    }

    public void remove() {
        hand.execute(this::liftAndWait);
    }

    private void liftAndWait() {
        if (!sam.hasCard()) {
            return;
        }
        removal = new CountDownLatch(1);
        sam.remove();
        try {
            // The reader notices after a couple of empty polls; a reader that is unplugged never will.
            if (!removal.await(2, TimeUnit.SECONDS)) {
                log.debug("simulated reader did not report the removal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean hasCard() {
        return sam.hasCard();
    }

    /** Simulates unplugging (false) and plugging back (true) the reader's cable. */
    public void setConnected(boolean connected) {
        if (connected) {
            transport.plugIn();
        } else {
            transport.unplug();
        }
    }

    /** The simulated SAM, for the simulator panel and tests. */
    public SimulatedSam sam() {
        return sam;
    }

    @Override
    public void close() {
        hand.shutdownNow();
        reader.close();
    }
}
