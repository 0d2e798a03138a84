package org.onetrip.kiosk.catalog;

import java.util.regex.Pattern;

/**
 * A field's rule beyond its datatype. {@code kind} is one of {@code phone} (a mainland mobile
 * number), {@code integer} (with {@code min}/{@code max}), {@code pattern} (a regular expression),
 * or {@code none}; {@code maxLength} applies to every text.
 */
public record Validation(String kind, Long min, Long max, String pattern, int maxLength) {

    public static final Validation NONE = new Validation("none", null, null, null, 200);
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public Validation {
        kind = kind == null ? "none" : kind;
        if (!kind.matches("none|phone|integer|pattern")) {
            throw new IllegalArgumentException("unknown validation kind '" + kind + "'");
        }
        if (kind.equals("pattern")) {
            Pattern.compile(pattern); // fails loudly on a bad catalogue
        }
        maxLength = maxLength <= 0 ? 200 : maxLength;
    }
}
