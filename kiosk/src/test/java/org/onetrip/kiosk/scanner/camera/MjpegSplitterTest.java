package org.onetrip.kiosk.scanner.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.testing.ReceiptPhotos;

/** Cutting a motion-JPEG stream into frames, byte for byte. */
class MjpegSplitterTest {

    private static byte[] frame(int seed) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillRect(r.nextInt(64), r.nextInt(48), 10, 10);
        }
        g.dispose();
        return ReceiptPhotos.jpeg(img, 0.9f);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream} in random chunks of 1..max bytes. */
    private static List<byte[]> split(byte[] stream, int max, long seed) {
        MjpegSplitter s = new MjpegSplitter();
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < stream.length; ) {
            int n = Math.min(stream.length - off, 1 + r.nextInt(max));
            out.addAll(s.feed(stream, off, n));
            off += n;
        }
        return out;
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void framesBackToBackWithNoiseBetweenComeOutWhole() {
        byte[] a = frame(1);
        byte[] b = frame(2);
        byte[] c = frame(3);
        byte[] stream = concat("[0:00:01.2] frame\n".getBytes(), a, b, hex("00 FF 12 FF FF D9"), c, hex("FF"));
        for (int max : new int[] {1, 7, 100, 4096, stream.length}) {
            List<byte[]> frames = split(stream, max, max);
            assertThat(frames).as("chunks of up to " + max).hasSize(3);
            assertThat(frames.get(0)).isEqualTo(a);
            assertThat(frames.get(1)).isEqualTo(b);
            assertThat(frames.get(2)).isEqualTo(c);
        }
    }

    @Test
    void anEndMarkerInsideASegmentOrStuffedInScanDataDoesNotEndTheFrame() {
        // SOI, APP1 holding a thumbnail's own FF D8 … FF D9, DHT, SOS, scan data with a stuffed FF 00,
        // a restart marker and fill bytes, then EOI.
        byte[] f = hex("FFD8 FFE1 0008 FFD8 0102 FFD9 FFC4 0002 FFDA 0003 01 1234 FF00 56 FFD3 78 FFFF FFD9");
        assertThat(split(concat(f, f), 3, 1)).hasSize(2).allSatisfy(x -> assertThat(x).isEqualTo(f));
    }

    @Test
    void aFrameCutOffByTheNextOneIsDropped() {
        byte[] whole = frame(4);
        byte[] cut = java.util.Arrays.copyOf(frame(5), 300);
        List<byte[]> frames = split(concat(cut, whole), 64, 2);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).isEqualTo(whole);
    }

    @Test
    void aWebcamFrameWithoutHuffmanTablesGetsTheStandardOnes() {
        byte[] original = frame(6);
        byte[] stripped = withoutSegments(original, 0xC4);
        assertThat(stripped.length).isLessThan(original.length);

        List<byte[]> frames = split(stripped, 512, 3);

        assertThat(frames).hasSize(1);
        BufferedImage expected = ReceiptPhotos.read(original);
        BufferedImage got = ReceiptPhotos.read(frames.get(0));
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(got.getRGB(x, y)).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @Test
    void endlessGarbageIsDroppedNotHeld() {
        MjpegSplitter s = new MjpegSplitter();
        byte[] noise = new byte[1 << 20];
        new Random(8).nextBytes(noise);
        for (int i = 0; i < noise.length - 1; i++) {
            if ((noise[i] & 0xFF) == 0xFF && (noise[i + 1] & 0xFF) == 0xD8) {
                noise[i + 1] = 0;
            }
        }
        for (int i = 0; i < 20; i++) {
            assertThat(s.feed(noise, 0, noise.length)).isEmpty();
        }
        assertThat(s.droppedBytes()).isGreaterThan(19L * noise.length);
        byte[] f = frame(9);
        assertThat(s.feed(f, 0, f.length)).hasSize(1);
    }

    /** {@code jpeg} without its segments of {@code marker} (before the first scan). */
    private static byte[] withoutSegments(byte[] jpeg, int marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while (true) {
            int m = jpeg[p + 1] & 0xFF;
            int len = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if (m == 0xDA) {
                out.write(jpeg, p, jpeg.length - p);
                return out.toByteArray();
            }
            if (m != marker) {
                out.write(jpeg, p, 2 + len);
            }
            p += 2 + len;
        }
    }
}
