package org.onetrip.kiosk.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.onetrip.kiosk.privacy.DataFolder;

/**
 * The native libraries that come inside jars (SQLite's JDBC driver, JNA's dispatcher), copied once
 * into {@code DATA_DIR/native} and loaded from there. Their loaders' default copies each to /tmp at
 * every start and deletes it at exit; sqlite-jdbc also looks at the machine first (it runs
 * {@code uname}). On this laptop that cost about 0.1 s of every cold start for SQLite and 0.02 s
 * for JNA (issue 13).
 *
 * <p>Each copy keeps its library's own file name, in a folder named after the CRC-32 the jar
 * records for it ({@code native/sqlite-1a2b3c4d/libsqlitejdbc.so}), and only the loader's folder
 * property is set: a loader that cannot load from the folder (a {@code noexec} mount) then finds
 * the same name in its jar and copies it to /tmp as before. At every start the copy is checked
 * against the jar's size and CRC-32 (a millisecond; reading the jar's entry to compare it byte for
 * byte cost 0.03-0.06 s, half of what the copy saves): a link in its place or a linked folder is
 * never used or written through, and a copy that differs is written again. The check is against
 * damage (a torn write, a bad block), not against a forger: the folder is the kiosk user's own
 * (0700, like its store, keys and font faces), and what can write there already runs as the kiosk
 * (the loaders' default, a file in the shared /tmp, was no safer). A jar
 * update brings another CRC and so another folder; the older ones are deleted. No copy is made
 * where less than {@link DataFolder#KEEP_FREE} would stay free on the disk. A technician's own
 * {@code -Dorg.sqlite.lib.path} or {@code -Djna.boot.library.path} wins. On a machine without a
 * bundled library (another architecture, musl), or when the copy cannot be made, nothing is set and
 * the loaders do as they did.
 */
public final class NativeLibraries {
    /** One library: its resource in the jar, its copies' folder prefix, and its loader's folder property. */
    record Bundled(String resource, String prefix, String folderProperty) {
        String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        String folderName(long crc) {
            return prefix + "-" + String.format(Locale.ROOT, "%08x", crc);
        }
    }

    /** The values this class set, by property: one set otherwise is a technician's. */
    private static final java.util.Map<String, String> SET = new java.util.concurrent.ConcurrentHashMap<>();

    private NativeLibraries() {
    }

    /** The bundled libraries for this machine: none but on glibc Linux on x86-64 or arm64. */
    static List<Bundled> forThisMachine() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("Linux") || musl()) {
            return List.of();
        }
        String sqlite;
        String jna;
        switch (arch) {
            case "amd64", "x86_64" -> {
                sqlite = "x86_64";
                jna = "x86-64";
            }
            case "aarch64" -> {
                sqlite = "aarch64";
                jna = "aarch64";
            }
            default -> {
                return List.of();
            }
        }
        return List.of(
                new Bundled("org/sqlite/native/Linux/" + sqlite + "/libsqlitejdbc.so", "sqlite", "org.sqlite.lib.path"),
                new Bundled("com/sun/jna/linux-" + jna + "/libjnidispatch.so", "jna", "jna.boot.library.path"));
    }

    private static boolean musl() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return ds.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Makes or checks the copies in {@code folder} and points the loaders at them in
     * {@code properties} (the system's, in the kiosk). Returns what could not be done, one line
     * each, for the caller to log (this runs before logging is set up).
     */
    public static List<String> useCopiesIn(Path folder, Properties properties) {
        return useCopiesIn(folder, properties, forThisMachine(), NativeLibraries.class.getClassLoader(),
                DataFolder::usableBytes);
    }

    static List<String> useCopiesIn(Path folder, Properties properties, List<Bundled> libraries, ClassLoader loader,
            java.util.function.ToLongFunction<Path> usable) {
        List<String> problems = new ArrayList<>();
        for (Bundled b : libraries) {
            String now = properties.getProperty(b.folderProperty());
            if (now != null && !now.equals(SET.get(b.folderProperty()))) {
                continue; // the technician's own
            }
            URL url = loader.getResource(b.resource());
            if (url == null) {
                continue;
            }
            try {
                ZipEntry entry = jarEntry(url);
                if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0 || entry.getSize() > MAX_SIZE) {
                    continue; // not from a jar (a build's class folder), or no library's size: the loader's own way
                }
                if (Files.isSymbolicLink(folder)) {
                    throw new IOException(folder + " is a symbolic link");
                }
                Path dir = folder.resolve(b.folderName(entry.getCrc()));
                Path copy = dir.resolve(b.fileName());
                if (!intact(copy, entry)) {
                    if (!DataFolder.roomFor(usable.applyAsLong(folder), entry.getSize())) {
                        // Not a fault: the loader's default; a disk this full is the store's to say.
                        continue;
                    }
                    write(dir, copy, read(url, entry), entry);
                    deleteOthers(folder, b, dir);
                }
                String value = dir.toAbsolutePath().toString();
                properties.setProperty(b.folderProperty(), value);
                SET.put(b.folderProperty(), value);
            } catch (IOException | RuntimeException e) {
                problems.add("could not keep a copy of " + b.resource() + " in " + folder + " (" + e
                        + "): it is copied to the temporary folder at every start instead");
            }
        }
        return problems;
    }

    /** Larger than any library here: the jar's entry is read whole when it is copied. */
    static final long MAX_SIZE = 16L << 20;

    private static ZipEntry jarEntry(URL url) throws IOException {
        URLConnection c = url.openConnection();
        return c instanceof JarURLConnection j ? j.getJarEntry() : null;
    }

    private static byte[] read(URL url, ZipEntry entry) throws IOException {
        try (InputStream in = url.openStream()) {
            byte[] b = in.readAllBytes();
            if (b.length != entry.getSize()) {
                throw new IOException("the jar's entry is " + b.length + " bytes, not " + entry.getSize());
            }
            return b;
        }
    }

    /**
     * The copy is a regular file, not a link, in a folder that is no link either, with the entry's
     * size and CRC-32.
     */
    static boolean intact(Path copy, ZipEntry entry) throws IOException {
        if (Files.isSymbolicLink(copy.getParent()) || !Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)
                || Files.size(copy) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try (FileChannel in = FileChannel.open(copy, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (in.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue() == entry.getCrc();
    }

    /** Written whole or not at all (DataFolder.writePrivately), then checked. */
    private static void write(Path dir, Path copy, byte[] bytes, ZipEntry entry) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            Files.delete(dir); // a link where the folder should be: never written through
        }
        if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(copy); // a link in the copy's place
        }
        Files.createDirectories(dir);
        DataFolder.writePrivately(copy, out -> {
            ByteBuffer w = ByteBuffer.wrap(bytes);
            while (w.hasRemaining()) {
                out.write(w);
            }
        });
        if (!intact(copy, entry)) {
            Files.deleteIfExists(copy); // never left under the name the loader is pointed at
            throw new IOException("the copy does not match the jar's CRC-32");
        }
    }

    /** The folders of older copies of {@code b}, with what they hold (never following a link). */
    private static void deleteOthers(Path folder, Bundled b, Path keep) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, b.prefix() + "-*")) {
            for (Path p : ds) {
                if (p.equals(keep)) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> inside = Files.newDirectoryStream(p)) {
                        for (Path f : inside) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
                Files.deleteIfExists(p);
            }
        }
    }
}
