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

    /**
     * The resident has the ticket of {@code requestId}: it was shown on screen, printed, written
     * out by the command line, or a recovered receipt was dismissed ({@code how} says which). A
     * filing never acknowledged is one a crash took away before the resident saw its ticket.
     * Only the first acknowledgement is kept; an unknown id is ignored.
     */
    void acknowledgeReceipt(UUID requestId, Instant at, String how);

    /** The newest request filed in [{@code from}, {@code to}) whose ticket was never acknowledged. */
    Optional<StoredRequest> newestUnacknowledged(Instant from, Instant to);

    /** Requests per outbox state, every state present (zero when none). */
    Map<OutboxState, Long> countsByOutboxState();

    /** Requests per status, every status present (zero when none). */
    Map<RequestStatus, Long> countsByStatus();

    /** Pending entries due at {@code now}, oldest filing first. */
    List<OutboxEntry> nextToSend(Instant now, int limit);

    /** The back office confirmed the request: it leaves the outbox; status becomes RECEIVED. */
    void markDelivered(UUID requestId, String serviceRequestId, Instant at);

    /**
     * The back office accepted the request with a token instead of a service_request_id (Open311
     * batch intake): it leaves the outbox like a delivered one; the id comes via {@link #resolveToken}.
     */
    void markDeliveredAsToken(UUID requestId, String token, Instant at);

    /** Delivered requests known to the back office only by a token, in filing order. */
    List<TokenToResolve> unresolvedTokens(int limit);

    /** The back office has given the request accepted as a token its service_request_id. */
    void resolveToken(UUID requestId, String serviceRequestId);

    /**
     * Delivered requests with a service_request_id whose status is not final, in filing order
     * after {@code afterSeq}: the ones whose status the kiosk refreshes, page by page.
     */
    List<OpenRequest> openRequests(long afterSeq, int limit);

    /** Puts parked requests back in the outbox (the technician fixed the cause); returns how many. */
    int requeueParked(Instant at);

    /** A failed attempt: try again at {@code nextAttemptAt}; the error is kept for the technician. */
    void markAttemptFailed(UUID requestId, String error, Instant nextAttemptAt);

    /** Refused by the back office: parked with the reason, not retried. */
    void park(UUID requestId, String reason, Instant at);

    /** Parked requests with their reasons, for {@code kiosk queue} and the technician. */
    List<ParkedRequest> parked();

    /** A status reported by the back office, appended to the history when it differs. */
    void recordStatus(UUID requestId, RequestStatus status, String note, Instant at);

    /**
     * Erases the personal data of every request older than {@code cutoff}, whatever became of it:
     * delivered (or refused after delivery) before {@code cutoff}, or never delivered (pending,
     * parked) and filed before it. Erased are the identities, the personal attributes, the free
     * text typed into attributes and the back office's error texts; the ticket, service, status
     * history and masked name stay for the status screen. Returns how many requests were erased.
     */
    int erasePersonalData(Instant cutoff);

    /** What was erased so far and what is still kept, for {@code kiosk queue}. */
    ErasureSummary erasureSummary();

    /** The store's health, in the same model as the devices'. */
    DeviceStatus status();

    @Override
    void close();

    /** A request accepted with a back-office token and still waiting for its service_request_id. */
    record TokenToResolve(UUID requestId, String token) {
    }

    /** A delivered request whose status may still change at the back office. */
    record OpenRequest(long seq, UUID requestId, String serviceRequestId, RequestStatus status) {
    }

    /** A request the back office refused. */
    record ParkedRequest(UUID requestId, String ticket, String serviceCode, String reason, Instant at) {
    }
}
