package org.onetrip.backoffice.staff;

import java.util.EnumSet;
import java.util.Set;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * The work order's state machine, after the 12345 hotline's 受理 → 派单 → 处置 → 反馈: a received
 * request is accepted (in progress), documents may be asked for (and come), and it ends completed
 * or rejected. Nothing leaves completed or rejected: a closed request is never reopened silently.
 * Assigning to a colleague or a department keeps the status and is allowed while a request is open.
 * This is the one list of allowed steps: the request page's buttons and the staff API's
 * {@code POST /staff/v1/requests/{id}/status} both take their steps from it.
 */
public enum Workflow {
    ACCEPT(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.NEEDS_DOCUMENTS), RequestStatus.IN_PROGRESS),
    ASK_DOCUMENTS(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS),
            RequestStatus.NEEDS_DOCUMENTS),
    COMPLETE(EnumSet.of(RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS), RequestStatus.COMPLETED),
    REJECT(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS),
            RequestStatus.REJECTED),
    ASSIGN(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS), null);

    private final Set<RequestStatus> from;
    private final RequestStatus to;

    Workflow(Set<RequestStatus> from, RequestStatus to) {
        this.from = from;
        this.to = to;
    }

    public Set<RequestStatus> from() {
        return from;
    }

    /** The status after this step; null for a step that keeps it (assign). */
    public RequestStatus to() {
        return to;
    }

    public boolean allowedFrom(RequestStatus s) {
        return from.contains(s);
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The step that sets a request to {@code to} (accept for in progress, ask for documents, complete,
     * reject); null for received (and queued), which no step leads back to.
     */
    public static Workflow toward(RequestStatus to) {
        for (Workflow w : values()) {
            if (w.to != null && w.to == to) {
                return w;
            }
        }
        return null;
    }

    public static Workflow ofWire(String s) {
        for (Workflow w : values()) {
            if (w.wire().equals(s)) {
                return w;
            }
        }
        return null;
    }
}
