package org.onetrip.kiosk.idcard.sam;

import java.util.Arrays;

/**
 * The DATA of a successful read ({@code 30 01} or {@code 30 10}): the 256-byte text block, and
 * only the lengths of the photo and fingerprint blocks. The photo (WLT-compressed, opaque without
 * the vendor's library) and the fingerprints are deliberately not kept: the kiosk never stores them.
 *
 * <pre>
 * 30 01: TEXT_LEN(2) PHOTO_LEN(2) TEXT PHOTO
 * 30 10: TEXT_LEN(2) PHOTO_LEN(2) FP_LEN(2) TEXT PHOTO FP
 * </pre>
 * Lengths are big-endian ({@code 01 00} = 256, {@code 04 00} = 1024).
 */
public final class ReadPayload {
    public static final int TEXT_LENGTH = 256;

    private final byte[] text;
    private final int photoLength;
    private final int fingerprintLength;

    private ReadPayload(byte[] text, int photoLength, int fingerprintLength) {
        this.text = text;
        this.photoLength = photoLength;
        this.fingerprintLength = fingerprintLength;
    }

    /** Splits {@code data}; the lengths must account for every byte. */
    public static Parsed<ReadPayload> parse(byte[] data, boolean withFingerprint) {
        int header = withFingerprint ? 6 : 4;
        if (data.length < header) {
            return Parsed.failed("read data is " + data.length + " bytes, too short for its length fields");
        }
        int textLen = u16(data, 0);
        int photoLen = u16(data, 2);
        int fpLen = withFingerprint ? u16(data, 4) : 0;
        long expected = (long) header + textLen + photoLen + fpLen;
        if (expected != data.length) {
            return Parsed.failed("read data is " + data.length + " bytes but its lengths add up to " + expected);
        }
        if (textLen != TEXT_LENGTH) {
            return Parsed.failed("text block is " + textLen + " bytes, not " + TEXT_LENGTH);
        }
        return Parsed.ok(new ReadPayload(Arrays.copyOfRange(data, header, header + textLen), photoLen, fpLen));
    }

    /** Builds DATA, for the simulated SAM and tests. {@code fingerprint} null means a 30 01 answer. */
    public static byte[] encode(byte[] text, byte[] photo, byte[] fingerprint) {
        int header = fingerprint == null ? 4 : 6;
        int fpLen = fingerprint == null ? 0 : fingerprint.length;
        byte[] d = new byte[header + text.length + photo.length + fpLen];
        putU16(d, 0, text.length);
        putU16(d, 2, photo.length);
        if (fingerprint != null) {
            putU16(d, 4, fpLen);
        }
        System.arraycopy(text, 0, d, header, text.length);
        System.arraycopy(photo, 0, d, header + text.length, photo.length);
        if (fingerprint != null) {
            System.arraycopy(fingerprint, 0, d, header + text.length + photo.length, fpLen);
        }
        return d;
    }

    /** A copy of the 256-byte text block. */
    public byte[] text() {
        return text.clone();
    }

    public int photoLength() {
        return photoLength;
    }

    public int fingerprintLength() {
        return fingerprintLength;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("length " + v);
        }
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    @Override
    public String toString() {
        return "ReadPayload[text " + text.length + " bytes, photo " + photoLength + ", fingerprint "
                + fingerprintLength + "]";
    }
}
