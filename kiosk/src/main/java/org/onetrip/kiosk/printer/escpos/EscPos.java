package org.onetrip.kiosk.printer.escpos;

/**
 * The ESC/POS commands the kiosk sends, one method per command, each returning fresh bytes.
 * Pure: no state, no I/O. Byte values follow the Epson TM-T88 command reference as summarised in
 * {@code shared/reference/escpos.md}; the cheap Chinese printers (Xprinter, Zijiang, SPRT,
 * Gprinter) accept the same bytes.
 */
public final class EscPos {
    public static final byte LF = 0x0A;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte ESC = 0x1B;
    public static final byte FS = 0x1C;
    public static final byte GS = 0x1D;

    /** Bits of {@code ESC ! n}. */
    public static final int MODE_FONT_B = 0x01;
    public static final int MODE_EMPHASIZED = 0x08;
    public static final int MODE_DOUBLE_HEIGHT = 0x10;
    public static final int MODE_DOUBLE_WIDTH = 0x20;
    public static final int MODE_UNDERLINE = 0x80;

    /**
     * Largest data a printer stores for one native QR symbol: Epson's limit for {@code GS ( k}
     * fn 80 (model 2, 7089 numeric characters); byte data never fits that much anyway.
     */
    public static final int QR_MAX_DATA = 7089;

    public enum Align {
        LEFT(0), CENTER(1), RIGHT(2);

        final int code;

        Align(int code) {
            this.code = code;
        }
    }

    /** How a receipt ends; a profile setting, since many 58 mm printers have no cutter. */
    public enum Cut {
        FULL, PARTIAL, NONE
    }

    /** QR error correction level and its {@code GS ( k} fn 69 parameter (0x30..0x33). */
    public enum QrLevel {
        L(0x30), M(0x31), Q(0x32), H(0x33);

        final int code;

        QrLevel(int code) {
            this.code = code;
        }

        public com.google.zxing.qrcode.decoder.ErrorCorrectionLevel zxing() {
            return com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.valueOf(name());
        }
    }

    private EscPos() {
    }

    /** {@code ESC @}: clears the print buffer and resets every mode to the power-on default. */
    public static byte[] init() {
        return bytes(ESC, '@');
    }

    /** {@code ESC t n}: the single-byte code page used outside Chinese mode. */
    public static byte[] codePage(int n) {
        return bytes(ESC, 't', u8(n, "code page"));
    }

    /** {@code ESC a n}; takes effect only at the start of a line. */
    public static byte[] align(Align align) {
        return bytes(ESC, 'a', align.code);
    }

    /** {@code ESC E n}. */
    public static byte[] bold(boolean on) {
        return bytes(ESC, 'E', on ? 1 : 0);
    }

    /** {@code ESC - n}: 0 off, 1 one dot, 2 two dots thick. */
    public static byte[] underline(int dots) {
        if (dots < 0 || dots > 2) {
            throw new IllegalArgumentException("underline is 0, 1 or 2 dots, not " + dots);
        }
        return bytes(ESC, '-', dots);
    }

    /** {@code ESC ! n}: the combined print mode, see the {@code MODE_} bits. */
    public static byte[] printMode(int mode) {
        return bytes(ESC, '!', u8(mode, "print mode"));
    }

