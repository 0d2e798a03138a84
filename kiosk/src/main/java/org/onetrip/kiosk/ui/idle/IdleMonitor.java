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
    /** 2 in the elders' mode (issue 12: time limits doubled), else 1. */
    private int stretch = 1;

    public IdleMonitor(Clock clock, Duration timeout, Duration warning, Duration attractAfter) {
        this.clock = clock;
        this.timeout = timeout;
        this.warning = warning;
        this.attractAfter = attractAfter;
        this.lastActivity = clock.instant();
    }

    /** Multiplies every limit by {@code factor} (2 in the elders' mode) from now on. */
    public void setStretch(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("stretch " + factor);
        }
        stretch = factor;
    }

    public int stretch() {
        return stretch;
    }

    /** {@code d} as this monitor counts it: stretched in the elders' mode. */
    public Duration stretched(Duration d) {
        return d.multipliedBy(stretch);
    }

    /** How long the countdown runs before anything ends (stretched in the elders' mode). */
    public Duration warning() {
        return stretched(warning);
    }

    /** A touch, a click or a key press. */
    public void activity() {
        lastActivity = clock.instant();
    }

    /** What to do now; {@code atRest} is true on the home and attract screens. */
    public Action tick(boolean atRest, boolean attractShowing) {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (atRest) {
            return !attractShowing && idle.compareTo(stretched(attractAfter)) >= 0 ? Action.ATTRACT : Action.NONE;
        }
        return countdown(idle, stretched(timeout));
    }

    /**
     * For a screen that only shows something (the status screen): {@code quiet} untouched, then the
     * same countdown as everywhere ({@code warning} long, "I need more time"), then TIMEOUT. Both
     * stretched in the elders' mode.
     */
    public Action tickShowing(Duration quiet) {
        return countdown(idleFor(), stretched(quiet.plus(warning)));
    }

    private Action countdown(Duration idle, Duration end) {
        if (idle.compareTo(end) >= 0) {
            return Action.TIMEOUT;
        }
        return idle.compareTo(end.minus(stretched(warning))) >= 0 ? Action.WARN : Action.NONE;
    }

    /** How long since the last touch, click, key press or scan. */
    public Duration idleFor() {
        return Duration.between(lastActivity, clock.instant());
    }

    /** Whole seconds left before the session ends, for the countdown. */
    public long secondsLeft() {
        return secondsLeftOf(stretched(timeout));
    }

    /** Whole seconds left on a screen that only shows something ({@link #tickShowing}). */
    public long secondsLeftShowing(Duration quiet) {
        return secondsLeftOf(stretched(quiet.plus(warning)));
    }

    private long secondsLeftOf(Duration end) {
        Duration left = end.minus(idleFor());
        return Math.max(0, (left.toMillis() + 999) / 1000);
    }
}
