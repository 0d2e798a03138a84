package org.onetrip.kiosk.idcard.sam;

import java.util.Arrays;
import java.util.Optional;

/** A response frame read as {@code SW1 SW2 SW3 [DATA]}. Bytes are unsigned ints. */
public final class SamResponse {
    private final int sw1;
    private final int sw2;
    private final int sw3;
    private final byte[] data;

    public SamResponse(int sw1, int sw2, int sw3, byte[] data) {
        this.sw1 = sw1 & 0xFF;
        this.sw2 = sw2 & 0xFF;
        this.sw3 = sw3 & 0xFF;
        this.data = data.clone();
    }

    /** The response in a verified frame; empty when the body is too short to hold SW1 SW2 SW3. */
    public static Optional<SamResponse> of(SamFrame frame) {
        if (frame.bodyLength() < 3) {
            return Optional.empty();
        }
        return Optional.of(new SamResponse(frame.u8(0), frame.u8(1), frame.u8(2),
                frame.slice(3, frame.bodyLength())));
    }

    public int sw1() {
        return sw1;
    }

    public int sw2() {
        return sw2;
    }

    /** The status byte, 0..255, also when it is undocumented. */
    public int sw3() {
        return sw3;
    }

    /** The documented status, or empty for an undocumented byte. */
    public Optional<Sw3> status() {
        return Optional.ofNullable(Sw3.of(sw3));
    }

    public boolean is(Sw3 status) {
        return sw3 == status.code();
    }

    /** A copy of DATA. */
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    public String describe() {
        return Sw3.describe(sw3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamResponse r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return (sw1 * 31 + sw2) * 31 * 31 + sw3 * 31 + Arrays.hashCode(data);
    }

    /** Status and data length only: a read response's data is personal. */
    @Override
    public String toString() {
        return "SamResponse[" + describe() + ", " + data.length + " data bytes]";
    }
}
