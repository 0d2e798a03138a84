package org.onetrip.kiosk.request;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.onetrip.kiosk.idcard.Identity;

/**
 * What the sync worker needs to send one request: everything the back office must see, in filing
 * order ({@code seq}). Built from the store only while the request is pending. {@code ticket} is the
 * number on the resident's receipt ({@code D-017}), so staff can find a request by it.
 */
public record OutboxEntry(
        long seq,
        UUID requestId,
        String kioskId,
        String serviceCode,
        Instant filedAt,
        String receiptToken,
        String ticket,
        Map<String, String> attributes,
        Map<String, String> personalAttributes,
        Identity resident,
        Identity agent,
        int attempts,
        Instant nextAttemptAt) {
}
