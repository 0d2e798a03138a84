package org.onetrip.kiosk.printer.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A 1-bit picture in the printer's own layout: rows of {@link #bytesPerRow()} bytes, the most
 * significant bit the leftmost dot, 1 black; the bits past {@link #width()} in the last byte of a
 * row are 0. This is exactly the data of {@code GS v 0}.
 */
public final class BitImage {
    private final int width;
    private final int height;
    private final byte[] data;

    public BitImage(int width, int height, byte[] data) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image is at least 1x1 dots, not " + width + "x" + height);
        }
        int expected = ((width + 7) / 8) * height;
        if (data.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image has " + expected
                    + " bytes, not " + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = Arrays.copyOf(data, data.length);
    }

    /** A white image. */
    public static BitImage blank(int width, int height) {
        return new BitImage(width, height, new byte[((width + 7) / 8) * height]);
    }

    /** Black where the picture is darker than mid-grey; transparent counts as white. */
    public static BitImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int luma = (r * 299 + g * 587 + b * 114) / 1000;
                if (alpha >= 128 && luma < 128) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new BitImage(w, h, d);
    }

    /** Each module of ZXing's matrix becomes a {@code scale}×{@code scale} square of dots. */
    public static BitImage of(BitMatrix matrix, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale is at least 1, not " + scale);
        }
        int w = matrix.getWidth() * scale;
        int h = matrix.getHeight() * scale;
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x / scale, y / scale)) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new BitImage(w, h, d);
    }

    /**
     * ZXing's matrix for {@code data} as a printer would make it: byte mode over the data's own
     * bytes, no ECI, {@code quietModules} of white around, one element per module.
     */
    public static BitMatrix qrMatrix(byte[] data, EscPos.QrLevel level, int quietModules) {
        try {
            // ISO-8859-1 maps each byte to one char and back, so ZXing encodes our bytes verbatim
            // and, that being its default charset, adds no ECI segment (a printer adds none either).
            String latin1 = new String(data, StandardCharsets.ISO_8859_1);
            Map<EncodeHintType, Object> hints = Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name(),
                    EncodeHintType.ERROR_CORRECTION, level.zxing(),
                    EncodeHintType.MARGIN, quietModules);
            // Width and height 0: ZXing returns one element per module, unscaled.
            return new QRCodeWriter().encode(latin1, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + data.length + " bytes", e);
        }
    }

    /**
     * A QR code as a raster, {@code moduleDots} dots per module and, like a printer's native QR,
     * no quiet zone: the blank paper around it is the quiet zone, and the rows of white dots
     * would cost bytes on a slow line for nothing.
     */
    public static BitImage qr(byte[] data, EscPos.QrLevel level, int moduleDots) {
        return of(qrMatrix(data, level, 0), moduleDots);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bytesPerRow() {
        return (width + 7) / 8;
    }

    /** A copy of the raster data, row by row. */
    public byte[] data() {
        return Arrays.copyOf(data, data.length);
    }

    public boolean get(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        return (data[y * bytesPerRow() + x / 8] & (0x80 >>> (x % 8))) != 0;
    }
}
