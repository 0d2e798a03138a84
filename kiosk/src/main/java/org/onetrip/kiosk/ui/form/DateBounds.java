package org.onetrip.kiosk.ui.form;

import java.time.LocalDate;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.Validation;

/**
 * The dates a date field's picker offers. The catalogue gives them per field as days from today
 * ({@code validation.min} / {@code max} of a {@code datetime} attribute: a marriage date is
 * {@code -25550..0}, a booking {@code 0..90}); a field without them offers the last hundred years
 * and the next one.
 */
record DateBounds(LocalDate min, LocalDate max) {

    DateBounds {
        if (max.isBefore(min)) {
            throw new IllegalArgumentException("date bounds " + min + " > " + max);
        }
    }

    static DateBounds of(Attribute a, LocalDate today) {
        Validation v = a.validation();
        LocalDate min = v.min() != null ? today.plusDays(v.min()) : today.minusYears(100);
        LocalDate max = v.max() != null ? today.plusDays(v.max()) : today.plusYears(1);
        return new DateBounds(min, max);
    }

    LocalDate clamp(LocalDate d) {
        return d.isBefore(min) ? min : d.isAfter(max) ? max : d;
    }

    boolean contains(LocalDate d) {
        return !d.isBefore(min) && !d.isAfter(max);
    }
}
