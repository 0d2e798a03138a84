package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

class BitImageTest {

    @Test
    void mostSignificantBitIsTheLeftmostDotAndOneIsBlack() {
        BufferedImage img = new BufferedImage(10, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) {
            img.setRGB(x, 0, Color.WHITE.getRGB());
            img.setRGB(x, 1, Color.WHITE.getRGB());
        }
        img.setRGB(0, 0, Color.BLACK.getRGB());
        img.setRGB(9, 0, Color.BLACK.getRGB());
        img.setRGB(7, 1, Color.DARK_GRAY.getRGB());
        BitImage bits = BitImage.of(img);
        assertThat(bits.bytesPerRow()).isEqualTo(2);
        // Row 0: dot 0 = 0x80 of byte 0, dot 9 = 0x40 of byte 1; row 1: dot 7 = 0x01.
        assertArrayEquals(hex("80 40 01 00"), bits.data());
        assertThat(bits.get(0, 0)).isTrue();
        assertThat(bits.get(1, 0)).isFalse();
    }

    @Test
    void fromBitMatrixScalesEachModule() {
        BitMatrix m = new BitMatrix(3, 1);
        m.set(0, 0);
        m.set(2, 0);
        BitImage bits = BitImage.of(m, 3);
        assertThat(bits.width()).isEqualTo(9);
        assertThat(bits.height()).isEqualTo(3);
        // 111000111 -> E3 80, three rows alike.
        assertArrayEquals(hex("E3 80 E3 80 E3 80"), bits.data());
    }

    @Test
    void rasterQrDecodesBackToItsData() throws Exception {
        String url = "http://127.0.0.1:8311/status/Tk9QRV9ub3RfcmVhbA";
        BitImage qr = BitImage.qr(url.getBytes(StandardCharsets.UTF_8), QrLevel.M, 4);
        // No quiet zone of its own: the corner is the finder pattern's black.
        assertThat(qr.get(0, 0)).isTrue();
        BufferedImage page = new BufferedImage(qr.width() + 64, qr.height() + 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.setRGB(x, y, qr.get(x - 32, y - 32) ? 0 : 0xFFFFFF);
            }
        }
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(page)))).getText();
        assertThat(text).isEqualTo(url);
    }

    @Test
    void sizeMustMatchData() {
        assertThatThrownBy(() -> new BitImage(9, 1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitImage(0, 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
