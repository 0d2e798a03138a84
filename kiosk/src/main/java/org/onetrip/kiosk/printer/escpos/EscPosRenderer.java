package org.onetrip.kiosk.printer.escpos;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws what a thermal printer would print from the ESC/POS bytes it receives: the simulated
 * printer shows this picture, so it is made from the bytes, never from the receipt. Interprets
 * the commands the kiosk sends (text in Chinese mode, sizes, bold, underline, alignment, feeds,
 * cuts, native QR, raster images) and steps over every other command by its length. Garbage
 * never throws: an unknown or malformed command is skipped, a truncated one ends the picture.
 *
 * <p>Geometry as an Epson-compatible printer at 203 dpi: characters in 12×24 (ASCII) and 24×24
 * (two-byte) cells times the character size, default line pitch 30 dots, lines grow to the
 * tallest character, characters share the bottom of the line.
 */
public final class EscPosRenderer {
    private static final Logger log = LoggerFactory.getLogger(EscPosRenderer.class);

    /** Default line pitch ({@code ESC 2}): 30 dots, 3.75 mm. */
    static final int DEFAULT_LINE_SPACING = 30;
    /** Longest picture drawn, in dots (about 6 m of paper); anything further is dropped. */
    static final int MAX_HEIGHT = 50_000;

    private final int paperDots;

    /** {@code paperDots}: 384 for 58 mm paper, 576 for 80 mm. */
    public EscPosRenderer(int paperDots) {
        if (paperDots < 8 || paperDots > 4096) {
            throw new IllegalArgumentException("paper width is 8..4096 dots, not " + paperDots);
        }
        this.paperDots = paperDots;
    }

    /** The printed paper for {@code data}: black on white, {@code paperDots} wide. */
    public BufferedImage render(byte[] data) {
        Page page = new Page();
        int off = 0;
        while (off < data.length) {
            int len = CommandScanner.length(data, off, data.length);
            if (len == CommandScanner.NEED_MORE) {
                log.debug("stream ends inside a command at byte {}", off);
                break;
            }
            try {
                page.execute(data, off, len);
            } catch (RuntimeException e) {
                // A malformed command must not stop the picture; a printer ignores it too.
                log.debug("command at byte {} skipped: {}", off, e.toString());
            }
            off += len;
        }
        page.flushLine(false);
        return page.finish();
    }

    /** Index 0 white, 1 black: a new image is blank paper without filling it. */
    private static final IndexColorModel WHITE_BLACK = new IndexColorModel(1, 2,
            new byte[] {(byte) 0xFF, 0}, new byte[] {(byte) 0xFF, 0}, new byte[] {(byte) 0xFF, 0});
    private static final int BLACK = 1;

    private BufferedImage paper(int height) {
        return new BufferedImage(paperDots, height, BufferedImage.TYPE_BYTE_BINARY, WHITE_BLACK);
    }

    /** Copies the first {@code rows} rows; both images are 1-bit packed, one byte array each. */
    private static void copyRows(BufferedImage from, BufferedImage to, int rows) {
        byte[] src = ((DataBufferByte) from.getRaster().getDataBuffer()).getData();
        byte[] dst = ((DataBufferByte) to.getRaster().getDataBuffer()).getData();
        int stride = ((MultiPixelPackedSampleModel) from.getSampleModel()).getScanlineStride();
        System.arraycopy(src, 0, dst, 0, Math.min(Math.min(src.length, dst.length), rows * stride));
    }

    /** One character run on the current line, all in one style. */
    private record Run(String text, int widthMul, int heightMul, boolean bold, int underline, int width) {
    }

    /** The printer's state while one stream is rendered. */
    private final class Page {
        private BufferedImage canvas = paper(2048);
        private int y;

        private boolean chinese = true; // Chinese printers start in Chinese mode
        private boolean bold;
        private int underline;
        private int widthMul = 1;
        private int heightMul = 1;
        private Align align = Align.LEFT;
        private int lineSpacing = DEFAULT_LINE_SPACING;

