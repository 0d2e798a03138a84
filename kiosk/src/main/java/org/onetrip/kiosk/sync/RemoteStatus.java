package org.onetrip.kiosk.sync;

import java.time.Instant;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * A request's status as the back office reports it: {@code status} from extension 2's
 * {@code status_detail} when sent; else {@code null} with {@code closed} telling plain Open311's
 * open/closed. {@code updated} is null when the server sent no readable {@code updated_datetime}.
 */
public record RemoteStatus(String serviceRequestId, RequestStatus status, boolean closed, String notes, Instant updated) {

    /**
     * The status to record given the kiosk's current one: the detail when the server sends it;
     * from plain open/closed only what can be told (closed is completed; open moves a request
     * that was only queued to received and otherwise keeps the finer status the kiosk knows).
     */
    public RequestStatus resolve(RequestStatus current) {
        if (status != null) {
            return status;
        }
        if (closed) {
            return current.isFinal() ? current : RequestStatus.COMPLETED;
        }
        return current == RequestStatus.QUEUED ? RequestStatus.RECEIVED : current;
    }
}
