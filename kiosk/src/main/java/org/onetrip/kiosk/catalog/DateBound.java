package org.onetrip.kiosk.catalog;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a date field's range, as the catalogue writes it: a fixed date ({@code 1949-10-01})
 * or a date relative to the day of filing ({@code today}, {@code today-80y}, {@code today+6m},
 * {@code today+30d}). A marriage date is not after today, a booking not before it: each field says
 * its own rule in the catalogue (see firmware-config/README.md, "Service catalogue").
 */
public record DateBound(String text, LocalDate fixed, Period offset) {
    private static final Pattern RELATIVE = Pattern.compile("today(?:([+-])(\\d{1,4})([ymd]))?");

    /** Parses a bound; a wrong one fails with what is allowed. */
    public static DateBound parse(String text) {
        Matcher m = RELATIVE.matcher(text);
        if (m.matches()) {
            if (m.group(1) == null) {
                return new DateBound(text, null, Period.ZERO);
            }
            int n = Integer.parseInt(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            Period p = switch (m.group(3)) {
                case "y" -> Period.ofYears(n);
                case "m" -> Period.ofMonths(n);
                default -> Period.ofDays(n);
            };
            return new DateBound(text, null, p);
        }
        try {
            return new DateBound(text, LocalDate.parse(text), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date bound '" + text
                    + "' is neither YYYY-MM-DD nor today, today-Ny, today+Nm, today+Nd…");
        }
    }

    /** The date this bound stands for on {@code today}. */
    public LocalDate on(LocalDate today) {
        return fixed != null ? fixed : today.plus(offset);
    }
}
