package org.onetrip.kiosk.filing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a receipt's QR code carries after {@code status.url-base}: it names the request and is
 * signed by this kiosk, so nobody can reach someone else's request by guessing or forging a code.
 *
 * <p>Form (version 1): {@value #LENGTH} characters of URL-safe Base64 without padding, encoding
 * {@value #TOKEN_BYTES} bytes:
 * <pre>
 *   key  8 bytes   random, names the request (the store finds the request by the whole token)
 *   tag 10 bytes   HMAC-SHA256(secret, "onetrip-receipt-v1" 0x00 key), first 80 bits
 * </pre>
 * 18 bytes fill 24 Base64 characters exactly (144 = 24 × 6), so every token has one spelling and
 * any changed character changes the bytes. The key is a store look-up key rather than the
 * request's UUID because the UUID would add 8 bytes (35 characters instead of 24): with a
 * 36-character {@code status.url-base} that is a version-5 QR code (37 modules) instead of
 * version 4 (33 modules) at error correction M, and the receipt's code is read from a hand-held
 * slip of thermal paper. 64 random bits make a collision between two requests of one kiosk
 * negligible (about 3·10⁻⁸ after a million requests); the store's unique constraint refuses one.
 *
 * <p>The secret is per installation ({@link InstallationSecret}), so a token of another kiosk
 * fails here. The tag is truncated to 80 bits (NIST SP 800-107r1 allows truncated HMAC tags; guessing
 * a tag takes on average 2⁷⁹ tries against a scanner that answers a few times a second, and the
 * status screen also limits tries per visit).
 *
 * <p>{@link #verify} runs the same steps for every input of a given length (decode all
 * {@value #LENGTH} positions, compute the tag, compare with {@link MessageDigest#isEqual}), so its
 * time says nothing about which check failed; it never touches the store, so a rejected token says
 * nothing about whether a request exists.
 *
 * <p>Tokens are bearer secrets: they are never written to a log whole. Log the request id instead.
 */
public final class ReceiptTokens {
    public static final int KEY_BYTES = 8;
    public static final int TAG_BYTES = 10;
    public static final int TOKEN_BYTES = KEY_BYTES + TAG_BYTES;
    public static final int LENGTH = TOKEN_BYTES * 4 / 3;

    private static final byte[] LABEL = "onetrip-receipt-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Sextet of each ASCII character of the URL-safe alphabet, -1 for every other one. */
    private static final int[] SEXTET = new int[128];

    static {
        Arrays.fill(SEXTET, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            SEXTET[ALPHABET.charAt(i)] = i;
        }
        if (LENGTH * 3 != TOKEN_BYTES * 4) {
            throw new ExceptionInInitializerError("a token must fill whole Base64 characters");
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Tokens signed with {@code secret} (at least {@value InstallationSecret#LENGTH} bytes). */
    public ReceiptTokens(byte[] secret) {
        if (secret == null || secret.length < InstallationSecret.LENGTH) {
            throw new IllegalArgumentException("the token secret must have at least " + InstallationSecret.LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * Tokens signed with this installation's secret in {@code dataDir}. A missing secret is made
     * only when {@code requestsStored} is zero (the first start); beside stored requests it throws
     * {@link InstallationSecret.MissingException} (their receipts need the old one). There is no
     * overload without the guard: a new key beside stored requests would break every receipt.
     */
    public static ReceiptTokens forInstallation(Path dataDir, java.util.function.LongSupplier requestsStored) {
        return new ReceiptTokens(InstallationSecret.loadOrCreate(dataDir.resolve(InstallationSecret.FILE_NAME),
                requestsStored));
    }

    /** A new token naming a new request. */
    public String next() {
        byte[] raw = new byte[TOKEN_BYTES];
        byte[] k = new byte[KEY_BYTES];
        random.nextBytes(k);
        System.arraycopy(k, 0, raw, 0, KEY_BYTES);
        System.arraycopy(tag(raw), 0, raw, KEY_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * True when {@code token} is a token this installation made. Malformed, truncated, overlong,
     * tampered and foreign tokens are all simply false, after the same work.
     */
    public boolean verify(String token) {
        String s = token == null ? "" : token;
        int bad = s.length() == LENGTH ? 0 : 1; // the length of what was scanned is no secret
        byte[] raw = new byte[TOKEN_BYTES];
        int acc = 0;
        int bits = 0;
        int out = 0;
        for (int i = 0; i < LENGTH; i++) {
            int c = i < s.length() ? s.charAt(i) : 'A';
            int outside = (-(c >>> 7)) >>> 31; // 1 for c >= 128, without a branch on c
            int v = SEXTET[c & 0x7F];
            bad |= outside | (v >>> 31);
            acc = (acc << 6) | (v & 0x3F);
            bits += 6;
            if (bits >= 8) { // depends on i only
                bits -= 8;
                raw[out++] = (byte) (acc >> bits);
            }
        }
        byte[] expected = tag(raw);
        boolean tagOk = MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, KEY_BYTES, TOKEN_BYTES));
        return tagOk & bad == 0;
    }

    /** True when {@code s} has the shape of a token (24 URL-safe characters), signed or not. */
    public boolean wellFormed(String s) {
        return s != null && s.length() == LENGTH && s.chars().allMatch(c -> c < 128 && SEXTET[c] >= 0);
    }

    /**
     * The verified token in a scanned payload: the receipt's URL ({@code urlBase} + token) or a
     * bare token, with any surrounding white space a scanner adds. Empty for anything else,
     * including another site's URL that ends in a token-shaped string.
     */
    public Optional<String> tokenFrom(String scanned, String urlBase) {
        if (scanned == null) {
            return Optional.empty();
        }
        String s = scanned.strip();
        if (urlBase != null && !urlBase.isEmpty() && s.startsWith(urlBase)) {
            s = s.substring(urlBase.length());
        }
        return verify(s) ? Optional.of(s) : Optional.empty();
    }

    private byte[] tag(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            mac.update(raw, 0, KEY_BYTES);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime has HmacSHA256 (Java Security Standard Algorithm Names).
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
