package org.onetrip.kiosk.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait after a failed delivery: {@code min · 2^(failures-1)}, capped at {@code max},
 * with "equal jitter" (a random point in the upper half of that delay). The jitter keeps a fleet of
 * kiosks that lost the network together from knocking on the back office together when it returns;
 * the cap keeps a kiosk that was offline for days from waiting hours once it is back.
 */
public final class Backoff {
    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        long minMs = min.toMillis();
        long maxMs = max.toMillis();
        // 2^(failures-1) without overflow: past 2^40 the cap has long been reached.
        int shift = Math.min(failures - 1, 40);
        long full = minMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, minMs << shift);
        long half = full / 2;
        return Duration.ofMillis(full - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    public Duration max() {
        return max;
    }
}
