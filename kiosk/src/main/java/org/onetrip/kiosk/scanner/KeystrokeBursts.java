package org.onetrip.kiosk.scanner;

import java.time.Duration;

/**
 * Tells a USB scanner in keyboard mode from a person at a keyboard. Such a scanner "types" each
 * code as a burst of keystrokes a few milliseconds apart and presses Enter; a person's keystrokes
 * are 100 ms or more apart, and even a fast typist's rolled pairs do not come eight in a row under
 * {@link #maxGap()}.
 *
 * <p>Pure: keystrokes and times in, decisions out. The caller holds every printable keystroke back
 * until this says what it was: part of a scan (never shown), typing (to be passed on, in order,
 * at most {@link #maxGap()} late), or a fast burst that did not end in Enter (dropped: a scanner
 * set without the Enter suffix, or a hand on the keys; either way it must not land in a field).
 */
public final class KeystrokeBursts {

    /**
     * What to do with the held keystrokes, oldest first: pass the first {@code release} on as
     * typing, then discard the next {@code drop}; {@code scan} is the payload when a burst ended a
     * scan; {@code swallowKey} is true when the key just reported (Enter) belongs to the scanner.
     */
    public record Outcome(int release, int drop, String scan, boolean swallowKey, String dropReason) {
        static final Outcome NONE = new Outcome(0, 0, null, false, null);

        static Outcome typing(int n) {
            return n == 0 ? NONE : new Outcome(n, 0, null, false, null);
        }
    }

    private final long maxGapNanos;
    private final int minLength;
    private final int maxLength;
    private final StringBuilder held = new StringBuilder();
    private int count;
    private long last;

    /**
     * @param maxGap    the longest pause between two keystrokes of one scan
     * @param minLength the fewest characters a scan has (a receipt token has 24)
     * @param maxLength the most characters a scan may have
     */
    public KeystrokeBursts(Duration maxGap, int minLength, int maxLength) {
        this.maxGapNanos = maxGap.toNanos();
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public Duration maxGap() {
        return Duration.ofNanos(maxGapNanos);
    }

    /** Keystrokes held now. */
    public int held() {
        return count;
    }

    /** A printable character typed at {@code nanos}; the caller holds it back after applying the outcome. */
    public Outcome typed(char c, long nanos) {
        Outcome before = expire(nanos);
        if (count < maxLength + 1) {
            held.append(c);
        }
        count++;
        last = nanos;
        return before;
    }

    /** Enter pressed at {@code nanos}. */
    public Outcome enter(long nanos) {
        Outcome expired = expire(nanos);
        if (expired.drop() > 0) {
            // A fast burst whose Enter came late: the Enter is the scanner's too.
            return new Outcome(expired.release(), expired.drop(), null, true, expired.dropReason());
        }
        if (count == 0) {
            return expired; // Enter after typing, or on its own: a person's
        }
        int n = count;
        String text = held.toString();
        clear();
        if (n < minLength) {
            return Outcome.typing(n); // a few quick keys and Enter: a person
        }
        if (n > maxLength) {
            return new Outcome(0, n, null, true, "longer than " + maxLength + " characters");
        }
        return new Outcome(0, n, text, true, null);
    }

    /** A key that edits or moves (Backspace, Tab, arrows, Esc) at {@code nanos}: a person is at the keys. */
    public Outcome interrupt(long nanos) {
        Outcome expired = expire(nanos);
        if (count == 0) {
            return expired;
        }
        return settle();
    }

    /**
     * Called when no key came for a while: held keystrokes whose burst is over are settled. A burst
     * is over once {@link #maxGap()} has passed since its last keystroke without Enter.
     */
    public Outcome expire(long nanos) {
        if (count == 0 || nanos - last <= maxGapNanos) {
            return Outcome.NONE;
        }
        return settle();
    }

    private Outcome settle() {
        int n = count;
        clear();
        if (n >= minLength) {
            return new Outcome(0, n, null, false, "a fast burst of " + n + " keystrokes without Enter");
        }
        return Outcome.typing(n);
    }

    private void clear() {
        held.setLength(0);
        count = 0;
    }
}
