package org.onetrip.backoffice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void failuresBlockAfterTheBurstAndTheWaitIsTheRefill() {
        StepClock clock = new StepClock();
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.blocked("10.0.0.1")).isEmpty();
            limiter.failure("10.0.0.1");
        }
        assertThat(limiter.blocked("10.0.0.1")).contains(Duration.ofSeconds(12));
        assertThat(limiter.blocked("10.0.0.2")).as("another address is not slowed").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        assertThat(limiter.blocked("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.blocked("10.0.0.1")).isEmpty();
        limiter.failure("10.0.0.1");
        assertThat(limiter.blocked("10.0.0.1")).as("one token back, one failure allowed").isPresent();
    }

    @Test
    void tryAcquireCountsEveryHit() {
        StepClock clock = new StepClock();
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(3), 100, clock);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1000));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void resetForgetsAKey() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 10, new StepClock());
        limiter.failure("a");
        assertThat(limiter.blocked("a")).isPresent();
        limiter.reset("a");
        assertThat(limiter.blocked("a")).isEmpty();
    }

    @Test
    void memoryIsBoundedAndRefilledKeysGoFirst() {
        StepClock clock = new StepClock();
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), 1000, clock);
        limiter.failure("attacker");
        limiter.failure("attacker");
        for (int i = 0; i < 100_000; i++) {
            limiter.failure("10.1." + (i / 256) + "." + (i % 256));
            assertThat(limiter.size()).isLessThanOrEqualTo(1000);
        }
        assertThat(limiter.size()).isEqualTo(1000);
        // The attacker was the least recently seen: forgotten once the map was full.
        assertThat(limiter.blocked("attacker")).isEmpty();

        RateLimiter quiet = new RateLimiter(1, Duration.ofSeconds(1), 3, clock);
        quiet.failure("old-1");
        quiet.failure("old-2");
        clock.advance(Duration.ofSeconds(2));
        quiet.failure("blocked");
        quiet.failure("new-1");
        quiet.failure("new-2");
        assertThat(quiet.blocked("blocked")).as("refilled keys are forgotten before a blocked one").isPresent();
    }

    @Test
    void manyThreadsNeverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(50, Duration.ofHours(1), 10, new StepClock());
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (limiter.tryAcquire("k").allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(allowed.get()).isEqualTo(50);
    }
}
