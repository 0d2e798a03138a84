package org.onetrip.kiosk.sync;

import java.time.Instant;
import java.util.UUID;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * What the sync worker did, one call per event, on the sync thread: for {@code kiosk sync}'s output
 * and for tests. Reasons come from the back office and are shown to the technician, not logged.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {
    };

    default void delivered(UUID requestId, String serviceRequestId, String token, boolean replayed) {
    }

    default void parked(UUID requestId, String reason) {
    }

    default void retrying(UUID requestId, String reason, Instant nextAttempt) {
    }

    default void stopped(String reason) {
    }

    default void tokenResolved(UUID requestId, String serviceRequestId) {
    }

    default void statusChanged(UUID requestId, RequestStatus from, RequestStatus to) {
    }

    default void heartbeat(boolean sent, String note) {
    }

    default void catalogue(int services, String note) {
    }
}
