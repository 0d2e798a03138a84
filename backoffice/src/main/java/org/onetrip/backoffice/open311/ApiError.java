package org.onetrip.backoffice.open311;

import java.util.List;

/**
 * An answer in Open311's error form: HTTP {@code status} and an array of
 * {@code {"code": N, "description": "…"}}. Descriptions name fields, never quote values: a value
 * may be a resident's phone number, and error texts end up in kiosk logs and screens.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final List<String> descriptions;
    private java.time.Duration retryAfter;

    public ApiError(int status, List<String> descriptions) {
        super(status + ": " + String.join("; ", descriptions), null, false, false);
        if (descriptions.isEmpty()) {
            throw new IllegalArgumentException("an error needs a description");
        }
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    public ApiError(int status, String description) {
        this(status, List.of(description));
    }

    /** 429 Too Many Requests (RFC 6585) with the wait for {@code Retry-After}. */
    public static ApiError tooManyRequests(String description, java.time.Duration wait) {
        ApiError e = new ApiError(429, description);
        e.retryAfter = wait;
        return e;
    }

    /** The wait for {@code Retry-After}, in whole seconds (at least 1); 0 when there is none. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public int status() {
        return status;
    }

    public List<String> descriptions() {
        return descriptions;
    }
}
