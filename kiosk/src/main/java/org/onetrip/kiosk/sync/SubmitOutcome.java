package org.onetrip.kiosk.sync;

import java.time.Duration;

/** What the back office made of one POSTed request. Reasons are for the technician, never logged whole. */
public sealed interface SubmitOutcome {

    /**
     * Filed, now or before (a replay of the same Idempotency-Key). Exactly one of
     * {@code serviceRequestId} and {@code token} is set.
     */
    record Accepted(String serviceRequestId, String token, boolean replayed) implements SubmitOutcome {
    }

    /** Refused for what the request is (400, unknown service, 413, 422): park it, do not retry. */
    record Refused(int httpStatus, String reason) implements SubmitOutcome {
    }

    /** Not answered, or answered with a passing trouble (5xx, 429, a dropped connection): retry later. */
    record Retry(String reason, Duration retryAfter) implements SubmitOutcome {
    }

    /**
     * The kiosk's configuration is wrong for this server (403 bad api_key, a URL that is no Open311
     * endpoint): stop sending until the technician fixes it; every request would fail the same way.
     */
    record Misconfigured(int httpStatus, String reason) implements SubmitOutcome {
    }
}
