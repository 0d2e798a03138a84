package org.onetrip.kiosk.ui.form;

import java.time.LocalDate;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.Validation;

/**
 * The dates a date field's picker offers: the same range the catalogue's validation accepts
 * ({@code validation.min_date} / {@code max_date} of a {@code datetime} attribute, see
 * {@link Validation#earliest} and {@link Validation#latest}), so the picker never offers a date the
 * form would refuse.
 */
record DateBounds(LocalDate min, LocalDate max) {

    DateBounds {
        if (max.isBefore(min)) {
            throw new IllegalArgumentException("date bounds " + min + " > " + max);
        }
    }

    static DateBounds of(Attribute a, LocalDate today) {
        Validation v = a.validation();
        return new DateBounds(v.earliest(today), v.latest(today));
    }

    LocalDate clamp(LocalDate d) {
        return d.isBefore(min) ? min : d.isAfter(max) ? max : d;
    }

    boolean contains(LocalDate d) {
        return !d.isBefore(min) && !d.isAfter(max);
    }
}
