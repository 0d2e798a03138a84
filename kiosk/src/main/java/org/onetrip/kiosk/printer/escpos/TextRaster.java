package org.onetrip.kiosk.printer.escpos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A line of text as a raster image, for lines with characters the printer's font lacks (a rare
 * name character, a four-byte GB18030 code). Cells match the printer's own font, so a rasterised
 * line lines up with the text lines around it.
 */
public final class TextRaster {
    private TextRaster() {
    }

    /**
     * {@code text} drawn at character size {@code widthMul}×{@code heightMul}, cut to
     * {@code maxWidthDots} (the paper width; the layout has already wrapped the line to fit).
     */
    public static BitImage render(String text, int widthMul, int heightMul, boolean bold, int maxWidthDots) {
        int width = Math.max(8, Math.min(maxWidthDots, PrinterFont.width(text, widthMul)));
        int height = PrinterFont.CELL_HEIGHT * heightMul;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            PrinterFont.draw(g, text, 0, 0, widthMul, heightMul, bold);
        } finally {
            g.dispose();
        }
        return BitImage.of(img);
    }
}
