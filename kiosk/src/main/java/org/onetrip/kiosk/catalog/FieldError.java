package org.onetrip.kiosk.catalog;

/**
 * Why a field's value was refused; the UI words it from the resource bundle {@code field.error.*}
 * with {@link #messageArgs()}. {@code detail} is the refused character for
 * {@code REFUSED_CHARACTER} and the bound (YYYY-MM-DD) for the date kinds.
 */
public record FieldError(String attributeCode, Kind kind, Long min, Long max, String detail) {

    public enum Kind { REQUIRED, NOT_A_PHONE, NOT_A_NUMBER, OUT_OF_RANGE, TOO_LONG, NOT_A_CHOICE, NOT_A_DATE, PATTERN, NOT_AN_ID_NUMBER, UNKNOWN_FIELD,
        REFUSED_CHARACTER, DATE_TOO_EARLY, DATE_TOO_LATE }

    public FieldError(String attributeCode, Kind kind, Long min, Long max) {
        this(attributeCode, kind, min, max, null);
    }

    public static FieldError of(String code, Kind kind) {
        return new FieldError(code, kind, null, null);
    }

    /** The message's arguments: {0} min, {1} max, {2} detail (empty when absent). */
    public Object[] messageArgs() {
        return new Object[] {min == null ? "" : min, max == null ? "" : max, detail == null ? "" : detail};
    }

    /** A message for logs and the command line (English; the UI uses its bundle). */
    public String describe() {
        return switch (kind) {
            case REQUIRED -> attributeCode + ": required";
            case NOT_A_PHONE -> attributeCode + ": not an 11-digit mobile number";
            case NOT_A_NUMBER -> attributeCode + ": not a whole number";
            case OUT_OF_RANGE -> attributeCode + ": must be from " + min + " to " + max;
            case TOO_LONG -> attributeCode + ": longer than " + max + " characters";
            case NOT_A_CHOICE -> attributeCode + ": not one of the listed choices";
            case NOT_A_DATE -> attributeCode + ": not a date (YYYY-MM-DD)";
            case PATTERN -> attributeCode + ": not in the expected form";
            case NOT_AN_ID_NUMBER -> attributeCode + ": not a valid 18-character ID number";
            case UNKNOWN_FIELD -> attributeCode + ": the service has no such field";
            case REFUSED_CHARACTER -> attributeCode + ": " + detail;
            case DATE_TOO_EARLY -> attributeCode + ": must not be before " + detail;
            case DATE_TOO_LATE -> attributeCode + ": must not be after " + detail;
        };
    }
}
