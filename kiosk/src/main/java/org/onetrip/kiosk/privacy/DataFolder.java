package org.onetrip.kiosk.privacy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps {@code data.dir} private to the kiosk's user on every platform, not only under systemd:
 * the store and its WAL hold names and ID numbers, the logs and receipt pictures tickets, the
 * secrets the PIN hash and the receipt key.
 *
 * <p>Two halves. {@link #restrictUmask} sets the process's umask to 077 before anything is created
 * (Java has no API for it, so libc's {@code umask(2)} through JNA, unless it is 077 already, as
 * the systemd unit starts it), so every file made from then on
 * — by SQLite (which gives {@code -wal} and {@code -shm} the database file's own mode), by logback
 * (its file and each rotated {@code .gz}), by the printer simulator — is 0600 and every folder
 * 0700, whoever creates it. {@link #secure} then repairs what an older kiosk, a copy or a restore
 * left readable: the folder becomes 0700, every folder in it 0700 and every file 0600. Symbolic
 * links are neither followed nor changed.
 *
 * <p>This class logs nothing: it runs before logging is set up (the log folder is inside
 * {@code data.dir}), so its callers say what it repaired once logging works.
 */
public final class DataFolder {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** What {@code umask(2)} takes away: everything from group and others. */
    static final int UMASK = 0077;

    private static final AtomicBoolean umaskSet = new AtomicBoolean();

    private DataFolder() {
    }

    /** libc's umask(2); {@code mode_t} is an unsigned int on Linux and macOS. */
    private interface CLib extends Library {
        int umask(int mask);
    }

    /**
     * Sets the process umask to 077; returns a reason when it could not (no POSIX libc), else
     * null. Idempotent and cheap after the first call; without JNA when it is 077 already.
     */
    public static String restrictUmask() {
        if (umaskSet.get()) {
            return null;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "no umask on Windows: data.dir is private only through its folder's access list";
        }
        if (umaskOf(Path.of("/proc/self/status")) == UMASK) {
            // Already 077 (the systemd unit's UMask=, kiosk-launch): no JNA. Loading it and libc
            // cost a tenth of a second of every cold start (JNA runs ldconfig -p to find libc).
            umaskSet.set(true);
            return null;
        }
        try {
            CLib c = Native.load("c", CLib.class);
            c.umask(UMASK);
            umaskSet.set(true);
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "cannot set the umask through libc (" + e + "): new files get the default mode until the "
                    + "next start repairs them";
        }
    }

    /**
     * The process's umask as Linux reports it in {@code status} ({@code /proc/self/status}, the
     * line "Umask:", since Linux 4.7), or -1 when the file or the line is missing or malformed.
     */
    static int umaskOf(Path status) {
        try (java.io.BufferedReader r = Files.newBufferedReader(status, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("Umask:")) {
                    String v = line.substring("Umask:".length()).strip();
                    return v.matches("[0-7]{1,4}") ? Integer.parseInt(v, 8) : -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1; // no /proc (macOS): libc is asked
        }
        return -1;
    }

    /** What {@link #writePrivately} writes into the file's channel. */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(java.nio.channels.FileChannel out) throws IOException;
    }

    /**
     * Writes {@code file} owner-only and whole or not at all: into {@code FILE.part} beside it,
     * forced to the disk, then moved over {@code file} at once; the part is deleted on failure. A
     * reader (a loader, FreeType) never sees half a file.
     */
    public static void writePrivately(Path file, ChannelWriter body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.deleteIfExists(tmp);
            createPrivateFile(tmp);
            try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                body.write(out);
                out.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Free room that a file the kiosk makes only to go faster (a cut font face, a native library's
     * copy) must leave on the data folder's disk: such a file is never worth the store's last
     * megabytes (the store says "disk full" under 1 MiB, and then files nothing).
     */
    public static final long KEEP_FREE = 64L << 20;

    /** Whether {@code bytes} more fit on {@code dir}'s disk with {@link #KEEP_FREE} to spare; true when unknown. */
    public static boolean roomFor(Path dir, long bytes) {
        return roomFor(usableBytes(dir), bytes);
    }

    /** The rule itself: {@code bytes} more fit in {@code free} with {@link #KEEP_FREE} to spare; true when unknown (-1). */
    public static boolean roomFor(long free, long bytes) {
        return free < 0 || free >= bytes + KEEP_FREE;
    }

    /** Usable bytes on the disk of {@code dir} (or of its nearest existing parent); -1 when unknown. */
    public static long usableBytes(Path dir) {
        try {
            Path p = dir.toAbsolutePath();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** What {@link #secure} did: how many modes it changed, or why it could not. */
    public record Repair(int folders, int files, String unsupported) {
        public int total() {
            return folders + files;
        }
    }

    /**
     * Creates {@code dir} (and its parents) when missing, then makes it and every folder in it
     * 0700 and every file in it 0600. On a file system without POSIX permissions (FAT) it changes
     * nothing and says so in {@link Repair#unsupported}.
     */
    public static Repair secure(Path dir) {
        restrictUmask();
        try {
            Files.createDirectories(dir);
            if (!Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return new Repair(0, 0, "the file system of " + dir + " has no POSIX permissions");
            }
            int[] changed = new int[2];
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    changed[0] += set(d, attrs, FOLDER) ? 1 : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        changed[1] += set(f, attrs, FILE) ? 1 : 0;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // gone meanwhile (a WAL checkpointed away)
                    }
                    throw e;
                }
            });
            return new Repair(changed[0], changed[1], null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data folder " + dir.toAbsolutePath()
                    + " private to the kiosk's user (mode 0700, files 0600): " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code file} empty with mode 0600 when it does not exist yet, whatever the umask;
     * an existing file is left alone. For files whose later companions copy their mode (SQLite's
     * {@code -wal} and {@code -shm} copy the database file's).
     */
    public static void createPrivateFile(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(file, FILE); // the umask can only take bits away
            } else {
                Files.createFile(file);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process made it first: theirs is as good
        }
    }

    /**
     * Sets {@code mode} when it differs; true when it changed. The walk's attributes already hold
     * the mode on POSIX systems, so a folder of thousands of receipt pictures costs one stat each.
     */
    private static boolean set(Path p, BasicFileAttributes attrs, Set<PosixFilePermission> mode) throws IOException {
        try {
            Set<PosixFilePermission> now = attrs instanceof java.nio.file.attribute.PosixFileAttributes posix
                    ? posix.permissions() : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (now.equals(mode)) {
                return false;
            }
            Files.setPosixFilePermissions(p, mode);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
