package org.onetrip.kiosk.scanner.camera;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * Cuts a motion-JPEG byte stream (what {@code rpicam-vid --codec mjpeg -o -} or
 * {@code ffmpeg … -f mjpeg -} write: JPEG images back to back) into whole JPEG frames. Pure:
 * bytes in, frames out.
 *
 * <p>It walks the JPEG marker structure (ITU-T T.81 B.1.1.2–B.1.1.5) instead of searching for
 * {@code FF D9}: marker segments are skipped by their length (an EXIF thumbnail in APP1 has its own
 * end marker), and in entropy-coded data {@code FF 00} is a stuffed byte, {@code FF D0}–{@code FF D7}
 * restart markers and {@code FF FF} fill, so only a real marker ends the scan. Bytes outside a frame
 * (a program's text on stdout, a cut-off frame) are skipped up to the next {@code FF D8}.
 *
 * <p>USB webcams send MJPEG frames without Huffman tables (the AVI1 convention: the tables of
 * T.81 Annex K.3 are implied); Java's JPEG reader needs them, so a frame that has none gets them
 * inserted before its first scan.
 */
public final class MjpegSplitter {
    /** A frame larger than this is not a camera frame: it is dropped and the stream resynchronised. */
    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DHT = 0xC4;
    private static final byte[] STANDARD_DHT = standardHuffmanSegment();

    private enum State { SEEK_SOI, MARKER, ENTROPY }

    private byte[] buf = new byte[64 * 1024];
    private int len;
    /** Parse position in {@code buf}; everything before {@code frameStart} is gone. */
    private int pos;
    private State state = State.SEEK_SOI;
    private boolean hasTables;
    private int firstSos = -1;
    private long droppedBytes;
    private long oversizedFrames;

    /** Takes the next bytes of the stream; returns the frames completed by them, oldest first. */
    public List<byte[]> feed(byte[] b, int off, int n) {
        ensureRoom(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        List<byte[]> frames = new ArrayList<>();
        while (step(frames)) {
            // each step consumes bytes or completes a frame
        }
        if (len > MAX_FRAME_BYTES) {
            oversizedFrames++;
            droppedBytes += len;
            len = 0;
            pos = 0;
            state = State.SEEK_SOI;
        }
        return frames;
    }

    /** Bytes skipped because they belonged to no frame, for the technician's status. */
    public long droppedBytes() {
        return droppedBytes;
    }

    public long oversizedFrames() {
        return oversizedFrames;
    }

    /** One parsing step; false when more bytes are needed. Invariant: a frame, if any, starts at buf[0]. */
    private boolean step(List<byte[]> frames) {
        switch (state) {
            case SEEK_SOI -> {
                for (int i = pos; i + 1 < len; i++) {
                    if ((buf[i] & 0xFF) == 0xFF && (buf[i + 1] & 0xFF) == SOI) {
                        discard(i);
                        pos = 2;
                        hasTables = false;
                        firstSos = -1;
                        state = State.MARKER;
                        return true;
                    }
                }
                // Keep a last FF: it may be the first half of the next SOI.
                int keep = len > 0 && (buf[len - 1] & 0xFF) == 0xFF ? 1 : 0;
                discard(len - keep);
                pos = 0;
                return false;
            }
            case MARKER -> {
                while (pos < len && (buf[pos] & 0xFF) == 0xFF && pos + 1 < len && (buf[pos + 1] & 0xFF) == 0xFF) {
                    pos++; // fill bytes before a marker (T.81 B.1.1.2)
                }
                if (pos + 1 >= len) {
                    return false;
                }
                if ((buf[pos] & 0xFF) != 0xFF) {
                    return resync();
                }
                int marker = buf[pos + 1] & 0xFF;
                if (marker == EOI) {
                    pos += 2;
                    frames.add(frame());
                    discard(pos);
                    pos = 0;
                    state = State.SEEK_SOI;
                    return true;
                }
                if (marker == SOI || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    // No length follows these; SOI here means the last frame was cut off.
                    if (marker == SOI) {
                        return resync();
                    }
                    pos += 2;
                    return true;
                }
                if (pos + 3 >= len) {
                    return false;
                }
                int length = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
                if (length < 2) {
                    return resync();
                }
                if (pos + 2 + length > len) {
                    return false;
                }
                if (marker == DHT) {
                    hasTables = true;
                }
                if (marker == SOS) {
                    if (firstSos < 0) {
                        firstSos = pos;
                    }
                    state = State.ENTROPY;
                }
                pos += 2 + length;
                return true;
            }
            case ENTROPY -> {
                for (int i = pos; i + 1 < len; i++) {
                    if ((buf[i] & 0xFF) != 0xFF) {
                        continue;
                    }
                    int next = buf[i + 1] & 0xFF;
                    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                        i++; // stuffed byte or restart marker: still scan data
                        continue;
                    }
                    if (next == 0xFF) {
                        continue; // fill; the marker follows
                    }
                    pos = i;
                    state = State.MARKER;
                    return true;
                }
                pos = Math.max(pos, len - 1);
                return false;
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    /** The frame in buf[0..pos), with the standard Huffman tables inserted when it has none. */
    private byte[] frame() {
        if (hasTables || firstSos < 0) {
            return Arrays.copyOf(buf, pos);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pos + STANDARD_DHT.length);
        out.write(buf, 0, firstSos);
        out.writeBytes(STANDARD_DHT);
        out.write(buf, firstSos, pos - firstSos);
        return out.toByteArray();
    }

    /** The current frame is broken: skip its SOI and look for the next one. */
    private boolean resync() {
        state = State.SEEK_SOI; // the broken frame's bytes count as dropped while seeking
        discard(1);
        pos = 0;
        return true;
    }

    private void discard(int n) {
        if (n <= 0) {
            return;
        }
        if (state == State.SEEK_SOI) {
            droppedBytes += n;
        }
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
        if (firstSos >= 0) {
            firstSos -= n;
        }
    }

    private void ensureRoom(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    /** A DHT segment with the four tables of T.81 Annex K.3, as the JDK defines them. */
    private static byte[] standardHuffmanSegment() {
        JPEGHuffmanTable[] tables = {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdACLuminance,
                JPEGHuffmanTable.StdDCChrominance, JPEGHuffmanTable.StdACChrominance};
        int[] classAndId = {0x00, 0x10, 0x01, 0x11};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int t = 0; t < tables.length; t++) {
            body.write(classAndId[t]);
            for (short l : tables[t].getLengths()) {
                body.write(l);
            }
            for (short v : tables[t].getValues()) {
                body.write(v);
            }
        }
        int length = body.size() + 2;
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        seg.write(0xFF);
        seg.write(DHT);
        seg.write(length >> 8);
        seg.write(length & 0xFF);
        seg.writeBytes(body.toByteArray());
        return seg.toByteArray();
    }
}
