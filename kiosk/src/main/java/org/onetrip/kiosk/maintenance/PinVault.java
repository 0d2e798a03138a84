package org.onetrip.kiosk.maintenance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's PIN, kept only as a salted PBKDF2-HMAC-SHA256 hash in the secrets file
 * ({@code DATA_DIR/secrets.properties}, mode 0600, key {@code maintenance.pin}). After
 * {@link #MAX_TRIES} wrong tries in a row the vault refuses every PIN, right or wrong, until the
 * lockout has passed. Thread-safe.
 */
public final class PinVault {
    private static final Logger log = LoggerFactory.getLogger(PinVault.class);
    public static final int MAX_TRIES = 5;
    static final String KEY = "maintenance.pin";
    private static final int ITERATIONS = 120_000;

    /** What a PIN attempt gave. */
    public enum Result { ACCEPTED, WRONG, LOCKED, NO_PIN_SET }

    private final Path file;
    private final Clock clock;
    private final Duration lockout;
    private int wrongInARow;
    private Instant lockedUntil = Instant.MIN;

    public PinVault(Path secretsFile, Clock clock, Duration lockout) {
        this.file = secretsFile;
        this.clock = clock;
        this.lockout = lockout;
    }

    public synchronized boolean hasPin() {
        return read().getProperty(KEY) != null;
    }

    /** Sets a new PIN of 6 to 12 digits. */
    public synchronized void setPin(String pin) {
        if (pin == null || !pin.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("a PIN is 6 to 12 digits");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Properties p = read();
        p.setProperty(KEY, "pbkdf2-sha256$" + ITERATIONS + "$" + b64(salt) + "$" + b64(hash(pin, salt, ITERATIONS)));
        write(p);
        wrongInARow = 0;
        lockedUntil = Instant.MIN;
        log.info("maintenance PIN changed");
    }

    public synchronized Result check(String pin) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            log.warn("maintenance PIN tried while locked");
            return Result.LOCKED;
        }
        String stored = read().getProperty(KEY);
        if (stored == null) {
            return Result.NO_PIN_SET;
        }
        String[] parts = stored.split("\\$");
        boolean ok = false;
        if (parts.length == 4 && parts[0].equals("pbkdf2-sha256") && pin != null && pin.length() <= 32) {
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = hash(pin, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            ok = MessageDigest.isEqual(expected, actual);
        }
        if (ok) {
            wrongInARow = 0;
            log.info("maintenance mode entered");
            return Result.ACCEPTED;
        }
        wrongInARow++;
        log.warn("wrong maintenance PIN ({} in a row)", wrongInARow);
        if (wrongInARow >= MAX_TRIES) {
            lockedUntil = now.plus(lockout);
            wrongInARow = 0;
            log.warn("maintenance PIN locked until {}", lockedUntil);
            return Result.LOCKED;
        }
        return Result.WRONG;
    }

    /** Seconds until PINs are taken again; 0 when not locked. */
    public synchronized long lockedForSeconds() {
        Instant now = clock.instant();
        return now.isBefore(lockedUntil) ? (Duration.between(now, lockedUntil).toMillis() + 999) / 1000 : 0;
    }

    private static byte[] hash(String pin, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    /** Written to a temporary file with mode 0600, then moved into place, so a crash leaves the old file. */
    private void write(Properties p) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "OneTrip kiosk secrets: keep private (mode 0600)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
