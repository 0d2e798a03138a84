package org.onetrip.kiosk.idcard;

/** Sex as coded on the card (GB/T 2261.1): 0 unknown, 1 male, 2 female, 9 not stated. */
public enum Sex {
    UNKNOWN('0'), MALE('1'), FEMALE('2'), NOT_STATED('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Sex ofCode(char c) {
        for (Sex s : values()) {
            if (s.code == c) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
