package org.onetrip.kiosk.ui;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.text.Font;
import org.onetrip.kiosk.ui.fonts.FontCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Chinese renders: the stylesheet asks for Noto Sans CJK SC (OFL), which the scripts
 * install from Debian's fonts-noto-cjk and Raspberry Pi OS ships. When fontconfig has not picked it
 * up, the font files are loaded directly; when none is found the technician is told in the log.
 *
 * <p>With a faces folder ({@link #useFacesIn}, {@code DATA_DIR/fonts}), the kiosk's own start
 * loads the SC faces as files of their own, cut once from Debian's collections
 * ({@link FontCollection}): JavaFX maps a collection once per font in it, 20 maps of 19 MiB files
 * for the two the kiosk uses, where two single faces are mapped once each. The first start uses the
 * collections and cuts the faces in the background for the next; a changed collection (a package
 * update) is cut again, and a face JavaFX cannot load is deleted and the collection used.
 */
public final class Fonts {
    private static final Logger log = LoggerFactory.getLogger(Fonts.class);
    public static final String FAMILY = "Noto Sans CJK SC";
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"));
    /** The faces are cut after the home screen is up, not during the first cold start. */
    static final Duration CUT_DELAY = Duration.ofSeconds(20);
    private static boolean loaded;
    private static Path facesDir;

    private Fonts() {
    }

    /** The folder for single faces (the kiosk's data folder's {@code fonts}); set before {@link #loadBundled}. */
    public static synchronized void useFacesIn(Path dir) {
        facesDir = dir;
    }

    public static synchronized void loadBundled() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (facesDir != null && loadFaces(facesDir, CANDIDATES)) {
            return;
        }
        // Asking for one family is cheap; listing every family would read every font file.
        if (!present()) {
            for (Path p : CANDIDATES) {
                if (Files.isReadable(p)) {
                    Font[] fs = Font.loadFonts(p.toUri().toString(), 20);
                    log.info("loaded {} font faces from {}", fs == null ? 0 : fs.length, p);
                }
            }
            if (!present()) {
                log.warn("font '{}' not found: Chinese may render as boxes; install fonts-noto-cjk", FAMILY);
            }
        }
        if (facesDir != null) {
            cutLater(facesDir, CANDIDATES, CUT_DELAY);
        }
    }

    /** True when the CJK font is available to JavaFX (selftest reports it). */
    public static boolean cjkAvailable() {
        loadBundled();
        return present();
    }

    private static boolean present() {
        return FAMILY.equals(Font.font(FAMILY, 20).getFamily());
    }

    /**
     * Loads the single faces cut from {@code sources} into {@code dir}; true when every readable
     * collection had its current face there and JavaFX took them all. A face it refuses is deleted.
     */
    static boolean loadFaces(Path dir, List<Path> sources) {
        Map<Path, Path> faces = currentFaces(dir, sources);
        if (faces.isEmpty() || faces.values().stream().anyMatch(f -> !Files.isReadable(f))) {
            return false;
        }
        // All checked before any is loaded: JavaFX cannot forget a font, and a family with its
        // regular face loaded but not its bold would draw bold text thin.
        for (Path face : faces.values()) {
            String wrong = check(face);
            if (wrong != null) {
                log.warn("font face {} is damaged ({}): deleted, the collection is used", face, wrong);
                delete(face);
                return false;
            }
        }
        for (Path face : faces.values()) {
            Font f = Font.loadFont(face.toUri().toString(), 20);
            if (f == null || !FAMILY.equals(f.getFamily())) {
                log.warn("font face {} could not be loaded: deleted, the collection is used", face);
                delete(face);
                return false;
            }
        }
        log.info("font '{}' from {} single faces in {}", FAMILY, faces.size(), dir);
        return true;
    }

    /** Why {@code face} is no font of the kiosk's family, or null: its tables and its name read without loading it. */
    static String check(Path face) {
        try (FileChannel ch = FileChannel.open(face, StandardOpenOption.READ)) {
            FontCollection c = new FontCollection(ch);
            if (!c.single()) {
                return "a collection, not one face";
            }
            c.checkTables(0);
            return c.families(0).contains(FAMILY) ? null : "its family is " + c.families(0);
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    private static void delete(Path face) {
        try {
            Files.deleteIfExists(face);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", face, e.toString());
        }
    }

    /** Each readable collection (once per file name) and the face file its current version is cut to. */
    static Map<Path, Path> currentFaces(Path dir, List<Path> sources) {
        Map<Path, Path> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path src : sources) {
            String base = base(src);
            if (!Files.isReadable(src) || names.contains(base)) {
                continue;
            }
            try {
                out.put(src, dir.resolve(base + "-SC-" + Files.size(src) + "-" + Files.getLastModifiedTime(src).toMillis()
                        + ".otf"));
                names.add(base);
            } catch (IOException e) {
                log.warn("cannot read {}: {}", src, e.toString());
            }
        }
        return out;
    }

    private static String base(Path src) {
        String n = src.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static void cutLater(Path dir, List<Path> sources, Duration delay) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                cut(dir, sources);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "font-faces");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Cuts the faces now (benchmarks: a kiosk as it is from its second start on); returns the faces written. */
    public static List<Path> cutFaces(Path dir) {
        return cut(dir, CANDIDATES);
    }

    /** Cuts the faces of {@code sources} now (tests: collections a test may change). */
    public static List<Path> cutFaces(Path dir, List<Path> sources) {
        return cut(dir, sources);
    }

    /**
     * Cuts the SC face of each collection into {@code dir} (owner-only, written aside then moved),
     * and deletes faces cut from earlier versions. Returns the faces written; a failure (a full
     * disk, a collection without the face) is one log line, and the next start uses the collection.
     */
    static List<Path> cut(Path dir, List<Path> sources) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> e : currentFaces(dir, sources).entrySet()) {
            Path src = e.getKey();
            Path face = e.getValue();
            if (Files.isRegularFile(face)) {
                continue;
            }
            Path tmp = dir.resolve(face.getFileName() + ".part");
            try {
                Files.createDirectories(dir);
                try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ)) {
                    FontCollection c = new FontCollection(in);
                    if (c.single()) {
                        continue; // a font file of one font is mapped once already: nothing to cut
                    }
                    int index = c.indexOf(FAMILY);
                    if (index < 0) {
                        log.warn("{} has no '{}' face: not cut", src, FAMILY);
                        continue;
                    }
                    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        c.extract(index, out);
                        out.force(true);
                    }
                }
                ownerOnly(tmp);
                try {
                    Files.move(tmp, face, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, face, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(face);
                deleteOlder(dir, base(src), face);
                log.info("cut the '{}' face of {} to {} ({} KiB)", FAMILY, src, face, Files.size(face) / 1024);
            } catch (IOException | RuntimeException ex) {
                log.warn("could not cut the '{}' face of {}: {}", FAMILY, src, ex.toString());
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The next cut writes it again.
                }
            }
        }
        return written;
    }

    private static void deleteOlder(Path dir, String base, Path keep) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, base + "-SC-*.otf")) {
            for (Path p : ds) {
                if (!p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data folder's own protection applies.
        }
    }
}
