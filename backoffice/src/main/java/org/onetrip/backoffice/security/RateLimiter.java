package org.onetrip.backoffice.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token bucket per key (a client address, an account): {@code burst} events at once, then one
 * every {@code per / burst}. Two ways to use it:
 * <ul>
 * <li>count only failures (wrong api keys, wrong passwords): ask {@link #blocked} before checking
 * the secret, call {@link #failure} when it was wrong, so a kiosk that sends its right key is never
 * slowed;</li>
 * <li>count every hit (the phone page): {@link #tryAcquire}.</li>
 * </ul>
 * The wait it answers is for HTTP 429's {@code Retry-After}. Memory is bounded: at most
 * {@code maxKeys} keys are tracked; beyond that the least recently seen key is forgotten (after
 * those whose bucket has refilled, which carry nothing). Forgetting errs towards letting a client
 * in; an attacker must then spread over more addresses than {@code maxKeys} to gain anything.
 * Thread-safe; held in memory, so several back-office instances each count for themselves (see
 * backoffice/README.md, "Several instances").
 */
public final class RateLimiter {

    /** What {@link #tryAcquire} decided: allowed, or refused with the wait before the next try. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** The wait in whole seconds, at least 1, for {@code Retry-After}. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private static final class Bucket {
        /** Credit in nanoseconds: one event costs {@code cost}, full is {@code burst * cost}. */
        long credit;
        Instant at;

        Bucket(long credit, Instant at) {
            this.credit = credit;
            this.at = at;
        }
    }

    private final long cost;
    private final long full;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    /**
     * {@code burst} events per {@code per} for each key, at most {@code maxKeys} keys remembered.
     */
    public RateLimiter(int burst, Duration per, int maxKeys, Clock clock) {
        if (burst < 1 || per.isNegative() || per.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1, a positive period and maxKeys >= 1");
        }
        this.cost = per.toNanos() / burst;
        this.full = cost * burst;
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The wait before {@code key} may try again, empty when it may now (nothing is counted). */
    public synchronized Optional<Duration> blocked(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return Optional.empty();
        }
        refill(b);
        return b.credit >= cost ? Optional.empty() : Optional.of(waitFor(b));
    }

    /** Counts one failure against {@code key}. */
    public synchronized void failure(String key) {
        take(key);
    }

    /** Counts one event for {@code key} if its bucket allows it. */
    public synchronized Decision tryAcquire(String key) {
        Bucket b = buckets.get(key);
        if (b != null) {
            refill(b);
            if (b.credit < cost) {
                return new Decision(false, waitFor(b));
            }
        }
        take(key);
        return Decision.ALLOWED;
    }

    /** Forgets {@code key} (e.g. after a successful sign-in, when failures should not linger). */
    public synchronized void reset(String key) {
        buckets.remove(key);
    }

    /** How many keys are remembered now (for tests of the memory bound). */
    public synchronized int size() {
        return buckets.size();
    }

    private void take(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            makeRoom();
            b = new Bucket(full, clock.instant());
            buckets.put(key, b);
        } else {
            refill(b);
        }
        b.credit = Math.max(0, b.credit - cost);
    }

    private void makeRoom() {
        if (buckets.size() < maxKeys) {
            return;
        }
        // Full buckets first: forgetting them changes nothing.
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext();) {
            Bucket b = it.next().getValue();
            refill(b);
            if (b.credit >= full) {
                it.remove();
            }
        }
        Iterator<String> eldest = buckets.keySet().iterator();
        while (buckets.size() >= maxKeys && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private void refill(Bucket b) {
        Instant now = clock.instant();
        long nanos = Duration.between(b.at, now).toNanos();
        if (nanos > 0) {
            b.credit = nanos >= full ? full : Math.min(full, b.credit + nanos);
            b.at = now;
        }
    }

    private Duration waitFor(Bucket b) {
        return Duration.ofNanos(cost - b.credit);
    }
}
