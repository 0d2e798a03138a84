package org.onetrip.kiosk.ui.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onetrip.kiosk.ui.idle.IdleMonitor.Action.ATTRACT;
import static org.onetrip.kiosk.ui.idle.IdleMonitor.Action.NONE;
import static org.onetrip.kiosk.ui.idle.IdleMonitor.Action.TIMEOUT;
import static org.onetrip.kiosk.ui.idle.IdleMonitor.Action.WARN;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.testing.MutableClock;

/** The idle rules with a clock moved by hand: timeout 90 s, warning 20 s, attract after 60 s. */
class IdleMonitorTest {
    private final MutableClock clock = MutableClock.at("2025-03-14T18:00:00Z");
    private final IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(90), Duration.ofSeconds(20),
            Duration.ofSeconds(60));

    /** Moves the clock to {@code seconds} after the monitor was made (or last touched at start). */
    private void at(double seconds) {
        Duration target = Duration.ofNanos(Math.round(seconds * 1e9));
        Duration now = Duration.between(MutableClock.at("2025-03-14T18:00:00Z").instant(), clock.instant());
        clock.advance(target.minus(now));
    }

    private IdleMonitor.Action inSession() {
        return monitor.tick(false, false);
    }

    @Test
    void aSessionGoesFromNothingToWarningToTimeout() {
        assertThat(inSession()).isEqualTo(NONE);
        at(69.999);
        assertThat(inSession()).isEqualTo(NONE);
        at(70);
        assertThat(inSession()).as("at timeout - warning").isEqualTo(WARN);
        at(89.999);
        assertThat(inSession()).isEqualTo(WARN);
        at(90);
        assertThat(inSession()).isEqualTo(TIMEOUT);
        at(3600);
        assertThat(inSession()).isEqualTo(TIMEOUT);
    }

    @Test
    void activityStartsTheWaitAgain() {
        at(80);
        assertThat(inSession()).isEqualTo(WARN);

        monitor.activity();

        assertThat(inSession()).isEqualTo(NONE);
        assertThat(monitor.secondsLeft()).isEqualTo(90);
        at(80 + 69);
        assertThat(inSession()).isEqualTo(NONE);
        at(80 + 70);
        assertThat(inSession()).isEqualTo(WARN);
        at(80 + 90);
        assertThat(inSession()).isEqualTo(TIMEOUT);
    }

    @Test
    void activityJustBeforeTheTimeoutSavesTheSession() {
        at(89.999);
        monitor.activity();
        at(90);
        assertThat(inSession()).isEqualTo(NONE);
    }

    @Test
    void theHomeScreenGivesWayToTheAttractScreenAfterAttractAfter() {
        at(59.999);
        assertThat(monitor.tick(true, false)).isEqualTo(NONE);
        at(60);
        assertThat(monitor.tick(true, false)).isEqualTo(ATTRACT);
    }

    @Test
    void atRestThereIsNeitherWarningNorTimeout() {
        at(75);
        assertThat(monitor.tick(true, false)).as("past the warning point, at rest").isEqualTo(ATTRACT);
        at(10_000);
        assertThat(monitor.tick(true, false)).isEqualTo(ATTRACT);
        assertThat(monitor.tick(true, true)).isEqualTo(NONE);
    }

    @Test
    void anAttractScreenAlreadyShowingIsNotAskedForAgain() {
        at(30);
        assertThat(monitor.tick(true, true)).isEqualTo(NONE);
        at(60);
        assertThat(monitor.tick(true, true)).isEqualTo(NONE);
        at(61);
        assertThat(monitor.tick(true, true)).isEqualTo(NONE);
    }

    @Test
    void aTouchOnTheHomeScreenPutsTheAttractScreenOff() {
        at(60);
        assertThat(monitor.tick(true, false)).isEqualTo(ATTRACT);
        monitor.activity();
        assertThat(monitor.tick(true, false)).isEqualTo(NONE);
        at(119.999);
        assertThat(monitor.tick(true, false)).isEqualTo(NONE);
        at(120);
        assertThat(monitor.tick(true, false)).isEqualTo(ATTRACT);
    }

    @Test
    void secondsLeftRoundsUpSoTheCountdownNeverShowsZeroEarly() {
        assertThat(monitor.secondsLeft()).isEqualTo(90);
        at(0.001);
        assertThat(monitor.secondsLeft()).as("89.999 s left").isEqualTo(90);
        at(0.999);
        assertThat(monitor.secondsLeft()).isEqualTo(90);
        at(1);
        assertThat(monitor.secondsLeft()).isEqualTo(89);
        at(70);
        assertThat(monitor.secondsLeft()).as("when the warning opens").isEqualTo(20);
        at(88.5);
        assertThat(monitor.secondsLeft()).isEqualTo(2);
        at(89.001);
        assertThat(monitor.secondsLeft()).isEqualTo(1);
        at(90);
        assertThat(monitor.secondsLeft()).isZero();
        at(95.5);
        assertThat(monitor.secondsLeft()).as("never negative").isZero();
    }

    @Test
    void whileTheCountdownShowsItIsNeverZeroBeforeTheTimeout() {
        for (int ms = 70_000; ms < 90_000; ms += 37) {
            at(ms / 1000.0);
            assertThat(inSession()).isEqualTo(WARN);
            assertThat(monitor.secondsLeft()).as("at %d ms", ms).isBetween(1L, 20L);
        }
    }

    @Test
    void theWarningStartsAtTheStartWhenItIsAsLongAsTheTimeout() {
        IdleMonitor m = new IdleMonitor(clock, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(m.tick(false, false)).isEqualTo(WARN);
    }

    @Test
    void theEldersModeDoublesEveryLimit() {
        monitor.setStretch(2);
        at(139.999);
        assertThat(inSession()).isEqualTo(NONE);
        at(140);
        assertThat(inSession()).as("at 2 × (timeout - warning)").isEqualTo(WARN);
        assertThat(monitor.secondsLeft()).isEqualTo(40);
        at(179.999);
        assertThat(inSession()).isEqualTo(WARN);
        at(180);
        assertThat(inSession()).isEqualTo(TIMEOUT);
        monitor.activity();
        assertThat(monitor.tick(true, false)).isEqualTo(NONE);
        at(180 + 119.999);
        assertThat(monitor.tick(true, false)).isEqualTo(NONE);
        at(180 + 120);
        assertThat(monitor.tick(true, false)).as("attract after 2 × 60 s").isEqualTo(ATTRACT);
    }

    @Test
    void aScreenThatOnlyShowsWarnsAfterItsQuietTimeAndEndsAWarningLater() {
        Duration quiet = Duration.ofSeconds(30);
        at(29.999);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(NONE);
        at(30);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(WARN);
        assertThat(monitor.secondsLeftShowing(quiet)).isEqualTo(20);
        at(49.999);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(WARN);
        at(50);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(TIMEOUT);
        monitor.activity(); // "I need more time"
        assertThat(monitor.tickShowing(quiet)).isEqualTo(NONE);
        monitor.setStretch(2);
        at(50 + 59.999);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(NONE);
        at(50 + 60);
        assertThat(monitor.tickShowing(quiet)).as("quiet time doubled").isEqualTo(WARN);
        assertThat(monitor.secondsLeftShowing(quiet)).isEqualTo(40);
        at(50 + 100);
        assertThat(monitor.tickShowing(quiet)).isEqualTo(TIMEOUT);
    }
}
