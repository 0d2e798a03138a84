package org.onetrip.kiosk.request;

/** A request's delivery to the back office. */
public enum OutboxState {
    /** Waiting to be sent (or re-sent). */
    PENDING,
    /** The back office confirmed it with a service_request_id (or token). */
    DELIVERED,
    /** The back office refused it (400, unknown service): parked for the technician, not retried. */
    NEEDS_ATTENTION
}
