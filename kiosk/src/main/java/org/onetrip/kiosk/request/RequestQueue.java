package org.onetrip.kiosk.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onetrip.kiosk.device.DeviceStatus;

/**
 * The durable store of filed requests and the outbox to the back office. {@link #file} commits in
 * one transaction before it returns: the resident sees a ticket only for a committed request.
 * Implementations are thread-safe.
 */
public interface RequestQueue extends AutoCloseable {

    /**
     * Stores the request, allocates its ticket ({@code letter-NNN}, per kiosk per day, never
     * reused even after a crash), records the first history step and enqueues it for delivery.
     * Filing the same request id twice returns the first filing unchanged.
     */
    FiledRequest file(NewRequest request);

    Optional<StoredRequest> find(UUID requestId);

    Optional<StoredRequest> findByToken(String receiptToken);

    /** Requests per outbox state, every state present (zero when none). */
    Map<OutboxState, Long> countsByOutboxState();

    /** Requests per status, every status present (zero when none). */
    Map<RequestStatus, Long> countsByStatus();

    /** Pending entries due at {@code now}, oldest filing first. */
    List<OutboxEntry> nextToSend(Instant now, int limit);

    /** The back office confirmed the request: it leaves the outbox; status becomes RECEIVED. */
    void markDelivered(UUID requestId, String serviceRequestId, Instant at);

    /** A failed attempt: try again at {@code nextAttemptAt}; the error is kept for the technician. */
    void markAttemptFailed(UUID requestId, String error, Instant nextAttemptAt);

    /** Refused by the back office: parked with the reason, not retried. */
    void park(UUID requestId, String reason, Instant at);

    /** Parked requests with their reasons, for {@code kiosk queue} and the technician. */
    List<ParkedRequest> parked();

    /** A status reported by the back office, appended to the history when it differs. */
    void recordStatus(UUID requestId, RequestStatus status, String note, Instant at);

    /** Erases personal data of requests delivered before {@code deliveredBefore}; returns how many. */
    int erasePersonalData(Instant deliveredBefore);

    /** The store's health, in the same model as the devices'. */
    DeviceStatus status();

    @Override
    void close();

    /** A request the back office refused. */
    record ParkedRequest(UUID requestId, String ticket, String serviceCode, String reason, Instant at) {
    }
}