        private final List<Run> line = new ArrayList<>();
        private final StringBuilder pendingText = new StringBuilder();
        private int lineWidth;
        private Align lineAlign = Align.LEFT;
        private final byte[] pendingBytes = new byte[4];
        private int pendingCount;

        private int qrModule = 3;
        private QrLevel qrLevel = QrLevel.L;
        private byte[] qrData = new byte[0];

        void execute(byte[] b, int off, int len) {
            int c = b[off] & 0xFF;
            if (len == 1) {
                if (c == EscPos.LF) {
                    flushLine(true);
                } else if (c == 0x0C) {
                    flushLine(false);
                } else if (c == 0x09) {
                    addChar(' ');
                } else if (c >= 0x20) {
                    textByte(c);
                }
                return; // CR and other control bytes print nothing
            }
            int x = b[off + 1] & 0xFF;
            int n = len > 2 ? b[off + 2] & 0xFF : 0;
            switch (c) {
                case EscPos.ESC -> esc(x, n, b, off, len);
                case EscPos.FS -> {
                    if (x == '&') {
                        endText();
                        chinese = true;
                    } else if (x == '.') {
                        endText();
                        chinese = false;
                    }
                }
                case EscPos.GS -> gs(x, n, b, off, len);
                default -> { } // DLE real-time commands print nothing
            }
        }

        private void esc(int x, int n, byte[] b, int off, int len) {
            switch (x) {
                case '@' -> { // clears the line buffer and resets modes; Chinese mode stays
                    endText();
                    line.clear();
                    lineWidth = 0;
                    bold = false;
                    underline = 0;
                    widthMul = 1;
                    heightMul = 1;
                    align = Align.LEFT;
                    lineSpacing = DEFAULT_LINE_SPACING;
                    qrModule = 3;
                    qrLevel = QrLevel.L;
                }
                case 'E', 'G' -> style(() -> bold = (n & 1) != 0);
                case '-' -> style(() -> underline = switch (n) {
                    case 1, '1' -> 1;
                    case 2, '2' -> 2;
                    default -> 0;
                });
                case '!' -> style(() -> {
                    bold = (n & EscPos.MODE_EMPHASIZED) != 0;
                    heightMul = (n & EscPos.MODE_DOUBLE_HEIGHT) != 0 ? 2 : 1;
                    widthMul = (n & EscPos.MODE_DOUBLE_WIDTH) != 0 ? 2 : 1;
                    underline = (n & EscPos.MODE_UNDERLINE) != 0 ? 1 : 0;
                });
                case 'a' -> align = switch (n) {
                    case 1, '1' -> Align.CENTER;
                    case 2, '2' -> Align.RIGHT;
                    default -> Align.LEFT;
                };
                case 'd' -> {
                    flushLine(false);
                    advance(n * lineSpacing);
                }
                case 'J' -> {
                    flushLine(false);
                    advance(n);
                }
                case '2' -> lineSpacing = DEFAULT_LINE_SPACING;
                case '3' -> lineSpacing = n;
                default -> { } // code page, tabs, drawer kick and the rest: nothing to draw
            }
        }

        private void gs(int x, int n, byte[] b, int off, int len) {
            switch (x) {
                case '!' -> style(() -> {
                    widthMul = ((n >> 4) & 0x07) + 1;
                    heightMul = (n & 0x07) + 1;
                });
                case 'V' -> {
                    int feed = len == 4 ? b[off + 3] & 0xFF : 0;
                    flushLine(false);
                    advance(feed * lineSpacing);
                    boolean partial = n == 1 || n == 0x31 || n == 0x42 || n == 0x62 || n == 0x68;
                    drawCut(partial);
                }
                case '(' -> {
                    if (len >= 7 && (b[off + 2] & 0xFF) == 'k') {
                        qr(b, off, len);
                    }
                }
                case 'v' -> {
                    if (len >= 8 && (b[off + 2] & 0xFF) == '0') {
                        raster(b, off, len);
                    }
                }
                default -> { }
            }
        }

