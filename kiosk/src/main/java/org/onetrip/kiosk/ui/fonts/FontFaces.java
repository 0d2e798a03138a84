package org.onetrip.kiosk.ui.fonts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.privacy.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of single font faces cut from collections ({@link FontCollection}): which file each
 * collection's current version is cut to (named by the collection's size and time, so a package
 * update is cut again), cutting them (owner-only, written aside then moved, older cuts deleted),
 * and checking a cut face without loading it. Files only: {@code ui/Fonts} hands them to JavaFX.
 */
public final class FontFaces {
    private static final Logger log = LoggerFactory.getLogger(FontFaces.class);

    private FontFaces() {
    }

    /** The faces' folder in the kiosk's data folder. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("fonts");
    }

    /**
     * Each readable source (once per file name) and the face file its current version's
     * {@code family} font is cut to: the source's name, the family's last word (SC), its size and time.
     */
    public static Map<Path, Path> current(Path dir, List<Path> sources, String family) {
        Map<Path, Path> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path src : sources) {
            String base = base(src);
            if (!Files.isReadable(src) || names.contains(base)) {
                continue;
            }
            try {
                out.put(src, dir.resolve(base + "-" + tag(family) + "-" + Files.size(src) + "-" + Files.getLastModifiedTime(src).toMillis()
                        + ".otf"));
                names.add(base);
            } catch (IOException e) {
                log.warn("cannot read {}: {}", src, e.toString());
            }
        }
        return out;
    }

    /** Why {@code face} is no single font of {@code family}, or null: its tables and its name read without loading it. */
    public static String check(Path face, String family) {
        try (FileChannel ch = FileChannel.open(face, StandardOpenOption.READ)) {
            FontCollection c = new FontCollection(ch);
            if (!c.single()) {
                return "a collection, not one face";
            }
            c.checkTables(0);
            return c.families(0).contains(family) ? null : "its family is " + c.families(0);
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Cuts the {@code family} font of each collection in {@code sources} into {@code dir}, and
     * deletes faces cut from earlier versions. Returns the faces written; a failure (a full disk, a
     * collection without the font) is one log line, and the next start uses the collection. Nothing
     * is cut where less than {@link DataFolder#KEEP_FREE} would stay free. A font
     * file of one font is not copied: it is mapped once already.
     */
    public static List<Path> cut(Path dir, List<Path> sources, String family) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> e : current(dir, sources, family).entrySet()) {
            Path src = e.getKey();
            Path face = e.getValue();
            if (Files.isRegularFile(face)) {
                continue;
            }
            try {
                long size = Files.size(src);
                if (!DataFolder.roomFor(dir, size)) {
                    // A speed-up, never worth the store's last megabytes: the collection is used.
                    log.info("'{}' of {} not cut: less than {} MiB would stay free after it", family, src,
                            DataFolder.KEEP_FREE >> 20);
                    continue;
                }
                Files.createDirectories(dir);
                try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ)) {
                    FontCollection c = new FontCollection(in);
                    int index = c.single() ? -1 : c.indexOf(family);
                    if (index < 0) {
                        if (!c.single()) {
                            log.warn("{} has no '{}' font: not cut", src, family);
                        }
                        continue;
                    }
                    DataFolder.writePrivately(face, out -> c.extract(index, out));
                }
                written.add(face);
                deleteOlder(dir, base(src) + "-" + tag(family) + "-", face);
                log.info("cut the '{}' font of {} to {} ({} KiB)", family, src, face, Files.size(face) / 1024);
            } catch (IOException | RuntimeException ex) {
                log.warn("could not cut the '{}' font of {}: {}", family, src, ex.toString()); // the next cut tries again
            }
        }
        return written;
    }

    /** Deletes {@code face}; a failure is a log line (the next start finds it damaged again). */
    public static void delete(Path face) {
        try {
            Files.deleteIfExists(face);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", face, e.toString());
        }
    }

    private static void deleteOlder(Path dir, String prefix, Path keep) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.otf")) {
            for (Path p : ds) {
                if (!p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String tag(String family) {
        return family.substring(family.lastIndexOf(' ') + 1).replaceAll("[^A-Za-z0-9]", "");
    }

    private static String base(Path src) {
        String n = src.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
