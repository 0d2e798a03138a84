package org.onetrip.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.text.Font;
import org.onetrip.kiosk.ui.fonts.FontCollection;
import org.onetrip.kiosk.ui.fonts.FontFaces;
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
 * update) is cut again, and a face JavaFX cannot load is deleted and the collection used. The
 * files are {@link FontFaces}'; this class hands them, or the collections, to JavaFX.
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
        Map<Path, Path> faces = FontFaces.current(dir, sources, FAMILY);
        if (faces.isEmpty() || faces.values().stream().anyMatch(f -> !Files.isReadable(f))) {
            return false;
        }
        // All checked before any is loaded: JavaFX cannot forget a font, and a family with its
        // regular face loaded but not its bold would draw bold text thin.
        for (Path face : faces.values()) {
            String wrong = FontFaces.check(face, FAMILY);
            if (wrong != null) {
                log.warn("font face {} is damaged ({}): deleted, the collection is used", face, wrong);
                FontFaces.delete(face);
                return false;
            }
        }
        for (Path face : faces.values()) {
            Font f = Font.loadFont(face.toUri().toString(), 20);
            if (f == null || !FAMILY.equals(f.getFamily())) {
                log.warn("font face {} could not be loaded: deleted, the collection is used", face);
                FontFaces.delete(face);
                return false;
            }
        }
        log.info("font '{}' from {} single faces in {}", FAMILY, faces.size(), dir);
        return true;
    }

    /** Cuts the faces now (the boot's training run, benchmarks, UI tests); returns the faces written. */
    public static List<Path> cutFaces(Path dir) {
        return cutFaces(dir, CANDIDATES);
    }

    /** Cuts the faces of {@code sources} now (tests: collections a test may change). */
    public static List<Path> cutFaces(Path dir, List<Path> sources) {
        return FontFaces.cut(dir, sources, FAMILY);
    }

    /** Cuts the faces on a thread of its own, after the home screen is up, for the next start. */
    private static void cutLater(Path dir, List<Path> sources, Duration delay) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                cutFaces(dir, sources);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "font-faces");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
