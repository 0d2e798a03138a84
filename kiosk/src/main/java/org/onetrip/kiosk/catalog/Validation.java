package org.onetrip.kiosk.catalog;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A field's rule beyond its datatype. {@code kind} is one of {@code phone} (a mainland mobile
 * number), {@code integer} (with {@code min}/{@code max}), {@code pattern} (a regular expression),
 * {@code id_number} (an 18-character citizen ID number with a right check character, GB 11643) or {@code none}; {@code maxLength} applies to every text (0 or less means the default, 200).
 * A date field's range is {@code minDate}..{@code maxDate} ({@link DateBound}); where the
 * catalogue gives none, {@link #DEFAULT_MIN_DATE} and {@link #DEFAULT_MAX_DATE} keep out the absurd.
 */
public record Validation(String kind, Long min, Long max, String pattern, int maxLength, DateBound minDate,
        DateBound maxDate) {

    public static final Validation NONE = new Validation("none", null, null, null, 200);
    /** No date a resident enters is before 1900 (the oldest living people were born after it). */
    public static final DateBound DEFAULT_MIN_DATE = DateBound.parse("1900-01-01");
    public static final DateBound DEFAULT_MAX_DATE = DateBound.parse("today+10y");
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public Validation {
        kind = kind == null ? "none" : kind;
        switch (kind) { // not String.matches: that compiles a pattern at every call (issue 13)
            case "none", "phone", "integer", "pattern", "id_number" -> { }
            default -> throw new IllegalArgumentException("unknown validation kind '" + kind + "'");
        }
        if (kind.equals("pattern")) {
            // Fails loudly on a bad catalogue; a missing pattern would otherwise be a bare NullPointerException.
            if (pattern == null || pattern.isEmpty()) {
                throw new IllegalArgumentException("validation kind 'pattern' needs a pattern");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad validation pattern '" + pattern + "': " + e.getDescription(), e);
            }
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("validation min " + min + " is above max " + max);
        }
        maxLength = maxLength <= 0 ? 200 : maxLength;
        if (minDate != null && maxDate != null && minDate.fixed() != null && maxDate.fixed() != null
                && minDate.fixed().isAfter(maxDate.fixed())) {
            throw new IllegalArgumentException("validation min_date " + minDate.text() + " is after max_date " + maxDate.text());
        }
    }

    public Validation(String kind, Long min, Long max, String pattern, int maxLength) {
        this(kind, min, max, pattern, maxLength, null, null);
    }

    /** The earliest date allowed, on {@code today}. */
    public java.time.LocalDate earliest(java.time.LocalDate today) {
        return (minDate == null ? DEFAULT_MIN_DATE : minDate).on(today);
    }

    /** The latest date allowed, on {@code today}. */
    public java.time.LocalDate latest(java.time.LocalDate today) {
        return (maxDate == null ? DEFAULT_MAX_DATE : maxDate).on(today);
    }
}
