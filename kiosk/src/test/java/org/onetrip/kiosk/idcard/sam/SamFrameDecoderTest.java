package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.sam.SamFrameDecoder.Reject;

class SamFrameDecoderTest {
    private static final byte[] SAM_OK = SamFrames.response(Sw3.SUCCESS);
    private static final byte[] NO_CARD = SamFrames.response(Sw3.NO_CARD);

    /** A 1295-byte read response whose photo contains a preamble and a whole valid frame. */
    static byte[] readResponseWithTrapInPhoto() {
        byte[] data = new byte[4 + 256 + 1024];
        data[0] = 0x01;
        data[2] = 0x04;
        Random r = new Random(7);
        for (int i = 4; i < data.length; i++) {
            data[i] = (byte) r.nextInt(256);
        }
        System.arraycopy(SAM_OK, 0, data, 500, SAM_OK.length);
        System.arraycopy(SamFrames.preamble(), 0, data, 900, 5);
        return SamFrames.response(Sw3.SUCCESS, data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<SamFrame> feedInRandomChunks(SamFrameDecoder d, byte[] stream, Random r, int maxChunk) {
        List<SamFrame> out = new ArrayList<>();
        int i = 0;
        while (i < stream.length) {
            int n = Math.min(stream.length - i, 1 + r.nextInt(maxChunk));
            out.addAll(d.feed(stream, i, n));
            i += n;
        }
        return out;
    }

    @Test
    void oneFrameInOneChunk() {
        SamFrameDecoder d = new SamFrameDecoder();
        List<SamFrame> frames = d.feed(SAM_OK);
        assertThat(frames).containsExactly(new SamFrame(new byte[] {0, 0, (byte) 0x90}));
        assertThat(d.buffered()).isZero();
        assertThat(d.totalRejects()).isZero();
    }

    @Test
    void oneByteAtATime() {
        byte[] read = readResponseWithTrapInPhoto();
        SamFrameDecoder d = new SamFrameDecoder();
        List<SamFrame> frames = new ArrayList<>();
        for (byte b : read) {
            frames.addAll(d.feed(new byte[] {b}));
        }
        assertThat(frames).hasSize(1);
        assertArrayEquals(read, frames.get(0).toBytes());
        assertThat(d.totalRejects()).isZero();
    }

    @Test
    void aPreambleInsideThePhotoDoesNotSplitTheFrame() {
        SamFrameDecoder d = new SamFrameDecoder();
        List<SamFrame> frames = d.feed(readResponseWithTrapInPhoto());
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).bodyLength()).isEqualTo(1287);
    }

