package org.onetrip.kiosk.idcard.sam;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a byte stream, cut into chunks of any size, into verified frames. Bytes before a preamble
 * are dropped; a header with an absurd LEN or a frame whose CHK does not match is rejected and the
 * search for {@code AA AA AA 96 69} resumes one byte after its start, so a good frame hidden in or
 * after a broken one is still found. Rejects are counted, never thrown: whatever arrives on the
 * wire, {@link #feed} returns.
 *
 * <p>Not thread-safe: one decoder per direction of one link, used by one thread.
 */
public final class SamFrameDecoder {

    /** Why bytes were dropped. */
    public enum Reject {
        /** A run of bytes outside any frame (counted once per run, see {@link #garbageBytes()}). */
        GARBAGE,
        /** A preamble followed by a LEN below {@link SamFrames#MIN_LEN} or above the maximum. */
        BAD_LENGTH,
        /** A complete frame whose CHK is not the XOR of LEN and body. */
        BAD_CHECKSUM,
        /** A frame that had not ended when the line went quiet ({@link #flush()}). */
        TRUNCATED
    }

    private final int maxLen;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean inGarbage;
    private final Map<Reject, Long> rejects = new EnumMap<>(Reject.class);
    private long garbageBytes;
    private long frames;

    public SamFrameDecoder() {
        this(SamFrames.MAX_LEN);
    }

    /** A decoder that rejects any LEN above {@code maxLen}. */
    public SamFrameDecoder(int maxLen) {
        if (maxLen < SamFrames.MIN_LEN || maxLen > 0xFFFF) {
            throw new IllegalArgumentException("maxLen " + maxLen);
        }
        this.maxLen = maxLen;
        // After a decoding pass at most one unfinished frame stays buffered; twice that leaves room
        // to append a large chunk before decoding again.
        this.buf = new byte[2 * (SamFrames.HEADER_LENGTH + maxLen) + 256];
        for (Reject r : Reject.values()) {
            rejects.put(r, 0L);
        }
    }

    public List<SamFrame> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Adds {@code data[off..off+len)} and returns the frames it completed, oldest first. */
    public List<SamFrame> feed(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("off " + off + " len " + len + " of " + data.length);
        }
        List<SamFrame> out = new ArrayList<>(1);
        while (len > 0) {
            compact();
            int n = Math.min(len, buf.length - end);
            System.arraycopy(data, off, buf, end, n);
            end += n;
            off += n;
            len -= n;
            decode(out);
        }
        return out;
    }

    /**
     * The line went quiet: nothing buffered can still be completed by later bytes. An unfinished
     * frame is rejected as {@link Reject#TRUNCATED}, and the bytes after its preamble are searched
     * again, so a good frame that a false or broken header had swallowed is still returned.
     * Leaves the decoder empty.
     */
    public List<SamFrame> flush() {
        List<SamFrame> out = new ArrayList<>(1);
        decode(out);
        while (end > start) {
            if (end - start >= SamFrames.PREAMBLE_LENGTH && SamFrames.preambleAt(buf, start, end)) {
                count(Reject.TRUNCATED);
                dropAfterReject(1);
                decode(out);
            } else {
                // Only the beginning of a preamble is left.
                dropGarbage(end - start);
            }
        }
        return out;
    }

    /** Drops everything buffered without counting it; returns how many bytes were dropped. */
    public int reset() {
        int n = end - start;
        start = 0;
        end = 0;
        inGarbage = false;
        return n;
    }

    /** Bytes held, waiting for the rest of a frame. */
    public int buffered() {
        return end - start;
    }

    public long rejects(Reject kind) {
        return rejects.get(kind);
    }

    public long totalRejects() {
        long sum = 0;
        for (long v : rejects.values()) {
            sum += v;
        }
        return sum;
    }

    /** Every byte dropped so far, whatever the reason. */
    public long garbageBytes() {
        return garbageBytes;
    }

    /** Verified frames returned so far. */
    public long frames() {
        return frames;
    }

    private void decode(List<SamFrame> out) {
        while (end > start) {
            int at = indexOfPreamble();
            if (at < 0) {
                // Keep a tail that may be the start of a preamble split across chunks.
                int keep = preamblePrefixAtEnd();
                dropGarbage(end - start - keep);
                return;
            }
            if (at > start) {
                dropGarbage(at - start);
            }
            if (end - start < SamFrames.HEADER_LENGTH) {
                return;
            }
            int len = (buf[start + 5] & 0xFF) << 8 | (buf[start + 6] & 0xFF);
            if (len < SamFrames.MIN_LEN || len > maxLen) {
                count(Reject.BAD_LENGTH);
                dropAfterReject(1);
                continue;
            }
            int total = SamFrames.HEADER_LENGTH + len;
            if (end - start < total) {
                return;
            }
            int chk = SamFrames.xor(buf, start + SamFrames.PREAMBLE_LENGTH, start + total - 1);
            if (chk != (buf[start + total - 1] & 0xFF)) {
                count(Reject.BAD_CHECKSUM);
                dropAfterReject(1);
                continue;
            }
            byte[] body = new byte[len - 1];
            System.arraycopy(buf, start + SamFrames.HEADER_LENGTH, body, 0, body.length);
            start += total;
            inGarbage = false;
            frames++;
            out.add(new SamFrame(body));
        }
    }

    private int indexOfPreamble() {
        int last = end - SamFrames.PREAMBLE_LENGTH;
        for (int i = start; i <= last; i++) {
            if (buf[i] == (byte) 0xAA && SamFrames.preambleAt(buf, i, end)) {
                return i;
            }
        }
        return -1;
    }

    /** The length of the longest buffered tail (shorter than the preamble) that begins a preamble. */
    private int preamblePrefixAtEnd() {
        int max = Math.min(SamFrames.PREAMBLE_LENGTH - 1, end - start);
        for (int k = max; k > 0; k--) {
            boolean match = true;
            for (int i = 0; i < k && match; i++) {
                match = (buf[end - k + i] & 0xFF) == SamFrames.preambleByte(i);
            }
            if (match) {
                return k;
            }
        }
        return 0;
    }

    private void dropGarbage(int n) {
        if (n <= 0) {
            return;
        }
        if (!inGarbage) {
            count(Reject.GARBAGE);
            inGarbage = true;
        }
        garbageBytes += n;
        start += n;
    }

    /** After a rejected header or frame the bytes that follow belong to that reject, not to a new run. */
    private void dropAfterReject(int n) {
        inGarbage = true;
        garbageBytes += n;
        start += n;
    }

    private void count(Reject kind) {
        rejects.merge(kind, 1L, Long::sum);
    }

    private void compact() {
        if (start == end) {
            start = 0;
            end = 0;
        } else if (start > 0 && buf.length - end < buf.length / 2) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }
}
