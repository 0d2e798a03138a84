package org.onetrip.kiosk.catalog;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A field's rule beyond its datatype. {@code kind} is one of {@code phone} (a mainland mobile
 * number), {@code integer} (with {@code min}/{@code max}), {@code pattern} (a regular expression),
 * {@code id_number} (an 18-character citizen ID number with a right check character, GB 11643) or {@code none}; {@code maxLength} applies to every text (0 or less means the default, 200).
 * For a {@code datetime} field, {@code min}/{@code max} are days from today: the dates its picker offers.
 */
public record Validation(String kind, Long min, Long max, String pattern, int maxLength) {

    public static final Validation NONE = new Validation("none", null, null, null, 200);
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public Validation {
        kind = kind == null ? "none" : kind;
        if (!kind.matches("none|phone|integer|pattern|id_number")) {
            throw new IllegalArgumentException("unknown validation kind '" + kind + "'");
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
    }
}
