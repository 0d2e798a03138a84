package org.onetrip.kiosk.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;

/**
 * Camera frames for tests and benchmarks: a receipt printed by the simulated printer (the picture
 * it draws from its own ESC/POS bytes), photographed as a kiosk camera would see it held up:
 * 640×480, the slip turned a few degrees over a dark desk, lit unevenly, slightly out of focus,
 * with sensor noise, JPEG-compressed.
 */
public final class ReceiptPhotos {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private ReceiptPhotos() {
    }

    /** The picture of an 80 mm receipt whose QR code holds {@code statusUrl}. */
    public static BufferedImage printedReceipt(String statusUrl) {
        SimulatedReceiptPrinter printer = new SimulatedReceiptPrinter(PrinterProfile.forPaper(80), null);
        printer.start();
        Receipt r = new Receipt(LocalizedText.of("桐城街道党群服务中心", "Tongcheng Centre"), LocalizedText.of("民生保障", "Livelihood"),
                "D-007", LocalizedText.of("居住证明", "Residence certificate"),
                ZonedDateTime.of(2026, 11, 28, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")), "赖**",
                List.of(LocalizedText.of("本人居民身份证", "Your ID card")), statusUrl, LocalizedText.of("工作日", "Weekdays"),
                "0593-7800000", "sim-kiosk-01", Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        PrintOutcome o = printer.print(r);
        if (!o.printed()) {
            throw new IllegalStateException("the simulated printer did not print: " + o.status());
        }
        return read(printer.printed().get(0).picture());
    }

    /** A JPEG frame of the receipt's QR area, the slip turned by {@code degrees}; {@code seed} varies the noise. */
    public static byte[] photo(BufferedImage receipt, double degrees, long seed) {
        int[] box = qrBox(receipt);
        int margin = (box[2] - box[0]) / 3;
        int x0 = Math.max(0, box[0] - margin);
        int y0 = Math.max(0, box[1] - margin);
        int x1 = Math.min(receipt.getWidth(), box[2] + margin);
        int y1 = Math.min(receipt.getHeight(), box[3] + margin);
        BufferedImage slip = receipt.getSubimage(x0, y0, x1 - x0, y1 - y0);
        // The code about 160 px wide in the frame (under 5 px a module): a slip held some 20 cm
        // from a wide-angle camera.
        double scale = 160.0 / (box[2] - box[0]);
        return shoot(slip, scale, degrees, seed);
    }

    /**
     * The frames a camera takes of a slip held up for about a second: {@code count} photos, each
     * turned a little differently and with its own noise. A single frame of a given code can fail
     * to decode (about 2 % of random status URLs at 7°: the binarizer loses a module), which a
     * real camera makes up for with the next frame; tests that feed a scanner use a burst so they
     * test the scanner, not the luck of one frame.
     */
    public static List<byte[]> burst(BufferedImage receipt, int count, long seed) {
        double[] angles = {-3, 5, -6, 2, 7, -1};
        List<byte[]> frames = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(photo(receipt, angles[i % angles.length], seed + i));
        }
        return frames;
    }

    /** A JPEG frame of the receipt's printed text above the code: paper, no QR code. */
    public static byte[] photoWithoutCode(BufferedImage receipt, long seed) {
        int[] box = qrBox(receipt);
        int h = Math.min(box[1], receipt.getWidth() * 3 / 4);
        BufferedImage top = receipt.getSubimage(0, 0, receipt.getWidth(), Math.max(1, h));
        return shoot(top, 0.9, 3, seed);
    }

    private static byte[] shoot(BufferedImage slip, double scale, double degrees, long seed) {
        Random random = new Random(seed);
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(58, 54, 50));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransform t = new AffineTransform();
        t.translate(WIDTH / 2.0 + random.nextInt(41) - 20, HEIGHT / 2.0 + random.nextInt(41) - 20);
        t.rotate(Math.toRadians(degrees));
        t.scale(scale, scale);
        t.translate(-slip.getWidth() / 2.0, -slip.getHeight() / 2.0);
        g.drawImage(slip, t, null);
        g.dispose();
        // Slightly out of focus.
        float[] k = new float[9];
        java.util.Arrays.fill(k, 1 / 9f);
        BufferedImage soft = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(frame, null);
        // Light falling off to one side, and sensor noise.
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = soft.getRGB(x, y);
                double light = 0.68 + 0.32 * (x / (double) WIDTH) * (1 - 0.2 * y / HEIGHT);
                int v = (int) Math.round(((rgb >> 8) & 0xFF) * light + random.nextGaussian() * 7);
                v = Math.max(0, Math.min(255, v));
                int warm = Math.min(255, v + 6);
                soft.setRGB(x, y, (warm << 16) | (v << 8) | Math.max(0, v - 8));
            }
        }
        return jpeg(soft, 0.8f);
    }

    /** {@code image} as a JPEG of {@code quality} (0..1) with the standard Huffman tables. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                w.setOutput(ios);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                w.write(null, new IIOImage(image, null, null), p);
            } finally {
                w.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] encoded) {
        try {
            BufferedImage i = ImageIO.read(new ByteArrayInputStream(encoded));
            if (i == null) {
                throw new IllegalArgumentException("not an image");
            }
            return i;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The QR code's bounding box {x0, y0, x1, y1} in the clean receipt picture. Found by the
     * picture's shape, not by ZXing's detector: the code is the one band of ink rows, set off by
     * its blank quiet zone, that is as wide as it is tall. ZXing's finder search misses on about 1
     * in 500 crisp, perfectly square codes (6 of 3,000 random status URLs, even with TRY_HARDER and
     * cropped), which made tests on random tokens fail now and then; the box is then checked by
     * decoding it as a pure code.
     */
    static int[] qrBox(BufferedImage receipt) {
        int w = receipt.getWidth();
        int h = receipt.getHeight();
        int bandStart = -1;
        int left = w;
        int right = -1;
        for (int y = 0; y <= h; y++) {
            int rowLeft = w;
            int rowRight = -1;
            if (y < h) {
                for (int x = 0; x < w; x++) {
                    if (ink(receipt.getRGB(x, y))) {
                        rowLeft = Math.min(rowLeft, x);
                        rowRight = x;
                    }
                }
            }
            if (rowRight >= 0) {
                if (bandStart < 0) {
                    bandStart = y;
                    left = w;
                    right = -1;
                }
                left = Math.min(left, rowLeft);
                right = Math.max(right, rowRight);
            } else if (bandStart >= 0) {
                int bandHeight = y - bandStart;
                int bandWidth = right - left + 1;
                // A version 1 code at 2 dots a module is 42 dots; text lines are shorter than that
                // or much wider than tall.
                if (bandHeight >= 42 && Math.abs(bandWidth - bandHeight) <= 2) {
                    int[] box = {left, bandStart, right + 1, y};
                    checkDecodes(receipt, box);
                    return box;
                }
                bandStart = -1;
            }
        }
        throw new IllegalStateException("the printed receipt has no QR code");
    }

    private static boolean ink(int rgb) {
        int g = (rgb >> 8) & 0xFF;
        return g < 128;
    }

    private static void checkDecodes(BufferedImage receipt, int[] box) {
        int quiet = (box[2] - box[0]) / 5;
        BufferedImage alone = new BufferedImage(box[2] - box[0] + 2 * quiet, box[3] - box[1] + 2 * quiet,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = alone.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, alone.getWidth(), alone.getHeight());
        g.drawImage(receipt.getSubimage(box[0], box[1], box[2] - box[0], box[3] - box[1]), quiet, quiet, null);
        g.dispose();
        try {
            new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(alone))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        } catch (ReaderException e) {
            throw new IllegalStateException("the square found on the printed receipt is not a readable QR code", e);
        }
    }
}
