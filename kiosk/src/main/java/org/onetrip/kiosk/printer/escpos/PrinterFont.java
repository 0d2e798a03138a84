package org.onetrip.kiosk.printer.escpos;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws text the way a thermal printer does: every character in a fixed cell, 12×24 dots for
 * ASCII and 24×24 for anything else, scaled by the character size. Used by the raster fallback
 * for characters missing from the printer's font and by {@link EscPosRenderer}. Needs a CJK font:
 * Noto Sans Mono CJK SC from the fonts-noto-cjk package; without it Chinese draws as boxes and a
 * warning is logged once, never an exception.
 */
final class PrinterFont {
    private static final Logger log = LoggerFactory.getLogger(PrinterFont.class);

    /** Dots of one column (an ASCII cell) and of a line of text at size 1×1. */
    static final int CELL_WIDTH = 12;
    static final int CELL_HEIGHT = 24;
    /** Where the baseline sits in a cell, as a fraction of its height. */
    private static final float BASELINE = 0.86f;

    private static final String FAMILY = "Noto Sans Mono CJK SC";
    private static final List<String> FILES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc");

    private static final Font BASE = load();

    private PrinterFont() {
    }

    private static Font load() {
        for (String path : FILES) {
            File f = new File(path);
            if (!f.canRead()) {
                continue;
            }
            try {
                Font fallback = null;
                for (Font font : Font.createFonts(f)) {
                    if (font.getFamily().equals(FAMILY)) {
                        return font.deriveFont((float) CELL_HEIGHT);
                    }
                    if (fallback == null && font.canDisplay('中')) {
                        fallback = font;
                    }
                }
                if (fallback != null) {
                    return fallback.deriveFont((float) CELL_HEIGHT);
                }
            } catch (IOException | FontFormatException e) {
                log.warn("cannot read the CJK font {}", path, e);
            }
        }
        Font byName = new Font(FAMILY, Font.PLAIN, CELL_HEIGHT);
        if (!byName.canDisplay('中')) {
            byName = new Font(Font.MONOSPACED, Font.PLAIN, CELL_HEIGHT);
        }
        if (!byName.canDisplay('中')) {
            log.warn("no CJK font found (install fonts-noto-cjk): Chinese text will draw as boxes");
        }
        return byName;
    }

    /** Derived fonts per character size; deriving one per line was the renderer's main cost. */
    private static final Map<Integer, Font> SCALED = new ConcurrentHashMap<>();

    private static Font scaled(int widthMul, int heightMul) {
        return SCALED.computeIfAbsent(widthMul * 16 + heightMul,
                k -> BASE.deriveFont(AffineTransform.getScaleInstance(widthMul, heightMul)));
    }

    /** Width in dots of {@code text} at width multiplier {@code widthMul}. */
    static int width(String text, int widthMul) {
        return TextWidth.of(text) * CELL_WIDTH * widthMul;
    }

    /**
     * Draws {@code text} with its top-left corner at ({@code x}, {@code top}), each character
     * centred in its cell; returns the width drawn in dots. Bold is drawn twice, one dot apart,
     * as a printer's emphasised mode does.
     */
    static int draw(Graphics2D g, String text, int x, int top, int widthMul, int heightMul, boolean bold) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        Font font = scaled(widthMul, heightMul);
        g.setFont(font);
        FontRenderContext frc = g.getFontRenderContext();
        // CJK fonts put the ideographic em box 0.88 em above and 0.12 em below the baseline; a
        // little higher keeps Latin descenders in the cell too. Anything outside is clipped, as
        // a printer's glyphs never leave their cell.
        float baseline = top + BASELINE * CELL_HEIGHT * heightMul;
        int cellHeight = CELL_HEIGHT * heightMul;
        Shape oldClip = g.getClip();
        int at = x;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int cellWidth = TextWidth.of(cp) * CELL_WIDTH * widthMul;
            if (cellWidth == 0) {
                continue;
            }
            String ch = new String(Character.toChars(cp));
            if (!font.canDisplay(cp)) {
                ch = "?"; // a printer prints something in every cell; a box would be the font's choice
            }
            float advance = font.getStringBounds(ch, frc).getBounds().width;
            float gx = at + (cellWidth - advance) / 2f;
            g.setClip(at, top, cellWidth, cellHeight);
            g.drawString(ch, gx, baseline);
            if (bold) {
                g.drawString(ch, gx + 1, baseline);
            }
            at += cellWidth;
        }
        g.setClip(oldClip);
        return at - x;
    }
}
