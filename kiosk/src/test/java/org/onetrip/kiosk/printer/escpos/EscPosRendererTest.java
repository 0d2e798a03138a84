package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/** The simulated printer's picture, made from bytes only. */
class EscPosRendererTest {
    private static final EscPosRenderer R80 = new EscPosRenderer(576);
    private static final EscPosRenderer R58 = new EscPosRenderer(384);

    @Test
    void renderedReceiptScansBackToTheStatusUrl() throws Exception {
        byte[] job = new ReceiptLayout(PrinterProfile.forPaper(80)).render(Receipts.typical());
        BufferedImage paper = R80.render(job);
        assertThat(paper.getWidth()).isEqualTo(576);
        Result r = new MultiFormatReader().decode(bitmap(paper),
                Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
        assertThat(r.getText()).isEqualTo(Receipts.STATUS_URL);
    }

    @Test
    void rasterQrReceiptAt58mmScansBackToo() throws Exception {
        byte[] job = new ReceiptLayout(PrinterProfile.forPaper(58).withNativeQr(false)).render(Receipts.typical());
        BufferedImage paper = R58.render(job);
        assertThat(paper.getWidth()).isEqualTo(384);
        assertThat(new QRCodeReader().decode(bitmap(paper)).getText()).isEqualTo(Receipts.STATUS_URL);
    }

    @Test
    void nativeQrIsCentredAtItsModuleSize() throws Exception {
        byte[] job = new EscPosEncoder().init().align(Align.CENTER).qr("1234", 4, QrLevel.L).toBytes();
        BufferedImage paper = R80.render(job);
        // Version 1: 21 modules of 4 dots = 84 dots, centred on 576: x 246..329, y 0..83.
        assertThat(paper.getHeight()).isEqualTo(84);
        assertThat(ink(paper)).isEqualTo(new Rectangle(246, 0, 84, 84));
        BufferedImage framed = frame(paper, 40);
        assertThat(new QRCodeReader().decode(bitmap(framed)).getText()).isEqualTo("1234");
    }

    @Test
    void rasterImageIsDrawnBitByBit() {
        // 16 dots wide, 3 rows: row 0 the first and last dot, row 1 nothing, row 2 dots 4-11.
        byte[] job = EscPos.raster(new BitImage(16, 3, hex("80 01 00 00 0F F0")));
        BufferedImage paper = R58.render(job);
        assertThat(paper.getHeight()).isEqualTo(3);
        for (int x = 0; x < 384; x++) {
            assertThat(black(paper, x, 0)).as("row 0 x %d", x).isEqualTo(x == 0 || x == 15);
            assertThat(black(paper, x, 1)).as("row 1 x %d", x).isFalse();
            assertThat(black(paper, x, 2)).as("row 2 x %d", x).isEqualTo(x >= 4 && x <= 11);
        }
    }

    @Test
    void rasterDoubleWidthAndHeightModes() {
        byte[] job = Bytes.of(hex("1D 76 30 03 01 00 01 00 80"));
        BufferedImage paper = R58.render(job);
        assertThat(paper.getHeight()).isEqualTo(2);
        assertThat(ink(paper)).isEqualTo(new Rectangle(0, 0, 2, 2));
    }

    @Test
    void textSitsInItsCellsAndAlignment() {
        BufferedImage left = R80.render(Bytes.of("A\n"));
        assertThat(left.getHeight()).isEqualTo(30);
        assertThat(inkInside(left, new Rectangle(0, 0, 12, 24))).isTrue();

        BufferedImage centred = R80.render(Bytes.of(EscPos.align(Align.CENTER), "中\n"));
        assertThat(inkInside(centred, new Rectangle(276, 0, 24, 24))).isTrue();

        BufferedImage right = R80.render(Bytes.of(EscPos.align(Align.RIGHT), "AB\n"));
        assertThat(inkInside(right, new Rectangle(552, 0, 24, 24))).isTrue();
    }

    @Test
    void doubleSizeDoublesTheCellAndTheLine() {
        BufferedImage paper = R80.render(Bytes.of(EscPos.charSize(2, 2), "中\n", EscPos.charSize(1, 1), "A\n"));
        // 48-dot line (taller than the 30-dot pitch), then a normal 30-dot line.
        assertThat(paper.getHeight()).isEqualTo(48 + 30);
        Rectangle big = ink(crop(paper, 0, 0, 576, 48));
        assertThat(big.width).isGreaterThan(30);
        assertThat(big.height).isGreaterThan(30);
        assertThat(inkInside(crop(paper, 0, 48, 576, 30), new Rectangle(0, 0, 12, 24))).isTrue();
    }

    @Test
    void boldPrintsMoreInkThanNormal() {
        int normal = inkCount(R80.render(Bytes.of("中文 ABC\n")));
        int bold = inkCount(R80.render(Bytes.of(EscPos.bold(true), "中文 ABC\n")));
        assertThat(bold).isGreaterThan(normal);
    }

    @Test
    void underlineDrawsUnderTheText() {
        BufferedImage paper = R80.render(Bytes.of(EscPos.underline(2), "AB", EscPos.underline(0), "C\n"));
        for (int x = 0; x < 24; x++) {
            assertThat(black(paper, x, 23)).isTrue();
            assertThat(black(paper, x, 22)).isTrue();
        }
        assertThat(black(paper, 30, 23)).isFalse();
    }

    @Test
    void aFullLineWrapsToTheNext() {
        BufferedImage paper = R80.render(Bytes.of("A".repeat(49) + "\n"));
        assertThat(paper.getHeight()).isEqualTo(60);
        assertThat(inkInside(crop(paper, 0, 30, 576, 30), new Rectangle(0, 0, 12, 24))).isTrue();
    }

    @Test
    void feedsAndCuts() {
        BufferedImage paper = R80.render(Bytes.of("A\n", EscPos.feedLines(2), EscPos.feedAndCut(Cut.FULL, 1)));
        // 30 (line) + 60 (feed 2) + 30 (feed 1 before the cut) + 12 (the cut mark).
        assertThat(paper.getHeight()).isEqualTo(132);
        int dashes = 0;
        for (int x = 0; x < 576; x++) {
            dashes += black(paper, x, 126) ? 1 : 0;
        }
        assertThat(dashes).as("a dashed line across").isBetween(250, 300);
    }

    @Test
    void resetDropsTheUnprintedLine() {
        BufferedImage paper = R80.render(Bytes.of("AB", EscPos.init(), "\n"));
        assertThat(inkCount(paper)).isZero();
        assertThat(paper.getHeight()).isEqualTo(30);
    }

    @Test
    void unknownCommandsAreSkipped() {
        byte[] withJunk = Bytes.of(hex("1B 7A"), hex("1D 28 4C 02 00 30 45"), hex("10 04 01"),
                hex("1B 70 00 19 FA"), hex("1C 70 01 00"), "A\n");
        assertThat(imagesEqual(R80.render(withJunk), R80.render(Bytes.of("A\n")))).isTrue();
    }

    @Test
    void chineseModeDecodesGb18030() {
        BufferedImage gb = R80.render(Bytes.of(hex("D6 D0 0A")));
        BufferedImage viaText = R80.render(Bytes.of("中\n"));
        assertThat(imagesEqual(gb, viaText)).isTrue();
        assertThat(inkCount(gb)).isGreaterThan(0);
        // Outside Chinese mode the same bytes are two single-byte characters of a code page.
        BufferedImage off = R80.render(Bytes.of(EscPos.chineseModeOff(), hex("D6 D0 0A")));
        assertThat(imagesEqual(off, gb)).isFalse();
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(20250314);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[random.nextInt(1500)];
            random.nextBytes(junk);
            assertThatCode(() -> R58.render(junk)).doesNotThrowAnyException();
        }
        // A real receipt cut off anywhere, as when a cable is pulled: every 31st byte and each
        // byte through the QR commands.
        byte[] job = new ReceiptLayout(PrinterProfile.forPaper(58)).render(Receipts.typical());
        int qrAt = EscPos.hex(job).indexOf("1D 28 6B") / 3;
        for (int n = 0; n < job.length; n += (n >= qrAt && n < qrAt + 100) ? 1 : 31) {
            byte[] prefix = Arrays.copyOf(job, n);
            assertThatCode(() -> R58.render(prefix)).doesNotThrowAnyException();
        }
        // A raster header that claims 4 GB of data, QR data too long for any symbol.
        assertThatCode(() -> R58.render(hex("1D 76 30 00 FF FF FF FF 00"))).doesNotThrowAnyException();
        byte[] huge = new byte[5000];
        Arrays.fill(huge, (byte) 'x');
        assertThatCode(() -> R58.render(Bytes.of(EscPos.qrStore(huge), EscPos.qrPrint())))
                .doesNotThrowAnyException();
    }

    static BinaryBitmap bitmap(BufferedImage img) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
    }

    static boolean black(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xFFFFFF) == 0;
    }

    static int inkCount(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += black(img, x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** The bounding box of the black dots, or an empty rectangle. */
    static Rectangle ink(BufferedImage img) {
        Rectangle box = null;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (black(img, x, y)) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box == null ? new Rectangle() : box;
    }

    static boolean inkInside(BufferedImage img, Rectangle cell) {
        Rectangle box = ink(img);
        return !box.isEmpty() && cell.contains(box);
    }

    static BufferedImage crop(BufferedImage img, int x, int y, int w, int h) {
        return img.getSubimage(x, y, w, h);
    }

    static BufferedImage frame(BufferedImage img, int margin) {
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * margin, img.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int sx = x - margin;
                int sy = y - margin;
                boolean b = sx >= 0 && sy >= 0 && sx < img.getWidth() && sy < img.getHeight() && black(img, sx, sy);
                out.setRGB(x, y, b ? 0 : 0xFFFFFF);
            }
        }
        return out;
    }

    static boolean imagesEqual(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (black(a, x, y) != black(b, x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

}
