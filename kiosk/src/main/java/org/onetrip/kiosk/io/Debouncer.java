package org.onetrip.kiosk.io;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One input's debounce: a level counts once it has held, unchanged, for the settle time. Contacts
 * bounce for a few milliseconds when they close, a door switch chatters when the cabinet is
 * knocked, long sensor wires pick up spikes from the printer's motor: none of these holds.
 *
 * <p>Pure and single-threaded: the I/O thread feeds it raw levels with their times and asks at
 * the time {@link #sample} returned. Times come from the caller, so tests move a clock by hand.
 */
final class Debouncer {

    /** A settled change; {@code since} is the first edge of the burst that led to it. */
    record Change(boolean level, Instant since) {
    }

    private final Duration settle;
    private boolean stable;
    private boolean last;
    private Instant lastEdge;
    private Instant firstEdge;

    Debouncer(Duration settle, boolean initial) {
        if (settle.isNegative()) {
            throw new IllegalArgumentException("negative settle time " + settle);
        }
        this.settle = settle;
        this.stable = initial;
        this.last = initial;
    }

    boolean stable() {
        return stable;
    }

    /**
     * A raw level seen at {@code t}. Returns when {@link #settle} should next be asked, or empty
     * when the level is the one last seen (a repeated event is no edge).
     */
    Optional<Instant> sample(boolean level, Instant t) {
        if (level == last) {
            return Optional.empty();
        }
        last = level;
        lastEdge = t;
        if (level != stable && firstEdge == null) {
            firstEdge = t;
        }
        return Optional.of(t.plus(settle));
    }

    /** When {@link #settle} can next decide, or empty when no edge is pending. */
    Optional<Instant> due() {
        return lastEdge == null ? Optional.empty() : Optional.of(lastEdge.plus(settle));
    }

    /**
     * At {@code t}: the new stable level when the raw level has held for the settle time and
     * differs from the stable one. A burst that ends where it started is a glitch and reports
     * nothing.
     */
    Optional<Change> settle(Instant t) {
        if (lastEdge == null || t.isBefore(lastEdge.plus(settle))) {
            return Optional.empty();
        }
        Instant since = firstEdge;
        lastEdge = null;
        firstEdge = null;
        if (last == stable) {
            return Optional.empty();
        }
        stable = last;
        return Optional.of(new Change(stable, since));
    }
}
