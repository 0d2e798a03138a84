package org.onetrip.kiosk.sync;

/**
 * A back-office call other than filing failed. {@link Kind#UNREACHABLE} passes by itself (network,
 * 5xx); {@link Kind#MISCONFIGURED} needs the technician (403, not an Open311 endpoint);
 * {@link Kind#NOT_OFFERED} means the server lacks an optional extension (a 404 on the heartbeat).
 */
public final class BackOfficeException extends RuntimeException {

    public enum Kind { UNREACHABLE, MISCONFIGURED, NOT_OFFERED }

    private final Kind kind;

    public BackOfficeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public BackOfficeException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
