package org.onetrip.kiosk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T18:00:00Z");
    private static final Duration SETTLE = Duration.ofMillis(50);

    private static Instant ms(long n) {
        return T0.plusMillis(n);
    }

    @Test
    void aCleanEdgeCountsOnceItHasHeldForTheSettleTime() {
        Debouncer d = new Debouncer(SETTLE, false);

        assertThat(d.sample(true, ms(0))).hasValue(ms(50));
        assertThat(d.settle(ms(49))).isEmpty();
        assertThat(d.stable()).isFalse();

        Debouncer.Change c = d.settle(ms(50)).orElseThrow();
        assertThat(c.level()).isTrue();
        assertThat(c.since()).isEqualTo(ms(0));
        assertThat(d.stable()).isTrue();
        assertThat(d.due()).isEmpty();
        assertThat(d.settle(ms(500))).as("reported once").isEmpty();
    }

    @Test
    void aBouncingContactReportsOneChangeDatedFromItsFirstEdge() {
        Debouncer d = new Debouncer(SETTLE, false);
        d.sample(true, ms(0));
        d.sample(false, ms(2));
        d.sample(true, ms(3));
        d.sample(false, ms(7));
        assertThat(d.sample(true, ms(9))).hasValue(ms(59));

        assertThat(d.settle(ms(50))).as("the checks the first edges asked for").isEmpty();
        assertThat(d.due()).hasValue(ms(59));
        Debouncer.Change c = d.settle(ms(59)).orElseThrow();

        assertThat(c.level()).isTrue();
        assertThat(c.since()).isEqualTo(ms(0));
    }

    @Test
    void aSpikeThatReturnsIsAGlitchAndReportsNothing() {
        Debouncer d = new Debouncer(SETTLE, false);
        d.sample(true, ms(0));
        d.sample(false, ms(4));

        assertThat(d.settle(ms(54))).isEmpty();
        assertThat(d.stable()).isFalse();
        assertThat(d.due()).isEmpty();

        // the next real edge is dated from itself, not from the glitch
        d.sample(true, ms(1000));
        assertThat(d.settle(ms(1050)).orElseThrow().since()).isEqualTo(ms(1000));
    }

    @Test
    void aRepeatedLevelIsNoEdge() {
        Debouncer d = new Debouncer(SETTLE, true);
        assertThat(d.sample(true, ms(0))).isEmpty();
        assertThat(d.due()).isEmpty();

        d.sample(false, ms(10));
        assertThat(d.sample(false, ms(30))).as("same level again: the settle clock is not restarted").isEmpty();
        assertThat(d.settle(ms(60)).orElseThrow().level()).isFalse();
    }

    @Test
    void bothDirectionsAreDebounced() {
        Debouncer d = new Debouncer(SETTLE, true);
        d.sample(false, ms(0));
        assertThat(d.settle(ms(50)).orElseThrow().level()).isFalse();
        d.sample(true, ms(100));
        d.sample(false, ms(120));
        assertThat(d.settle(ms(170))).as("came back to low").isEmpty();
        assertThat(d.stable()).isFalse();
    }

    @Test
    void aZeroSettleTimeReportsAtTheEdge() {
        Debouncer d = new Debouncer(Duration.ZERO, false);
        assertThat(d.sample(true, ms(5))).hasValue(ms(5));
        assertThat(d.settle(ms(5)).orElseThrow().since()).isEqualTo(ms(5));
    }

    @Test
    void aNegativeSettleTimeIsRefused() {
        assertThatThrownBy(() -> new Debouncer(Duration.ofMillis(-1), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
