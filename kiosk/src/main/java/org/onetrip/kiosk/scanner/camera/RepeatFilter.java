package org.onetrip.kiosk.scanner.camera;

import java.time.Duration;

/**
 * A camera sees a receipt held under it in many frames in a row; it counts once. A code passes when
 * it differs from the last one passed, or when the last one has not been seen for
 * {@code forgetAfter} (the receipt was taken away and shown again). Frames without a code do not
 * reset this: a code lost for a frame or two by blur or glare is the same showing. Pure; time in.
 */
public final class RepeatFilter {
    private final long forgetAfterNanos;
    private String last;
    private long lastSeen;

    public RepeatFilter(Duration forgetAfter) {
        this.forgetAfterNanos = forgetAfter.toNanos();
    }

    /** True when {@code code}, seen at {@code nanos}, is a new showing and should be reported. */
    public boolean pass(String code, long nanos) {
        boolean same = code.equals(last) && nanos - lastSeen < forgetAfterNanos;
        last = code;
        lastSeen = nanos;
        return !same;
    }
}
