package org.onetrip.backoffice.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data at rest: AES-256-GCM per value (NIST SP 800-38D), a fresh 96-bit nonce each time,
 * the 128-bit tag checked on every read. The value is bound to where it is kept (the
 * {@code context}: column and row), so a ciphertext copied into another row or column does not
 * decrypt. Stored as {@code e1.} + base64url(nonce ‖ ciphertext ‖ tag).
 *
 * <p>The key is 32 random bytes, base64, from {@code ONETRIP_BACKOFFICE_KEY} or a key file (mode
 * 0600, made on first start). Several instances on one database must share it; the store keeps a
 * check value so an instance with another key refuses to start instead of writing what the others
 * cannot read.
 */
public final class FieldCipher {
    public static final String ENV = "ONETRIP_BACKOFFICE_KEY";
    static final String PREFIX = "e1.";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String keyId;
    /** A Cipher per thread: getInstance looks the provider up each time, which costs more than a field's AES. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java", e);
        }
    });

    private FieldCipher(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("the personal-data key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
        try {
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        Arrays.fill(raw, (byte) 0);
    }

    /** A key from its base64 text (standard or URL alphabet). */
    public static FieldCipher fromBase64(String text) {
        String t = text.strip();
        try {
            return new FieldCipher(t.contains("-") || t.contains("_") ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the personal-data key is not base64 of 32 bytes");
        }
    }

    /** A new random key (tests; {@link #newKeyText()} for a key to keep). */
    public static FieldCipher random() {
        return fromBase64(newKeyText());
    }

    public static String newKeyText() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * The key from {@code ONETRIP_BACKOFFICE_KEY} when set, else from {@code file}, which is made
     * (mode 0600) when it does not exist. A key file others may read is refused.
     */
    public static FieldCipher load(String envValue, Path file) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            return fromBase64(envValue);
        }
        Path f = file.toAbsolutePath();
        if (!Files.exists(f)) {
            Files.createDirectories(f.getParent());
            try {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                return fromFile(f);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(f);
            }
            Files.writeString(f, newKeyText() + "\n", StandardCharsets.US_ASCII);
        }
        return fromFile(f);
    }

    private static FieldCipher fromFile(Path f) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalArgumentException("the personal-data key " + f + " is readable by others; chmod 600 it");
            }
        } catch (UnsupportedOperationException notPosix) {
            // the folder's own permissions protect it
        }
        return fromBase64(Files.readString(f, StandardCharsets.US_ASCII));
    }

    /** A short fingerprint of the key (never the key): names it in errors and logs. */
    public String keyId() {
        return keyId;
    }

    /** {@code null} stays null: an absent value is not hidden, only what it says. */
    public String encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java", e);
        }
    }

    /** The plain text of {@link #encrypt}; fails when the key, the context or a byte is wrong. */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("a personal-data column holds a value that is not encrypted");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length < NONCE + TAG_BITS / 8) {
                throw new IllegalStateException("an encrypted value is too short");
            }
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the value; the key's fingerprint tells an operator which key was tried.
            throw new IllegalStateException("an encrypted value does not decrypt with key " + keyId
                    + " (another key, or the value was changed)");
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
