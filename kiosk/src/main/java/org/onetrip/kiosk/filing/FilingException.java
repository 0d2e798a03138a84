package org.onetrip.kiosk.filing;

import java.util.List;
import java.util.stream.Collectors;
import org.onetrip.kiosk.catalog.FieldError;

/** A submission that cannot be filed as it stands; nothing was stored. */
public final class FilingException extends RuntimeException {

    public enum Reason { UNKNOWN_SERVICE, INVALID_FIELDS, IDENTITY_MISSING, CARD_REFUSED, AGENT_NOT_REGISTERED, STORE_FAILED }

    private final Reason reason;
    private final List<FieldError> fieldErrors;

    public FilingException(Reason reason, String message, List<FieldError> fieldErrors, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public FilingException(Reason reason, String message) {
        this(reason, message, List.of(), null);
    }

    public static FilingException invalid(List<FieldError> errors) {
        return new FilingException(Reason.INVALID_FIELDS,
                errors.stream().map(FieldError::describe).collect(Collectors.joining("; ")), errors, null);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
