package org.onetrip.kiosk.idcard;

/** The four card layouts a second-generation reader returns, by the type character at offset 248. */
public enum CardType {
    /** 居民身份证: type character is a space. */
    RESIDENT(' '),
    /** 港澳台居民居住证. */
    HMT_RESIDENCE_PERMIT('J'),
    /** 外国人永久居留身份证, 2017 layout. */
    FOREIGN_PERMANENT_2017('I'),
    /** 外国人永久居留身份证, 2023 layout. */
    FOREIGN_PERMANENT_2023('Y');

    private final char code;

    CardType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The type for a code character, or null for an unknown one. */
    public static CardType ofCode(char c) {
        for (CardType t : values()) {
            if (t.code == c) {
                return t;
            }
        }
        return null;
    }
}
