package org.onetrip.kiosk.request;

import java.time.Instant;

/** One step of a request's history; {@code source} is {@code kiosk} or {@code backoffice}. */
public record StatusChange(Instant at, RequestStatus status, String note, String source) {
}
