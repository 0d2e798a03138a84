package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests with a seeded {@link Random}: a failure prints its seed and replays exactly.
 */
class SamFrameDecoderFuzzTest {
    private static final int INPUTS = 100_000;

    /** Random bytes, biased towards what breaks decoders: preambles, header-shaped runs, real frames. */
    static byte[] hostileInput(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = r.nextInt(8);
        for (int p = 0; p < parts; p++) {
            switch (r.nextInt(7)) {
                case 0 -> {
                    byte[] b = new byte[r.nextInt(64)];
                    r.nextBytes(b);
                    out.writeBytes(b);
                }
                case 1 -> out.writeBytes(SamFrames.preamble());
                case 2 -> {
                    out.writeBytes(SamFrames.preamble());
                    int len = r.nextBoolean() ? r.nextInt(0x10000) : r.nextInt(40);
                    out.write(len >>> 8);
                    out.write(len);
                }
                case 3 -> out.writeBytes(randomFrame(r));
                case 4 -> {
                    byte[] f = randomFrame(r);
                    f[r.nextInt(f.length)] ^= (byte) (1 + r.nextInt(255));
                    out.writeBytes(f);
                }
                case 5 -> {
                    byte[] f = randomFrame(r);
                    out.write(f, 0, r.nextInt(f.length));
                }
                default -> {
                    byte[] b = new byte[r.nextInt(8)];
                    java.util.Arrays.fill(b, (byte) 0xAA);
                    out.writeBytes(b);
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] randomFrame(Random r) {
        byte[] body = new byte[2 + (r.nextInt(10) == 0 ? r.nextInt(1400) : r.nextInt(20))];
        r.nextBytes(body);
        return SamFrames.frame(body);
    }

    @Test
    void noInputMakesTheDecoderThrowOrEmitAnUnverifiedFrame() {
        Random seeds = new Random(20240601L);
        long frames = 0;
        for (int i = 0; i < INPUTS; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            byte[] input = hostileInput(r);
            SamFrameDecoder d = new SamFrameDecoder();
            List<SamFrame> got = new ArrayList<>();
            try {
                int at = 0;
                while (at < input.length) {
                    int n = Math.min(input.length - at, 1 + r.nextInt(300));
                    got.addAll(d.feed(input, at, n));
                    at += n;
                    assertThat(d.buffered()).isLessThanOrEqualTo(SamFrames.HEADER_LENGTH + SamFrames.MAX_LEN);
                }
                got.addAll(d.flush());
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input seed " + seed + " failed", e);
            }
            assertThat(d.buffered()).as("seed %d", seed).isZero();
            for (SamFrame f : got) {
                byte[] wire = f.toBytes();
                // toBytes re-encodes; the frame's bytes must be a verified frame of legal length.
                assertThat(f.bodyLength()).as("seed %d", seed).isBetween(2, SamFrames.MAX_BODY);
                assertThat(SamFrames.xor(wire, 5, wire.length - 1)).isEqualTo(wire[wire.length - 1] & 0xFF);
                // Whatever the decoder finds in the input must actually be in the input.
                assertThat(indexOf(input, wire)).as("seed %d", seed).isGreaterThanOrEqualTo(0);
            }
            frames += got.size();
        }
        assertThat(frames).isPositive();
    }

    @Test
    void validFramesSeparatedByGarbageWithoutAaBytesAreAllRecoveredInOrder() {
        Random seeds = new Random(42L);
        for (int i = 0; i < 5_000; i++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<byte[]> sent = new ArrayList<>();
            int count = 1 + r.nextInt(6);
            for (int k = 0; k < count; k++) {
                byte[] garbage = new byte[r.nextInt(30)];
                for (int g = 0; g < garbage.length; g++) {
                    int b;
                    do {
                        b = r.nextInt(256);
                    } while (b == 0xAA);
                    garbage[g] = (byte) b;
                }
                stream.writeBytes(garbage);
                byte[] f = randomFrame(r);
                sent.add(f);
                stream.writeBytes(f);
            }
            byte[] wire = stream.toByteArray();
            SamFrameDecoder d = new SamFrameDecoder();
            List<SamFrame> got = SamFrameDecoderTest.feedInRandomChunks(d, wire, r, 1 + r.nextInt(200));
            got.addAll(d.flush());
            assertThat(got).as("seed %d", seed).hasSize(sent.size());
            for (int k = 0; k < sent.size(); k++) {
                assertArrayEquals(sent.get(k), got.get(k).toBytes(), "seed " + seed);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