    @Test
    void randomSplitsOfManyFramesGiveTheSameFrames() {
        byte[] read = readResponseWithTrapInPhoto();
        byte[] stream = concat(SAM_OK, NO_CARD, read, SamCommand.FIND_CARD.frame(), read, SAM_OK);
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            SamFrameDecoder d = new SamFrameDecoder();
            List<SamFrame> frames = feedInRandomChunks(d, stream, r, 1 + r.nextInt(700));
            assertThat(frames).as("seed %d", seed).hasSize(6);
            assertArrayEquals(stream, concat(frames.stream().map(SamFrame::toBytes).toArray(byte[][]::new)));
            assertThat(d.totalRejects()).isZero();
        }
    }

    @Test
    void garbageBetweenFramesIsDroppedAndCountedOncePerRun() {
        byte[] garbage = {0x00, 0x55, (byte) 0xAA, (byte) 0xAA, 0x13, (byte) 0xAA, (byte) 0xAA, (byte) 0xAA,
            (byte) 0x96, 0x00, (byte) 0xFF};
        byte[] stream = concat(garbage, SAM_OK, garbage, NO_CARD, garbage);
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(stream)).hasSize(2);
        assertThat(d.rejects(Reject.GARBAGE)).isEqualTo(3);
        assertThat(d.garbageBytes()).isEqualTo(3L * garbage.length);
    }

    @Test
    void anExtraAaBeforeThePreambleIsGarbage() {
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(concat(new byte[] {(byte) 0xAA}, SAM_OK))).hasSize(1);
        assertThat(d.garbageBytes()).isEqualTo(1);
    }

    @Test
    void aPreambleSplitAcrossChunksAfterGarbageIsKept() {
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(new byte[] {0x01, 0x02, (byte) 0xAA, (byte) 0xAA})).isEmpty();
        assertThat(d.buffered()).isEqualTo(2);
        assertThat(d.feed(Arrays.copyOfRange(SAM_OK, 2, SAM_OK.length))).hasSize(1);
    }

    @Test
    void aCorruptedChecksumIsRejectedAndTheNextFrameFound() {
        byte[] bad = SAM_OK.clone();
        bad[bad.length - 1] ^= 0x01;
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(concat(bad, NO_CARD))).hasSize(1)
                .allSatisfy(f -> assertThat(f.u8(2)).isEqualTo(0x80));
        assertThat(d.rejects(Reject.BAD_CHECKSUM)).isEqualTo(1);
    }

    @Test
    void aCorruptedBodyByteIsRejected() {
        byte[] read = readResponseWithTrapInPhoto();
        read[700] ^= 0x40;
        SamFrameDecoder d = new SamFrameDecoder();
        List<SamFrame> frames = d.feed(read);
        // The whole frame is refused; the valid SAM OK frame inside its photo is then found as
        // a frame of its own, exactly as it would be on the wire.
        assertThat(d.rejects(Reject.BAD_CHECKSUM)).isEqualTo(1);
        assertThat(frames).containsExactly(new SamFrame(new byte[] {0, 0, (byte) 0x90}));
    }

    @Test
    void absurdLengthsAreRejectedWithoutWaiting() {
        for (int len : new int[] {0, 1, 2, SamFrames.MAX_LEN + 1, 0x8000, 0xFFFF}) {
            byte[] header = concat(SamFrames.preamble(), new byte[] {(byte) (len >>> 8), (byte) len});
            SamFrameDecoder d = new SamFrameDecoder();
            assertThat(d.feed(concat(header, NO_CARD))).as("LEN %d", len).hasSize(1);
            assertThat(d.rejects(Reject.BAD_LENGTH)).as("LEN %d", len).isEqualTo(1);
            assertThat(d.buffered()).isZero();
        }
    }

    @Test
    void lengthBytesAreUnsigned() {
        // body of 0x87 bytes gives LEN 00 88: a signed LEN_L would read as negative.
        byte[] body = new byte[0x87];
        body[2] = (byte) 0x90;
        byte[] f = SamFrames.frame(body);
        assertThat(f[6] & 0xFF).isEqualTo(0x88);
        assertThat(new SamFrameDecoder().feed(f)).hasSize(1);
        // 09 08 = 2312: over 0x7F in LEN_H's low byte sense, still within bounds
        byte[] big = SamFrames.frame(new byte[2311]);
        assertThat(big[5] & 0xFF).isEqualTo(0x09);
        assertThat(new SamFrameDecoder().feed(big)).hasSize(1);
    }

    @Test
    void aFrameOfTheLargestLengthIsAccepted() {
        byte[] f = SamFrames.frame(new byte[SamFrames.MAX_BODY]);
        assertThat(new SamFrameDecoder().feed(f)).hasSize(1);
    }

    @Test
    void aShortTruncatedFrameIsOvertakenByTheNextOne() {
        byte[] cut = Arrays.copyOf(SamFrames.response(Sw3.CARD_FOUND, new byte[4]), 9);
        SamFrameDecoder d = new SamFrameDecoder();
        List<SamFrame> frames = d.feed(concat(cut, SAM_OK, NO_CARD));
        assertThat(frames).extracting(f -> f.u8(2)).endsWith(0x80);
        assertThat(d.rejects(Reject.BAD_CHECKSUM)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLongTruncatedFrameIsGivenUpOnFlushAndTheFrameAfterItFound() {
        byte[] cut = Arrays.copyOf(readResponseWithTrapInPhoto(), 100);
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(concat(cut, NO_CARD))).isEmpty();
        assertThat(d.buffered()).isEqualTo(100 + NO_CARD.length);

        List<SamFrame> flushed = d.flush();
        assertThat(flushed).extracting(f -> f.u8(2)).containsExactly(0x80);
        assertThat(d.rejects(Reject.TRUNCATED)).isEqualTo(1);
        assertThat(d.buffered()).isZero();
    }

    @Test
    void flushDropsAHalfPreamble() {
        SamFrameDecoder d = new SamFrameDecoder();
        d.feed(new byte[] {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA});
        assertThat(d.flush()).isEmpty();
        assertThat(d.buffered()).isZero();
        assertThat(d.garbageBytes()).isEqualTo(3);
    }

    @Test
    void resetForgetsAHalfFrame() {
        SamFrameDecoder d = new SamFrameDecoder();
        d.feed(Arrays.copyOf(SAM_OK, 8));
        assertThat(d.reset()).isEqualTo(8);
        assertThat(d.feed(NO_CARD)).hasSize(1);
        assertThat(d.totalRejects()).isZero();
    }

    @Test
    void aChunkLargerThanTheBufferIsDecodedWhole() {
        byte[] read = readResponseWithTrapInPhoto();
        byte[][] many = new byte[20][];
        Arrays.fill(many, read);
        SamFrameDecoder d = new SamFrameDecoder();
        assertThat(d.feed(concat(many))).hasSize(20);
        assertThat(d.frames()).isEqualTo(20);
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}
