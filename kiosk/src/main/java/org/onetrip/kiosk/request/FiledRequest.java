package org.onetrip.kiosk.request;

import java.time.Instant;
import java.util.UUID;

/** A request durably committed on the kiosk: what the resident's ticket and receipt show. */
public record FiledRequest(UUID requestId, String ticket, String receiptToken, Instant filedAt) {
}
