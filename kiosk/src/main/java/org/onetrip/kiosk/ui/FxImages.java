package org.onetrip.kiosk.ui;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.onetrip.kiosk.qr.QrCodes;

/** Images for the screen: QR codes from ZXing, and PNG snapshots of JavaFX images. */
public final class FxImages {
    private FxImages() {
    }

    /** {@code text} as a QR code, {@code scale} pixels per module, with a 4-module quiet zone. */
    public static Image qr(String text, int scale) {
        BitMatrix m = QrCodes.matrix(text, 4);
        WritableImage img = new WritableImage(m.getWidth() * scale, m.getHeight() * scale);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < m.getHeight() * scale; y++) {
            for (int x = 0; x < m.getWidth() * scale; x++) {
                w.setArgb(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }

    /** Writes a JavaFX image as PNG (no javafx-swing needed). */
    public static void writePng(Image image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        ImageIO.write(out, "png", file.toFile());
    }

    /** PNG bytes as a JavaFX image, for the simulator panel's receipt pictures. */
    public static Image fromPng(byte[] png) {
        return new Image(new java.io.ByteArrayInputStream(png));
    }
}
