package org.onetrip.kiosk.idcard.sam;

/** The status byte of every response (SW3; SW1 SW2 are {@code 00 00} in every known sample). */
public enum Sw3 {
    SUCCESS(0x90, "success"),
    NO_SUCH_ITEM(0x91, "the card has no such item"),
    CARD_FOUND(0x9F, "card found"),
    CHECKSUM_ERROR(0x10, "checksum error in the frame the reader received"),
    LENGTH_ERROR(0x11, "length error in the frame the reader received"),
    BAD_COMMAND(0x21, "bad command or parameters"),
    UNAUTHORISED(0x23, "unauthorised operation"),
    UNRECOGNISED_ERROR(0x24, "unrecognised error"),
    CARD_FAILED_TO_AUTHENTICATE_SAM(0x31, "card failed to authenticate the SAM"),
    SAM_FAILED_TO_AUTHENTICATE_CARD(0x32, "SAM failed to authenticate the card"),
    VERIFICATION_FAILED(0x33, "information verification failed"),
    FINGERPRINT_ERROR(0x37, "fingerprint verification error"),
    INFORMATION_LENGTH_ERROR(0x3F, "information length error"),
    UNKNOWN_CARD_TYPE(0x40, "unknown card type"),
    READ_FAILED(0x41, "card read failed"),
    RANDOM_NUMBER_FAILED(0x47, "random-number fetch failed"),
    SAM_SELF_TEST_FAILED(0x60, "SAM self-test failed"),
    SAM_NOT_AUTHORISED(0x66, "SAM not authorised"),
    NO_CARD(0x80, "find card failed (no card)"),
    SELECT_FAILED(0x81, "select card failed");

    private final int code;
    private final String meaning;

    Sw3(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The byte on the wire, 0..255. */
    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The status for a wire byte (0..255), or null for a byte no source documents. */
    public static Sw3 of(int code) {
        for (Sw3 s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** {@code "SW3=41 (card read failed)"}, also for undocumented codes. */
    public static String describe(int code) {
        Sw3 s = of(code);
        return String.format("SW3=%02X (%s)", code & 0xFF, s == null ? "undocumented status" : s.meaning);
    }
}
