package org.onetrip.kiosk.catalog;

/** How the touch screen asks for a value; follows from the datatype and the validation rule. */
public enum InputKind {
    /** The numeric keypad: phone numbers, counts, codes. */
    KEYPAD,
    /** The on-screen keyboard with common phrases. */
    KEYBOARD,
    /** Big buttons, one choice. */
    CHOICE,
    /** Big toggle buttons, several choices. */
    MULTI_CHOICE,
    /** A date picker with big day/month/year steppers. */
    DATE
}
