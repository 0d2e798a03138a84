package org.onetrip.kiosk.ui.idle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides, from the time of the last touch, what an unattended kiosk does: after
 * {@code timeout − warning} it asks "are you still there?" with a countdown; at {@code timeout} it
 * ends the session; on the home screen it gives way to the attract screen. Pure logic, driven by a
 * clock, so tests move time instead of waiting.
 */
public final class IdleMonitor {

    public enum Action { NONE, WARN, TIMEOUT, ATTRACT }

    private final Clock clock;
    private final Duration timeout;
    private final Duration warning;
    private final Duration attractAfter;
    private Instant lastActivity;

    public IdleMonitor(Clock clock, Duration timeout, Duration warning, Duration attractAfter) {
        this.clock = clock;
        this.timeout = timeout;
        this.warning = warning;
        this.attractAfter = attractAfter;
        this.lastActivity = clock.instant();
    }

    /** A touch, a click or a key press. */
    public void activity() {
        lastActivity = clock.instant();
    }

    /** What to do now; {@code atRest} is true on the home and attract screens. */
    public Action tick(boolean atRest, boolean attractShowing) {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (atRest) {
            return !attractShowing && idle.compareTo(attractAfter) >= 0 ? Action.ATTRACT : Action.NONE;
        }
        if (idle.compareTo(timeout) >= 0) {
            return Action.TIMEOUT;
        }
        return idle.compareTo(timeout.minus(warning)) >= 0 ? Action.WARN : Action.NONE;
    }

    /** How long since the last touch, click, key press or scan. */
    public Duration idleFor() {
        return Duration.between(lastActivity, clock.instant());
    }

    /** Whole seconds left before the session ends, for the countdown. */
    public long secondsLeft() {
        Duration left = timeout.minus(Duration.between(lastActivity, clock.instant()));
        return Math.max(0, (left.toMillis() + 999) / 1000);
    }
}