    /**
     * {@code GS ! n}: character size as width and height multipliers 1..8; bits 4-7 of n are
     * width-1, bits 0-3 height-1, so double both is {@code 1D 21 11}.
     */
    public static byte[] charSize(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size is 1..8 each way, not " + width + "x" + height);
        }
        return bytes(GS, '!', ((width - 1) << 4) | (height - 1));
    }

    /** {@code LF}: prints the line buffer and moves to the next line. */
    public static byte[] lineFeed() {
        return bytes(LF);
    }

    /** {@code ESC d n}: prints the buffer and feeds n lines. */
    public static byte[] feedLines(int lines) {
        return bytes(ESC, 'd', u8(lines, "feed lines"));
    }

    /** {@code GS V 0} / {@code GS V 1}: cut where the paper is now; {@code NONE} sends nothing. */
    public static byte[] cut(Cut cut) {
        return switch (cut) {
            case FULL -> bytes(GS, 'V', 0x00);
            case PARTIAL -> bytes(GS, 'V', 0x01);
            case NONE -> new byte[0];
        };
    }

    /**
     * {@code GS V 65 n} / {@code GS V 66 n}: feed n lines to bring the last line past the cutter,
     * then cut. Without a cutter ({@code NONE}) only the feed is sent ({@code ESC d n}), so the
     * resident can tear the receipt off below the text.
     */
    public static byte[] feedAndCut(Cut cut, int lines) {
        return switch (cut) {
            case FULL -> bytes(GS, 'V', 0x41, u8(lines, "feed lines"));
            case PARTIAL -> bytes(GS, 'V', 0x42, u8(lines, "feed lines"));
            case NONE -> feedLines(lines);
        };
    }

    /** {@code FS &}: Chinese character mode; text bytes are then GB18030/GBK two-byte codes. */
    public static byte[] chineseModeOn() {
        return bytes(FS, '&');
    }

    /** {@code FS .}: cancels Chinese character mode. */
    public static byte[] chineseModeOff() {
        return bytes(FS, '.');
    }

    /** {@code GS ( k} fn 65: select QR model 2 (the only model scanners expect today). */
    public static byte[] qrModel2() {
        return bytes(GS, '(', 'k', 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    }

    /** {@code GS ( k} fn 67: module size in dots, 1..16. */
    public static byte[] qrModuleSize(int dots) {
        if (dots < 1 || dots > 16) {
            throw new IllegalArgumentException("QR module size is 1..16 dots, not " + dots);
        }
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x43, dots);
    }

    /** {@code GS ( k} fn 69: error correction level. */
    public static byte[] qrErrorLevel(QrLevel level) {
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x45, level.code);
    }

    /**
     * {@code GS ( k} fn 80: store the symbol data. pL pH count the bytes after pH (cn fn m plus
     * the data), so the length is the byte count of the data plus 3, never a character count.
     */
    public static byte[] qrStore(byte[] data) {
        if (data.length == 0 || data.length > QR_MAX_DATA) {
            throw new IllegalArgumentException("QR data is 1.." + QR_MAX_DATA + " bytes, not " + data.length);
        }
        int p = data.length + 3;
        byte[] out = new byte[8 + data.length];
        out[0] = GS;
        out[1] = '(';
        out[2] = 'k';
        out[3] = (byte) (p & 0xFF);
        out[4] = (byte) (p >>> 8);
        out[5] = 0x31;
        out[6] = 0x50;
        out[7] = 0x30;
        System.arraycopy(data, 0, out, 8, data.length);
        return out;
    }

    /** {@code GS ( k} fn 81: print the stored symbol. */
    public static byte[] qrPrint() {
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x51, 0x30);
    }

    /** The whole native QR sequence: model 2, module size, level, store, print. */
    public static byte[] qr(byte[] data, int moduleSize, QrLevel level) {
        return concat(qrModel2(), qrModuleSize(moduleSize), qrErrorLevel(level), qrStore(data), qrPrint());
    }

    /**
     * {@code GS v 0 m xL xH yL yH d…}: a raster bit image at normal density (m = 0); x is bytes per
     * row, y rows; the most significant bit is the leftmost dot and 1 is black.
     */
    public static byte[] raster(BitImage image) {
        int x = image.bytesPerRow();
        int y = image.height();
        if (x > 0xFFFF || y > 0xFFFF) {
            throw new IllegalArgumentException("raster image too large: " + x + " bytes x " + y + " rows");
        }
        byte[] data = image.data();
        byte[] out = new byte[8 + data.length];
        out[0] = GS;
        out[1] = 'v';
        out[2] = '0';
        out[3] = 0;
        out[4] = (byte) (x & 0xFF);
        out[5] = (byte) (x >>> 8);
        out[6] = (byte) (y & 0xFF);
        out[7] = (byte) (y >>> 8);
        System.arraycopy(data, 0, out, 8, data.length);
        return out;
    }

    /**
     * {@code DLE EOT n}: real-time status request, n = 1 printer, 2 offline cause, 3 error cause,
     * 4 paper sensor. The printer answers one byte even while offline or with a full buffer.
     */
    public static byte[] statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT n is 1..4, not " + n);
        }
        return bytes(DLE, EOT, n);
    }

    /** {@code GS a n}: automatic status back; 0 turns it off. */
    public static byte[] automaticStatusBack(int n) {
        return bytes(GS, 'a', u8(n, "ASB mask"));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static int u8(int n, String what) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException(what + " is 0..255, not " + n);
        }
        return n;
    }

    /** Hex for messages and test failures, e.g. {@code "1B 40"}. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
