package org.onetrip.kiosk.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request as the store holds it, for the status screen, the command line and the outbox.
 * {@code maskedName} is all that remains of the resident's name once personal data is erased.
 */
public record StoredRequest(
        UUID requestId,
        String ticket,
        String serviceCode,
        String windowCode,
        Instant filedAt,
        String receiptToken,
        RequestStatus status,
        String maskedName,
        Map<String, String> attributes,
        List<StatusChange> history,
        OutboxState outboxState,
        String serviceRequestId,
        boolean personalDataKept) {

    public StoredRequest {
        attributes = Map.copyOf(attributes);
        history = List.copyOf(history);
    }
}