        /** GS ( k with cn 49 (QR): remember settings and data, draw on fn 81. */
        private void qr(byte[] b, int off, int len) {
            int cn = b[off + 5] & 0xFF;
            int fn = b[off + 6] & 0xFF;
            if (cn != 0x31) {
                return; // PDF417 and other symbols: not sent by the kiosk
            }
            switch (fn) {
                case 0x43 -> qrModule = Math.max(1, Math.min(16, b[off + 7] & 0xFF));
                case 0x45 -> qrLevel = switch (b[off + 7] & 0xFF) {
                    case 0x31 -> QrLevel.M;
                    case 0x32 -> QrLevel.Q;
                    case 0x33 -> QrLevel.H;
                    default -> QrLevel.L;
                };
                case 0x50 -> qrData = Arrays.copyOfRange(b, off + 8, off + len);
                case 0x51 -> {
                    flushLine(false);
                    if (qrData.length == 0) {
                        return;
                    }
                    BitMatrix m;
                    try {
                        m = BitImage.qrMatrix(qrData, qrLevel, 0);
                    } catch (IllegalArgumentException e) {
                        return; // too much data for a symbol: a printer prints nothing either
                    }
                    int size = m.getWidth() * qrModule;
                    int left = alignedLeft(size);
                    ensure(y + size);
                    for (int my = 0; my < m.getHeight(); my++) {
                        for (int mx = 0; mx < m.getWidth(); mx++) {
                            if (m.get(mx, my)) {
                                fill(left + mx * qrModule, y + my * qrModule, qrModule, qrModule);
                            }
                        }
                    }
                    advance(size);
                }
                default -> { }
            }
        }

        /** GS v 0 m xL xH yL yH d…: m 1 doubles the width, 2 the height, 3 both. */
        private void raster(byte[] b, int off, int len) {
            flushLine(false);
            int m = (b[off + 3] & 0xFF) & 0x03;
            int bytesPerRow = (b[off + 4] & 0xFF) | (b[off + 5] & 0xFF) << 8;
            int rows = (b[off + 6] & 0xFF) | (b[off + 7] & 0xFF) << 8;
            int sx = (m & 1) != 0 ? 2 : 1;
            int sy = (m & 2) != 0 ? 2 : 1;
            int width = bytesPerRow * 8 * sx;
            int left = alignedLeft(Math.min(width, paperDots));
            ensure(y + rows * sy);
            for (int r = 0; r < rows; r++) {
                for (int bx = 0; bx < bytesPerRow; bx++) {
                    int v = b[off + 8 + r * bytesPerRow + bx] & 0xFF;
                    if (v == 0) {
                        continue;
                    }
                    for (int bit = 0; bit < 8; bit++) {
                        if ((v & (0x80 >>> bit)) != 0) {
                            fill(left + (bx * 8 + bit) * sx, y + r * sy, sx, sy);
                        }
                    }
                }
            }
            advance(rows * sy);
        }

        /** A style change applies to the characters after it, so the text before is closed. */
        private void style(Runnable change) {
            endText();
            change.run();
        }

        private void textByte(int c) {
            if (!chinese) {
                // Outside Chinese mode the printer uses a code page the kiosk never selects.
                addChar(c < 0x80 ? c : '?');
                return;
            }
            if (pendingCount == 0 && c < 0x80) {
                addChar(c);
                return;
            }
            pendingBytes[pendingCount++] = (byte) c;
            int lead = pendingBytes[0] & 0xFF;
            if (lead == 0x80 || lead == 0xFF) {
                pendingCount = 0;
                addChar('?'); // not a GB18030 lead byte
                return;
            }
            if (pendingCount == 2) {
                int trail = pendingBytes[1] & 0xFF;
                if (trail >= 0x30 && trail <= 0x39) {
                    return; // a four-byte sequence: wait for the rest
                }
                addChar(decode(2));
            } else if (pendingCount == 4) {
                // Printers have no glyphs for four-byte codes; they print something meaningless.
                pendingCount = 0;
                addChar('?');
                addChar('?');
            }
        }

        private int decode(int n) {
            pendingCount = 0;
            try {
                CharBuffer cb = Gb18030.CHARSET.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(pendingBytes, 0, n));
                return cb.toString().codePointAt(0);
            } catch (CharacterCodingException | IndexOutOfBoundsException e) {
                return '?';
            }
        }

