package org.onetrip.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Chinese renders: the stylesheet asks for Noto Sans CJK SC (OFL), which the scripts
 * install from Debian's fonts-noto-cjk and Raspberry Pi OS ships. When fontconfig has not picked it
 * up, the font files are loaded directly; when none is found the technician is told in the log.
 */
public final class Fonts {
    private static final Logger log = LoggerFactory.getLogger(Fonts.class);
    public static final String FAMILY = "Noto Sans CJK SC";
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"));
    private static boolean loaded;

    private Fonts() {
    }

    public static synchronized void loadBundled() {
        if (loaded) {
            return;
        }
        loaded = true;
        // Asking for one family is cheap; listing every family would read every font file.
        if (present()) {
            return;
        }
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

    /** True when the CJK font is available to JavaFX (selftest reports it). */
    public static boolean cjkAvailable() {
        loadBundled();
        return present();
    }

    private static boolean present() {
        return FAMILY.equals(Font.font(FAMILY, 20).getFamily());
    }
}
