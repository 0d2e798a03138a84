package org.onetrip.kiosk.idcard.sam;

import java.util.List;
import java.util.Optional;

/**
 * A command to the SAM: CMD and PARA (no command here carries DATA). The constants are the
 * reference's table; {@link #setBaud(int)} makes the parametrised one.
 */
public record SamCommand(int cmd, int para, String description) {

    public static final SamCommand SAM_STATUS = new SamCommand(0x11, 0xFF, "SAM status");
    public static final SamCommand RESET_SAM = new SamCommand(0x10, 0xFF, "reset SAM");
    public static final SamCommand READ_SAM_ID = new SamCommand(0x12, 0xFF, "read SAM id");
    public static final SamCommand FIND_CARD = new SamCommand(0x20, 0x01, "find card");
    public static final SamCommand SELECT_CARD = new SamCommand(0x20, 0x02, "select card");
    public static final SamCommand READ_TEXT_PHOTO = new SamCommand(0x30, 0x01, "read text + photo");
    public static final SamCommand READ_TEXT_PHOTO_FINGERPRINT =
            new SamCommand(0x30, 0x10, "read text + photo + fingerprint");
    public static final SamCommand READ_NEW_ADDRESS = new SamCommand(0x30, 0x03, "read new address");

    /** The rates {@code 60 i} selects, by i; also the order vendor SDKs probe in, fastest first. */
    public static final List<Integer> BAUD_RATES = List.of(115200, 57600, 38400, 19200, 9600);

    public static final int SET_BAUD_CMD = 0x60;

    public SamCommand {
        if (cmd < 0 || cmd > 0xFF || para < 0 || para > 0xFF) {
            throw new IllegalArgumentException("CMD and PARA are bytes");
        }
    }

    /** {@code 60 i}: the SAM answers at the old rate, then listens at {@code baud}. */
    public static SamCommand setBaud(int baud) {
        int i = BAUD_RATES.indexOf(baud);
        if (i < 0) {
            throw new IllegalArgumentException("the SAM's rates are " + BAUD_RATES + ", not " + baud);
        }
        return new SamCommand(SET_BAUD_CMD, i, "set baud " + baud);
    }

    /** Every command of the reference with a fixed frame (set baud is made by {@link #setBaud}). */
    public static List<SamCommand> fixed() {
        return List.of(SAM_STATUS, RESET_SAM, READ_SAM_ID, FIND_CARD, SELECT_CARD, READ_TEXT_PHOTO,
                READ_TEXT_PHOTO_FINGERPRINT, READ_NEW_ADDRESS);
    }

    /** The known command in a frame received by the SAM, or empty for anything else. */
    public static Optional<SamCommand> of(SamFrame frame) {
        if (frame.bodyLength() != 2) {
            return Optional.empty();
        }
        int c = frame.u8(0);
        int p = frame.u8(1);
        if (c == SET_BAUD_CMD && p < BAUD_RATES.size()) {
            return Optional.of(setBaud(BAUD_RATES.get(p)));
        }
        return fixed().stream().filter(k -> k.cmd == c && k.para == p).findFirst();
    }

    /** The complete frame, preamble to CHK. */
    public byte[] frame() {
        return SamFrames.command(cmd, para);
    }

    /** The rate a set-baud command selects, or 0 for any other command. */
    public int baud() {
        return cmd == SET_BAUD_CMD && para < BAUD_RATES.size() ? BAUD_RATES.get(para) : 0;
    }

    /**
     * The longest answer this command can get, in bytes on the wire, for timeouts: a read with
     * fingerprints is 2321 bytes, a read without 1295, anything else a few dozen.
     */
    public int longestAnswer() {
        if (cmd == 0x30) {
            return SamFrames.HEADER_LENGTH + SamFrames.MAX_LEN;
        }
        return 64;
    }

    @Override
    public String toString() {
        return String.format("%s (%02X %02X)", description, cmd, para);
    }
}
