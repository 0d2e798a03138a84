package org.onetrip.kiosk.scanner;

import org.onetrip.kiosk.text.TextRules;

/**
 * The checks every scanner applies before a payload reaches the application: a lobby scanner
 * reads whatever anyone holds under it.
 */
public final class ScanPayloads {
    /** Longer than any receipt URL we print; longer payloads are dropped. */
    public static final int MAX_LENGTH = 512;

    private ScanPayloads() {
    }

    /**
     * True when {@code s} is non-empty printable text within the limit: the same characters as any
     * text the kiosk takes ({@link TextRules}: no controls, bidi or zero-width characters, U+FFFD).
     */
    public static boolean acceptable(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
            return false;
        }
        return TextRules.acceptable(s, false);
    }
}
