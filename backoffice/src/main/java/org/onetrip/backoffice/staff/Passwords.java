package org.onetrip.backoffice.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff passwords, kept as PBKDF2-HMAC-SHA256 with a 16-byte random salt and 600,000 iterations
 * (OWASP Password Storage Cheat Sheet, 2023 figure for PBKDF2-HMAC-SHA256), in the JDK, no library.
 * Stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64), so the count can grow later and old
 * hashes still verify. A check of an unknown account runs the same derivation ({@link #DUMMY}), so
 * the time taken does not tell whether an account exists.
 */
public final class Passwords {
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the account does not exist, to take the same time. */
    static final String DUMMY = hash("not a password of anyone's");

    private Passwords() {
    }

    /** At least 10 characters, at most 200: long enough to resist guessing, short enough to hash cheaply. */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < 10) {
            return "a password needs at least 10 characters";
        }
        if (password.length() > 200) {
            return "a password has at most 200 characters";
        }
        return null;
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public static boolean verify(String password, String stored) {
        String[] p = stored == null ? new String[0] : stored.split("\\$");
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256") || password == null || password.length() > 200) {
            derive("x", new byte[SALT_BYTES], ITERATIONS);
            return false;
        }
        int iterations;
        try {
            iterations = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(p[3]);
        return MessageDigest.isEqual(expected, derive(password, Base64.getDecoder().decode(p[2]), iterations));
    }

    /** A new random password of 16 characters (96 bits), for an account made on the command line. */
    public static String generate() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String b64(byte[] b) {
        return new String(Base64.getEncoder().encode(b), StandardCharsets.US_ASCII);
    }
}
