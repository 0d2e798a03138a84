package org.onetrip.kiosk.ui;

import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.ServiceDefinition;

/** Fills a form's required fields the way a resident would: first choices, first phrases, keypad digits. */
final class FormFiller {
    private FormFiller() {
    }

    static void fillRequired(KioskUiTestBase t, ServiceDefinition s) {
        for (Attribute a : s.attributes()) {
            if (a.required()) {
                fill(t, a);
            }
        }
    }

    /** Fills one field as a resident would. */
    static void fill(KioskUiTestBase t, Attribute a) {
        {
            switch (a.inputKind()) {
                case CHOICE, MULTI_CHOICE -> t.tap("#choice-" + a.code() + "-" + a.values().get(0).key());
                case DATE -> {
                    // The picker suggests a date within the field's bounds; OK takes it.
                    t.tap("#field-" + a.code());
                    t.tap("#date-ok");
                }
                case KEYPAD -> {
                    t.tap("#field-" + a.code());
                    if (a.validation().kind().equals("phone")) {
                        t.typeOnPad("13800138000");
                    } else {
                        long min = a.validation().min() == null ? 1 : Math.max(1, a.validation().min());
                        t.typeOnPad(String.valueOf(min));
                    }
                }
                case KEYBOARD -> {
                    if (!a.phrases().isEmpty()) {
                        t.tap("#phrase-" + a.code() + "-0");
                    } else {
                        t.tap("#field-" + a.code());
                        t.typeOnPad("abc");
                    }
                }
            }
        }
    }
}
