package org.onetrip.kiosk.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a salt followed by a value's UTF-8 bytes: how the registry holds an agent's ID number
 * and name, so neither sits whole in memory or reaches a log, yet a card can still be matched.
 * {@code toString} shows nothing of either.
 */
public final class SaltedDigest {
    private final byte[] salt;
    private final byte[] digest;

    private SaltedDigest(byte[] salt, byte[] digest) {
        this.salt = salt.clone();
        this.digest = digest.clone();
    }

    static SaltedDigest of(byte[] salt, String value) {
        return new SaltedDigest(salt, hash(salt, value));
    }

    /** A digest made elsewhere ({@code sha256:SALT:HASH} in the agents file). */
    static SaltedDigest given(byte[] salt, byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return new SaltedDigest(salt, digest);
    }

    /** True when {@code value} hashes to this digest; the comparison takes the same time either way. */
    boolean matches(String value) {
        return value != null && MessageDigest.isEqual(digest, hash(salt, value));
    }

    static byte[] hash(byte[] salt, String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime has SHA-256 (Java Security Standard Algorithm Names).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code sha256:SALT:HASH}, as the agents file may hold an ID number ({@code salt}: letters and digits). */
    static String format(String salt, String value) {
        return "sha256:" + salt + ":" + HexFormat.of().formatHex(hash(salt.getBytes(StandardCharsets.US_ASCII), value));
    }

    @Override
    public String toString() {
        return "SaltedDigest[…]";
    }
}
