package org.onetrip.kiosk.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p>A copy is named after the CRC-32 that the jar records for it, and checked against it at every
 * start: a copy that differs (a torn write, a disk error) is written again. A jar update brings
 * another CRC and so another copy; the older ones are deleted. A technician's own
 * {@code -Dorg.sqlite.lib.path} or {@code -Djna.boot.library.path} wins. On a machine without a
 * bundled library (another architecture, musl), or when the copy cannot be made, nothing is set and
 * the loaders do as they did.
 */
public final class NativeLibraries {
    /**
     * One library: its resource in the jar, the file name prefix of its copies, and the two system
     * properties that point its loader at a folder and a name.
     */
    record Bundled(String resource, String prefix, String folderProperty, String nameProperty, boolean bareName) {
        String fileName(long crc) {
            return prefix + "-" + String.format(Locale.ROOT, "%08x", crc) + ".so";
        }

        /** JNA asks for "jnidispatch" and maps it to "libjnidispatch.so"; sqlite-jdbc takes the file name. */
        String nameFor(String fileName) {
            return bareName ? fileName.substring("lib".length(), fileName.length() - ".so".length()) : fileName;
        }
    }

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
                new Bundled("org/sqlite/native/Linux/" + sqlite + "/libsqlitejdbc.so", "libsqlitejdbc",
                        "org.sqlite.lib.path", "org.sqlite.lib.name", false),
                new Bundled("com/sun/jna/linux-" + jna + "/libjnidispatch.so", "libjnidispatch",
                        "jna.boot.library.path", "jna.boot.library.name", true));
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
        return useCopiesIn(folder, properties, forThisMachine(), NativeLibraries.class.getClassLoader());
    }

    static List<String> useCopiesIn(Path folder, Properties properties, List<Bundled> libraries, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (Bundled b : libraries) {
            if (properties.getProperty(b.folderProperty()) != null) {
                continue; // the technician's own
            }
            URL url = loader.getResource(b.resource());
            if (url == null) {
                continue;
            }
            try {
                ZipEntry entry = jarEntry(url);
                if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
                    continue; // not from a jar (a build's class folder): the loader copies it itself
                }
                Path copy = folder.resolve(b.fileName(entry.getCrc()));
                if (!intact(copy, entry)) {
                    write(url, copy, entry);
                    deleteOthers(folder, b, copy);
                }
                properties.setProperty(b.folderProperty(), folder.toAbsolutePath().toString());
                properties.setProperty(b.nameProperty(), b.nameFor(copy.getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                problems.add("could not keep a copy of " + b.resource() + " in " + folder + " (" + e
                        + "): it is copied to the temporary folder at every start instead");
            }
        }
        return problems;
    }

    private static ZipEntry jarEntry(URL url) throws IOException {
        URLConnection c = url.openConnection();
        return c instanceof JarURLConnection j ? j.getJarEntry() : null;
    }

    /** The copy exists, has the entry's size and its CRC-32. */
    static boolean intact(Path copy, ZipEntry entry) throws IOException {
        if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
            return false;
        }
        return crc32(copy) == entry.getCrc();
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue();
    }

    /** Written aside, owner-only, checked, then moved into place: a reader never sees half a library. */
    private static void write(URL url, Path copy, ZipEntry entry) throws IOException {
        Files.createDirectories(copy.getParent());
        Path tmp = copy.resolveSibling(copy.getFileName() + ".part");
        try {
            Files.deleteIfExists(tmp);
            DataFolder.createPrivateFile(tmp);
            try (InputStream in = url.openStream();
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                byte[] b = new byte[64 * 1024];
                for (int n = in.read(b); n >= 0; n = in.read(b)) {
                    ByteBuffer w = ByteBuffer.wrap(b, 0, n);
                    while (w.hasRemaining()) {
                        out.write(w);
                    }
                }
                out.force(true);
            }
            if (!intact(tmp, entry)) {
                throw new IOException("the copy does not match the jar's CRC-32");
            }
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteOthers(Path folder, Bundled b, Path keep) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, b.prefix() + "-*.so")) {
            for (Path p : ds) {
                if (!p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
