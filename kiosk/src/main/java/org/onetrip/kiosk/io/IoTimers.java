package org.onetrip.kiosk.io;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Where the I/O's work runs: one thread, so debouncers need no locks, and a clock. The product
 * uses {@link #thread}; tests run tasks on their own thread with a clock they move by hand.
 */
public interface IoTimers extends AutoCloseable {

    /** Runs {@code task} on the I/O thread, in submission order. */
    void execute(Runnable task);

    /** Runs {@code task} on the I/O thread at {@code at} (at once when that has passed). */
    void scheduleAt(Instant at, Runnable task);

    Instant now();

    @Override
    void close();

    /** A daemon thread named {@code name}; tasks that throw are logged and the thread goes on. */
    static IoTimers thread(String name, Clock clock) {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new IoTimers() {
            private Runnable guarded(Runnable task) {
                return () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(IoTimers.class).warn("I/O task failed", e);
                    }
                };
            }

            @Override
            public void execute(Runnable task) {
                try {
                    exec.execute(guarded(task));
                } catch (RejectedExecutionException e) {
                    // closed: an input that changes while the kiosk shuts down is of no interest
                }
            }

            @Override
            public void scheduleAt(Instant at, Runnable task) {
                long ms = Math.max(0, Duration.between(clock.instant(), at).toMillis());
                try {
                    exec.schedule(guarded(task), ms, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // closed
                }
            }

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void close() {
                exec.shutdownNow();
            }
        };
    }
}
