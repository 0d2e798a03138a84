package org.onetrip.kiosk.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a generous deadline: the build machine is shared and noisy. */
public final class Eventually {
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition, Supplier<Object> state) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; state: " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
