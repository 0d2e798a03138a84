package org.onetrip.kiosk.idcard.sam;

import java.util.Arrays;

/**
 * One verified frame: its body, the bytes between LEN and CHK. A command's body is
 * {@code CMD PARA [DATA]}, a response's {@code SW1 SW2 SW3 [DATA]}; which one it is depends on the
 * direction, so the decoder serves both ends (the reader and {@link SimulatedSam}).
 */
public final class SamFrame {
    private final byte[] body;

    public SamFrame(byte[] body) {
        this.body = body.clone();
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The body's byte at {@code i}, unsigned. */
    public int u8(int i) {
        return body[i] & 0xFF;
    }

    /** A copy of {@code body[from..to)}. */
    public byte[] slice(int from, int to) {
        return Arrays.copyOfRange(body, from, to);
    }

    /** The whole frame again, preamble to CHK. */
    public byte[] toBytes() {
        return SamFrames.frame(body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamFrame f && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    /** The first bytes only: a read response's body holds personal data. */
    @Override
    public String toString() {
        int shown = Math.min(body.length, 4);
        return "SamFrame[" + body.length + " bytes: " + SamFrames.hex(Arrays.copyOf(body, shown))
                + (body.length > shown ? " …" : "") + "]";
    }
}
