package org.onetrip.kiosk.request;

import java.time.Instant;
import java.util.Map;

/**
 * What the store has erased of personal data, for {@code kiosk queue}: requests still holding it
 * (and the oldest one's filing time), requests erased by where they stood when erased —
 * {@code delivered}, {@code refused} (delivered, then rejected by the back office), {@code parked}
 * (refused at intake, waiting for the technician) and {@code pending} (never delivered, e.g. no
 * back office) — and by the month they were filed ({@code 2025-03}), oldest first.
 */
public record ErasureSummary(
        long kept,
        Instant oldestKeptFiledAt,
        long delivered,
        long refused,
        long parked,
        long pending,
        Map<String, Long> erasedByMonthFiled,
        Instant lastErasedAt) {

    public ErasureSummary {
        erasedByMonthFiled = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(erasedByMonthFiled));
    }

    public long erased() {
        return delivered + refused + parked + pending;
    }
}
