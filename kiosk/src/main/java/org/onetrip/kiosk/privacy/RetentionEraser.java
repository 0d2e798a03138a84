package org.onetrip.kiosk.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.onetrip.kiosk.request.RequestQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data past {@code privacy.retention-days} on a thread of its own: at start (the
 * touch screen's: once its home screen is drawn), then every {@code every}. It runs on every kiosk, with or without a back office, so a request that
 * was never delivered (no back office, refused, parked) is erased by age as well. A failed run (a
 * store busy or full) is logged and tried again at the next one; it never stops the kiosk.
 */
public final class RetentionEraser implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionEraser.class);
    public static final Duration DEFAULT_EVERY = Duration.ofHours(1);

    private final RequestQueue queue;
    private final Duration retention;
    private final Duration every;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public RetentionEraser(RequestQueue queue, Duration retention, Duration every, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.every = Objects.requireNonNull(every, "every");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs once now and then every {@code every}, on the thread {@code privacy-erase}. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "privacy-erase");
            t.setDaemon(true);
            return t;
        });
        // The first run on its own: a close that comes before it has run still lets it run (below).
        executor.execute(this::runOnce);
        executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One erasure now, on the caller's thread; how many requests it erased, -1 when the store failed. */
    public int runOnce() {
        try {
            int n = queue.erasePersonalData(clock.instant().minus(retention));
            if (n > 0) {
                log.info("erased the personal data of {} requests older than {} days", n, retention.toDays());
            }
            return n;
        } catch (RuntimeException e) {
            log.warn("erasing personal data past {} days failed; trying again in {} min: {}", retention.toDays(),
                    every.toMinutes(), e.getMessage());
            return -1;
        }
    }

    /**
     * Stops the hourly runs. A run that started, or the first one not yet started, is let finish
     * (at most {@link #CLOSE_WAIT}): the store is closed after this, and a kiosk that exits soon
     * after its start (a restart loop) still erases what is past its time.
     */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdown(); // cancels the periodic runs; a one-off run already asked for still runs
            try {
                if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    /** How long {@link #close} waits for a run under way. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
}
