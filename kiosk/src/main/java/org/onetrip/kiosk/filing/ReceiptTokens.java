package org.onetrip.kiosk.filing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes the token a receipt's QR code carries after {@code status.url-base}. For now an opaque
 * random value (128 bits, URL-safe Base64, 22 characters): unguessable, so a token names one
 * request and nobody can reach another's by counting. The signed form comes with the status issue.
 */
public class ReceiptTokens {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when {@code s} has the form of a token (before any store look-up). */
    public boolean wellFormed(String s) {
        return s != null && s.matches("[A-Za-z0-9_-]{22}");
    }

    /**
     * The token in a scanned payload: the receipt's URL ({@code urlBase} + token) or a bare token.
     * Returns null for anything else, before any store look-up.
     */
    public String tokenFrom(String scanned, String urlBase) {
        if (scanned == null) {
            return null;
        }
        String s = scanned.strip();
        if (s.startsWith(urlBase)) {
            s = s.substring(urlBase.length());
        }
        return wellFormed(s) ? s : null;
    }
}
