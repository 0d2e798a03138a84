package org.onetrip.kiosk.status;

import java.time.Instant;

/** The answer to one scanned code, for the status screen and the command line alike. */
public sealed interface StatusAnswer {

    /** A request of this kiosk, named by a token this kiosk signed. */
    record Found(StatusReport report) implements StatusAnswer {
    }

    /**
     * Anything else: not a token, a forged, truncated or foreign one, or a genuine token whose
     * request is not in the store. One answer for all, so it tells nothing about what exists.
     */
    record NotRecognised() implements StatusAnswer {
    }

    /** Too many codes were not recognised; look-ups resume at {@code until}. Nothing was checked. */
    record TooManyTries(Instant until) implements StatusAnswer {
    }

    /** The store could not be read (a fault for the technician, not the resident's doing). */
    record Unavailable() implements StatusAnswer {
    }
}
