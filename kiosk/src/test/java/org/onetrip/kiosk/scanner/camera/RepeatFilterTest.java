package org.onetrip.kiosk.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepeatFilterTest {
    private static final long S = 1_000_000_000L;
    private final RepeatFilter f = new RepeatFilter(Duration.ofSeconds(2));

    @Test
    void aCodeHeldInFrontOfTheCameraCountsOnce() {
        assertThat(f.pass("A", 0)).isTrue();
        for (long t = 1; t < 100; t++) {
            assertThat(f.pass("A", t * S / 15)).isFalse();
        }
    }

    @Test
    void theSameCodeShownAgainAfterTwoSecondsAwayCountsAgain() {
        assertThat(f.pass("A", 0)).isTrue();
        assertThat(f.pass("A", S)).isFalse();
        assertThat(f.pass("A", 3 * S - 1)).isFalse(); // last seen at 1 s: 2 s minus 1 ns away
        assertThat(f.pass("A", 5 * S)).isTrue();
    }

    @Test
    void anotherCodeCountsAtOnce() {
        assertThat(f.pass("A", 0)).isTrue();
        assertThat(f.pass("B", 1)).isTrue();
        assertThat(f.pass("A", 2)).isTrue();
    }
}
