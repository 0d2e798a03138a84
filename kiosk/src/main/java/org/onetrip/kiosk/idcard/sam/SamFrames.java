package org.onetrip.kiosk.idcard.sam;

import java.util.HexFormat;

/**
 * The frame layout shared by commands and responses, and the encoder for both.
 *
 * <pre>
 * command : AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [DATA]   | CHK
 * response: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [DATA] | CHK
 * </pre>
 *
 * LEN is big-endian and counts every byte after itself, CHK included. CHK is the XOR of LEN_H,
 * LEN_L and every later byte before CHK; the preamble is not part of it. What lies between LEN
 * and CHK is called the <em>body</em> here ({@link SamFrame#body()}).
 */
public final class SamFrames {
    private static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, (byte) 0x69};

    public static final int PREAMBLE_LENGTH = PREAMBLE.length;
    /** Preamble and LEN: what must be read before the frame's length is known. */
    public static final int HEADER_LENGTH = PREAMBLE_LENGTH + 2;
    /** The shortest LEN: a two-byte command body and CHK. */
    public static final int MIN_LEN = 3;
    /**
     * The longest LEN the decoder accepts. The largest known frame is the answer to 30 10 with a
     * 1024-byte fingerprint block: 3 + 6 + 256 + 1024 + 1024 + 1 = 2314. Anything much longer is
     * noise that happens to follow a preamble.
     */
    public static final int MAX_LEN = 2400;
    /** The longest body {@link #frame(byte[])} accepts. */
    public static final int MAX_BODY = MAX_LEN - 1;

    private SamFrames() {
    }

    /** A copy of {@code AA AA AA 96 69}. */
    public static byte[] preamble() {
        return PREAMBLE.clone();
    }

    /** True when {@code b[at..at+5)} is the preamble; false when it does not fit. */
    static boolean preambleAt(byte[] b, int at, int end) {
        if (at < 0 || end - at < PREAMBLE_LENGTH) {
            return false;
        }
        for (int i = 0; i < PREAMBLE_LENGTH; i++) {
            if (b[at + i] != PREAMBLE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The preamble's byte at {@code i}, unsigned. */
    static int preambleByte(int i) {
        return PREAMBLE[i] & 0xFF;
    }

    /** XOR of {@code b[from..to)}, unsigned. */
    public static int xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i] & 0xFF;
        }
        return x;
    }

    /** A complete frame around {@code body} (a command's CMD PARA DATA or a response's SW1 SW2 SW3 DATA). */
    public static byte[] frame(byte[] body) {
        if (body.length < MIN_LEN - 1 || body.length > MAX_BODY) {
            throw new IllegalArgumentException("a frame body is 2.." + MAX_BODY + " bytes, not " + body.length);
        }
        int len = body.length + 1;
        byte[] f = new byte[HEADER_LENGTH + len];
        System.arraycopy(PREAMBLE, 0, f, 0, PREAMBLE_LENGTH);
        f[5] = (byte) (len >>> 8);
        f[6] = (byte) len;
        System.arraycopy(body, 0, f, HEADER_LENGTH, body.length);
        f[f.length - 1] = (byte) xor(f, PREAMBLE_LENGTH, f.length - 1);
        return f;
    }

    /** A command frame: {@code CMD PARA [DATA]}. */
    public static byte[] command(int cmd, int para, byte... data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) checkByte(cmd, "CMD");
        body[1] = (byte) checkByte(para, "PARA");
        System.arraycopy(data, 0, body, 2, data.length);
        return frame(body);
    }

    /** A response frame: {@code SW1 SW2 SW3 [DATA]}. */
    public static byte[] response(int sw1, int sw2, int sw3, byte... data) {
        byte[] body = new byte[3 + data.length];
        body[0] = (byte) checkByte(sw1, "SW1");
        body[1] = (byte) checkByte(sw2, "SW2");
        body[2] = (byte) checkByte(sw3, "SW3");
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** A response with SW1 SW2 = 00 00, as in every known sample. */
    public static byte[] response(Sw3 sw3, byte... data) {
        return response(0, 0, sw3.code(), data);
    }

    /** Microseconds {@code bytes} take on the wire at {@code baud}, 8N1 (10 bits a byte). */
    public static long wireMicros(int bytes, int baud) {
        return bytes * 10L * 1_000_000L / baud;
    }

    /** Upper-case hex with spaces, {@code AA AA AA 96 69 …}, for logs and test messages. */
    public static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    /** Parses {@link #hex(byte[])}'s format (spaces optional), for tests and the simulator. */
    public static byte[] parseHex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static int checkByte(int v, String what) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " is a byte, 0..255, not " + v);
        }
        return v;
    }
}
