package org.onetrip.kiosk.request;

import java.util.Locale;

/**
 * Where a request stands. {@code QUEUED} is the kiosk's own (filed here, not yet confirmed by the
 * back office); the rest are Open311 extension 2's {@code status_detail} values.
 */
public enum RequestStatus {
    QUEUED, RECEIVED, IN_PROGRESS, NEEDS_DOCUMENTS, COMPLETED, REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus ofWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }
}
