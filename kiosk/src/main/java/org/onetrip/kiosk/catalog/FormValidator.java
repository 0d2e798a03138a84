package org.onetrip.kiosk.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onetrip.kiosk.text.TextRules;

/**
 * Checks a form's values against its service definition. Values are strings as the form and
 * Open311 carry them; a multi-value list is comma-separated keys. Used by the screen (beside each
 * field) and again by the filing service, so the command line gets the same rules.
 */
public final class FormValidator {
    private final java.time.Clock clock;

    /** Dates are checked against today on the kiosk's clock. */
    public FormValidator(java.time.Clock clock) {
        this.clock = clock;
    }

    public FormValidator() {
        this(java.time.Clock.systemDefaultZone());
    }

    /**
     * For a request filed earlier (a kiosk's outbox may deliver days later): dates relative to
     * "today" are checked against the day of filing, {@code filedAt} (ISO-8601 instant), in this
     * zone; today when it is absent or unreadable.
     */
    public static FormValidator asFiledAt(String filedAt) {
        if (filedAt != null) {
            try {
                return new FormValidator(java.time.Clock.fixed(java.time.Instant.parse(filedAt), java.time.ZoneId.systemDefault()));
            } catch (java.time.format.DateTimeParseException e) {
                // checked against today, as a request without the attribute
            }
        }
        return new FormValidator();
    }

    public List<FieldError> validate(ServiceDefinition service, Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        for (String code : values.keySet()) {
            if (service.attribute(code) == null) {
                errors.add(FieldError.of(code, FieldError.Kind.UNKNOWN_FIELD));
            }
        }
        for (Attribute a : service.attributes()) {
            FieldError e = validate(a, values.get(a.code()));
            if (e != null) {
                errors.add(e);
            }
        }
        return errors;
    }

    /**
     * The error for one field's value, or null when the value is acceptable. The value is checked
     * as it will be stored: {@link TextRules#normalise normalised} (NFC, LF line breaks).
     */
    public FieldError validate(Attribute a, String raw) {
        String v = raw == null ? "" : TextRules.normalise(raw);
        if (v.isEmpty()) {
            return a.required() ? FieldError.of(a.code(), FieldError.Kind.REQUIRED) : null;
        }
        Validation rule = a.validation();
        if (v.codePointCount(0, v.length()) > rule.maxLength()) {
            return new FieldError(a.code(), FieldError.Kind.TOO_LONG, null, (long) rule.maxLength());
        }
        // Only a multi-line text may hold line breaks; a one-line value prints on one receipt line.
        // No control, format (bidi overrides, zero-width) or replacement characters anywhere.
        String refused = TextRules.problem(v, a.datatype() == Datatype.TEXT);
        if (refused != null) {
            return new FieldError(a.code(), FieldError.Kind.REFUSED_CHARACTER, null, null, refused);
        }
        switch (a.datatype()) {
            case SINGLEVALUELIST -> {
                return a.value(v) == null ? FieldError.of(a.code(), FieldError.Kind.NOT_A_CHOICE) : null;
            }
            case MULTIVALUELIST -> {
                Set<String> seen = new HashSet<>();
                // limit -1 keeps trailing empty pieces, so "a," is refused like "a,,b".
                for (String k : v.split(",", -1)) {
                    if (a.value(k.strip()) == null || !seen.add(k.strip())) {
                        return FieldError.of(a.code(), FieldError.Kind.NOT_A_CHOICE);
                    }
                }
                return null;
            }
            case DATETIME -> {
                LocalDate d;
                try {
                    d = LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    return FieldError.of(a.code(), FieldError.Kind.NOT_A_DATE);
                }
                LocalDate today = LocalDate.now(clock);
                LocalDate earliest = rule.earliest(today);
                LocalDate latest = rule.latest(today);
                if (d.isBefore(earliest)) {
                    return new FieldError(a.code(), FieldError.Kind.DATE_TOO_EARLY, null, null, earliest.toString());
                }
                if (d.isAfter(latest)) {
                    return new FieldError(a.code(), FieldError.Kind.DATE_TOO_LATE, null, null, latest.toString());
                }
                return null;
            }
            case NUMBER -> {
                return integer(a, v, rule);
            }
            default -> {
                return switch (rule.kind()) {
                    case "phone" -> Validation.MOBILE.matcher(v).matches() ? null
                            : FieldError.of(a.code(), FieldError.Kind.NOT_A_PHONE);
                    case "integer" -> integer(a, v, rule);
                    case "id_number" -> org.onetrip.kiosk.idcard.IdNumbers.isValid(v.toUpperCase(java.util.Locale.ROOT)) ? null
                            : FieldError.of(a.code(), FieldError.Kind.NOT_AN_ID_NUMBER);
                    case "pattern" -> Pattern.compile(rule.pattern()).matcher(v).matches() ? null
                            : FieldError.of(a.code(), FieldError.Kind.PATTERN);
                    default -> null;
                };
            }
        }
    }

    private static FieldError integer(Attribute a, String v, Validation rule) {
        if (!v.matches("-?\\d{1,15}")) {
            return FieldError.of(a.code(), FieldError.Kind.NOT_A_NUMBER);
        }
        long n = Long.parseLong(v);
        if ((rule.min() != null && n < rule.min()) || (rule.max() != null && n > rule.max())) {
            return new FieldError(a.code(), FieldError.Kind.OUT_OF_RANGE, rule.min(), rule.max());
        }
        return null;
    }
}
