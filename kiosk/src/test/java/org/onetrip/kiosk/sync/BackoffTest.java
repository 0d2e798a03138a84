package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(7));

    @Test
    void doublesFromTheMinimumWithinTheUpperHalf() {
        for (int failures = 1; failures <= 8; failures++) {
            long full = 1000L << (failures - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(failures).toMillis()).as("failure %d", failures).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void isCappedAtTheMaximumEvenAfterDaysOfFailures() {
        for (int failures : new int[] {9, 10, 40, 41, 64, 1000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(failures).toMillis()).as("failure %d", failures).isBetween(150_000L, 300_000L);
        }
    }

    @Test
    void jitterSpreadsKiosksThatFailedTogether() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(6).toMillis());
        }
        assertThat(seen.size()).isGreaterThan(40);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        Backoff tiny = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new SplittableRandom());
        assertThat(tiny.delay(3).toMillis()).isEqualTo(1);
    }
}
