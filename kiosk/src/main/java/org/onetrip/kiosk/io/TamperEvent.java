package org.onetrip.kiosk.io;

import java.time.Instant;

/** The cabinet door moved. {@code at} is when the switch first moved, before the debounce settled. */
public record TamperEvent(Instant at, Kind kind) {

    public enum Kind {
        /** The door was opened (or the switch's wire cut): an alarm. */
        OPENED,
        /** The door was closed again. */
        CLOSED,
        /** The door was already open when the kiosk started: an alarm too (it may have been opened while off). */
        FOUND_OPEN
    }

    /** Whether the back office and the technician's screen should treat it as an alarm. */
    public boolean alarm() {
        return kind != Kind.CLOSED;
    }
}