        private void addChar(int cp) {
            int w = TextWidth.of(cp) * PrinterFont.CELL_WIDTH * widthMul;
            if (w == 0) {
                return;
            }
            if (lineWidth == 0 && pendingText.isEmpty() && line.isEmpty()) {
                lineAlign = align; // ESC a counts at the start of a line only
            }
            if (lineWidth + w > paperDots) {
                // The line is full: a printer prints it and goes on with the next.
                flushLine(false);
                lineAlign = align;
            }
            pendingText.appendCodePoint(cp);
            lineWidth += w;
        }

        private void endText() {
            pendingCount = 0;
            if (!pendingText.isEmpty()) {
                String t = pendingText.toString();
                line.add(new Run(t, widthMul, heightMul, bold, underline, PrinterFont.width(t, widthMul)));
                pendingText.setLength(0);
            }
        }

        /** Prints the line buffer; an empty buffer feeds one line when {@code feedIfEmpty}. */
        void flushLine(boolean feedIfEmpty) {
            endText();
            if (line.isEmpty()) {
                if (feedIfEmpty) {
                    advance(lineSpacing);
                }
                return;
            }
            int charHeight = 0;
            int width = 0;
            for (Run r : line) {
                charHeight = Math.max(charHeight, PrinterFont.CELL_HEIGHT * r.heightMul());
                width += r.width();
            }
            int pitch = Math.max(lineSpacing, charHeight);
            ensure(y + pitch);
            int x = switch (lineAlign) {
                case LEFT -> 0;
                case CENTER -> Math.max(0, (paperDots - width) / 2);
                case RIGHT -> Math.max(0, paperDots - width);
            };
            Graphics2D g = canvas.createGraphics();
            try {
                g.setColor(Color.BLACK);
                for (Run r : line) {
                    int top = y + charHeight - PrinterFont.CELL_HEIGHT * r.heightMul();
                    PrinterFont.draw(g, r.text(), x, top, r.widthMul(), r.heightMul(), r.bold());
                    if (r.underline() > 0) {
                        g.fillRect(x, y + charHeight - r.underline(), r.width(), r.underline());
                    }
                    x += r.width();
                }
            } finally {
                g.dispose();
            }
            line.clear();
            lineWidth = 0;
            advance(pitch);
        }

        private void drawCut(boolean partial) {
            ensure(y + 12);
            int mid = y + 6;
            int gapFrom = partial ? paperDots / 2 - 24 : -1;
            int gapTo = partial ? paperDots / 2 + 24 : -1;
            for (int x = 0; x < paperDots; x += 12) {
                if (x + 6 < gapFrom || x > gapTo) {
                    fill(x, mid, 6, 1);
                }
            }
            advance(12);
        }

        private int alignedLeft(int width) {
            return switch (align) {
                case LEFT -> 0;
                case CENTER -> Math.max(0, (paperDots - width) / 2);
                case RIGHT -> Math.max(0, paperDots - width);
            };
        }

        private void fill(int x, int top, int w, int h) {
            WritableRaster r = canvas.getRaster();
            for (int yy = Math.max(0, top); yy < top + h && yy < canvas.getHeight(); yy++) {
                for (int xx = Math.max(0, x); xx < x + w && xx < paperDots; xx++) {
                    r.setSample(xx, yy, 0, BLACK);
                }
            }
        }

        private void advance(int dots) {
            y = Math.min(MAX_HEIGHT, y + Math.max(0, dots));
        }

        private void ensure(int height) {
            int needed = Math.min(MAX_HEIGHT, height);
            if (needed <= canvas.getHeight()) {
                return;
            }
            int newHeight = Math.min(MAX_HEIGHT, Math.max(needed, canvas.getHeight() * 2));
            BufferedImage bigger = paper(newHeight);
            copyRows(canvas, bigger, canvas.getHeight());
            canvas = bigger;
        }

        BufferedImage finish() {
            int h = Math.max(1, Math.min(y, canvas.getHeight()));
            BufferedImage out = paper(h);
            copyRows(canvas, out, h);
            return out;
        }
    }
}
