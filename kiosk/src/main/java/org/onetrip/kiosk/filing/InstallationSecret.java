package org.onetrip.kiosk.filing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's own secret for signing receipt tokens: {@value #LENGTH} random bytes in a file of
 * mode 0600, made at the first start and read at every later one. Losing it makes every receipt
 * printed so far unreadable by this kiosk, so it is never replaced silently: a file of the wrong
 * size stops the kiosk with a message instead. It lives in {@code data.dir} beside the store and is
 * backed up with it.
 *
 * <p>Because it is made at the first start, a kiosk installed from an SD-card image taken before
 * that start gets a secret of its own; an image taken after it carries the secret along (the
 * copies then accept each other's tokens but find no request for them, as their stores differ).
 */
public final class InstallationSecret {
    private static final Logger log = LoggerFactory.getLogger(InstallationSecret.class);

    /** 256 bits: RFC 2104 §3 recommends an HMAC key at least as long as the hash output (32 bytes for SHA-256). */
    public static final int LENGTH = 32;
    /** The file's name in {@code data.dir}. */
    public static final String FILE_NAME = "receipt-token.key";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private InstallationSecret() {
    }

    /**
     * The secret is missing while the store holds requests whose receipts it signed: making a new
     * one would silently break every one of those receipts, so the kiosk refuses to start. The
     * message is one line saying how to restore it.
     */
    public static final class MissingException extends IllegalStateException {
        public MissingException(String message) {
            super(message);
        }
    }

    /**
     * The secret in {@code file}; made first only when there is none and {@code requestsStored}
     * says no receipt was signed yet (a new installation). A missing secret beside stored
     * requests throws {@link MissingException}: restore it from the backup, or make a new one
     * knowingly with {@link #replace} ({@code kiosk reset-receipt-key --i-understand}).
     */
    public static byte[] loadOrCreate(Path file, java.util.function.LongSupplier requestsStored) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            long stored = requestsStored.getAsLong();
            if (stored > 0) {
                throw new MissingException("the receipt-token key " + file + " is missing, but the store holds " + stored
                        + " requests whose receipts it signed: restore it from the backup of data.dir, or run "
                        + "'kiosk reset-receipt-key --i-understand' to start a new key (every earlier receipt then stops "
                        + "working)");
            }
        }
        return loadOrCreate(file);
    }

    /**
     * Makes a new secret in {@code file} knowingly: an existing one is kept beside it as
     * {@code receipt-token.key.replaced-TIME} (mode 0600) so a mistake can be undone. Returns
     * where the old one went, or null when there was none.
     */
    public static Path replace(Path file) {
        try {
            Path old = null;
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                old = file.resolveSibling(FILE_NAME + ".replaced-"
                        + java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", java.util.Locale.ROOT)
                                .format(java.time.LocalDateTime.now()));
                Files.move(file, old);
            }
            loadOrCreate(file);
            log.warn("receipt-token key {} replaced by a new one{}; receipts printed before no longer open their "
                    + "request here", file, old == null ? "" : " (the old one is kept as " + old.getFileName() + ")");
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the receipt-token secret " + file, e);
        }
    }

    /**
     * The secret in {@code file}, made first when there is none. Two processes starting together
     * (the kiosk and a technician's command) end up with the same secret: the file appears whole
     * or not at all (written under a temporary name, then hard-linked into place, which fails
     * when another process was first).
     */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return read(file);
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] secret = new byte[LENGTH];
            new SecureRandom().nextBytes(secret);
            Path tmp = dir.resolve(FILE_NAME + ".new-" + Long.toHexString(new SecureRandom().nextLong()));
            try {
                writeOwnerOnly(tmp, secret);
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException e) {
                    log.info("another process made the receipt-token secret {} first; using it", file);
                    return read(file);
                } catch (UnsupportedOperationException e) {
                    // A file system without hard links (FAT on a USB stick): first come, first served
                    // is then only as good as a plain move.
                    Files.move(tmp, file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncDirectory(dir);
            log.info("made a new receipt-token secret {} (mode 0600); back it up with the store", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the receipt-token secret " + file
                    + " (data.dir must be writable by the kiosk's user)", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("the receipt-token secret " + file + " is not a regular file");
        }
        tightenPermissions(file);
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != LENGTH) {
            // Replacing it would silently invalidate every receipt printed so far.
            throw new IllegalStateException("the receipt-token secret " + file + " holds " + secret.length
                    + " bytes instead of " + LENGTH + "; restore it from the backup of data.dir (deleting it makes "
                    + "every receipt printed so far unreadable at this kiosk)");
        }
        return secret;
    }

    private static void writeOwnerOnly(Path tmp, byte[] secret) throws IOException {
        boolean posix = Files.getFileStore(tmp.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        EnumSet<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (SeekableByteChannel ch = posix
                ? Files.newByteChannel(tmp, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.newByteChannel(tmp, options)) {
            ByteBuffer b = ByteBuffer.wrap(secret);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (ch instanceof FileChannel fc) {
                fc.force(true);
            }
        }
        if (posix) {
            // The umask can only take bits away; set them exactly anyway.
            Files.setPosixFilePermissions(tmp, OWNER_ONLY);
        } else {
            log.warn("the file system of {} has no POSIX permissions; the receipt-token secret is protected only "
                    + "by the folder", tmp.getParent());
        }
    }

    /** A secret readable by others is made owner-only again; said once in the log, with the mode it had. */
    private static void tightenPermissions(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!now.equals(OWNER_ONLY)) {
            log.warn("the receipt-token secret {} had mode {}; set to rw-------", file, PosixFilePermissions.toString(now));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** Makes the new directory entry durable (a power cut right after the first start keeps the secret). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot sync folder {}: {}", dir, e.toString());
        }
    }
}
