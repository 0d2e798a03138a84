package org.onetrip.kiosk.idcard.sam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.sam.SamFrameDecoder.Reject;

/**
 * The reader's side of the protocol as a state machine: command bytes in, response frames out,
 * like a real SAM with a card on (or off) its antenna. No I/O and no threads of its own; a
 * transport or {@code SamDeviceSimulator} carries the bytes. Methods are synchronized because
 * a test or the simulator panel places cards while the link's thread talks to it.
 *
 * <p>What it answers, following the reference: SAM status {@code 90} (or a set fault); reset
 * {@code 90}; SAM id {@code 90} + 16 bytes; find {@code 9F} + 4 bytes or {@code 80}; select
 * {@code 90} + 8-byte serial after a find, else {@code 81}; read {@code 90} + data after a select,
 * {@code 41} for an unreadable card or without a select; read new address {@code 91}; set baud
 * {@code 90} then the new rate; anything else {@code 21}; a frame with a bad checksum {@code 10},
 * with an absurd length {@code 11}. After a read the card must be found and selected again.
 */
public final class SimulatedSam {
    private static final int PHOTO_LENGTH = 1024;
    private static final int FINGERPRINT_LENGTH = 1024;

    private final SamFrameDecoder decoder = new SamFrameDecoder();
    private final byte[] samId;
    private byte[] text;
    private byte[] photo;
    private byte[] serial;
    private boolean unreadable;
    private boolean found;
    private boolean selected;
    private boolean halted;
    private boolean haltAfterRead;
    private Sw3 samFault;
    private int baud = SamCommand.BAUD_RATES.get(0);
    private long commands;
    private long reads;

    public SimulatedSam() {
        this.samId = new byte[16];
        new Random(0x5A5A).nextBytes(samId);
    }

    // --- the card on the antenna ---

    /** Places a readable card. Throws {@link IllegalArgumentException} for one no card could hold. */
    public synchronized void place(Identity card) {
        place(card, CardExtras.NONE);
    }

    public synchronized void place(Identity card, CardExtras extras) {
        Objects.requireNonNull(card, "card");
        this.text = TextBlockEncoder.encode(card, extras);
        this.photo = fakePhoto(card.idNumber());
        this.serial = new byte[8];
        new Random(card.idNumber().hashCode()).nextBytes(serial);
        this.unreadable = false;
        this.found = false;
        this.selected = false;
        this.halted = false;
    }

    /**
     * A card whose 256-byte text block is given byte for byte: a damaged card, an unknown card
     * type, a date that is not a date. The SAM reads it out as it is.
     */
    public synchronized void placeRawText(byte[] textBlock) {
        if (textBlock.length != ReadPayload.TEXT_LENGTH) {
            throw new IllegalArgumentException("a text block is " + ReadPayload.TEXT_LENGTH + " bytes");
        }
        remove();
        this.text = textBlock.clone();
        this.photo = fakePhoto("raw");
        this.serial = new byte[8];
    }

    /** A card that is found and selected but fails every read with {@code 41} (bent, damaged). */
    public synchronized void placeUnreadable(Identity card) {
        place(card);
        unreadable = true;
    }

    public synchronized void remove() {
        text = null;
        photo = null;
        serial = null;
        unreadable = false;
        found = false;
        selected = false;
        halted = false;
    }

    public synchronized boolean hasCard() {
        return text != null;
    }

    /**
     * Imitates readers that answer {@code 80} to the first find after a read although the card is
     * still on the antenna (the card halts after a read; SDK notes say it must be lifted before the
     * next find succeeds). With this set the next find fails once, then the card is found again.
     */
    public synchronized void setHaltAfterRead(boolean halt) {
        this.haltAfterRead = halt;
    }

    /** SAM status answers with {@code fault} (e.g. {@link Sw3#SAM_SELF_TEST_FAILED}); null clears it. */
    public synchronized void setSamFault(Sw3 fault) {
        this.samFault = fault;
    }

    /** The rate the SAM listens at; changed by set baud. */
    public synchronized int baud() {
        return baud;
    }

    public synchronized void setBaud(int baud) {
        SamCommand.setBaud(baud); // validates
        this.baud = baud;
    }

    public synchronized long commandsAnswered() {
        return commands;
    }

    public synchronized long reads() {
        return reads;
    }

    // --- the wire ---

    public synchronized List<byte[]> receive(byte[] bytes) {
        return receive(bytes, 0, bytes.length);
    }

    /** Feeds bytes from the host; returns the response frames to send back, in order. */
    public synchronized List<byte[]> receive(byte[] bytes, int off, int len) {
        long badChecksums = decoder.rejects(Reject.BAD_CHECKSUM);
        long badLengths = decoder.rejects(Reject.BAD_LENGTH);
        List<SamFrame> frames = decoder.feed(bytes, off, len);
        List<byte[]> out = new ArrayList<>(frames.size());
        for (long i = decoder.rejects(Reject.BAD_CHECKSUM) - badChecksums; i > 0; i--) {
            out.add(SamFrames.response(Sw3.CHECKSUM_ERROR));
        }
        for (long i = decoder.rejects(Reject.BAD_LENGTH) - badLengths; i > 0; i--) {
            out.add(SamFrames.response(Sw3.LENGTH_ERROR));
        }
        for (SamFrame f : frames) {
            out.add(respond(f));
        }
        return out;
    }

    /** The response frame to one command frame. */
    public synchronized byte[] respond(SamFrame command) {
        commands++;
        SamCommand c = SamCommand.of(command).orElse(null);
        if (c == null) {
            return SamFrames.response(Sw3.BAD_COMMAND);
        }
        if (c.cmd() == SamCommand.SET_BAUD_CMD) {
            baud = c.baud();
            return SamFrames.response(Sw3.SUCCESS);
        }
        if (c.equals(SamCommand.SAM_STATUS)) {
            return SamFrames.response(samFault == null ? Sw3.SUCCESS : samFault);
        }
        if (c.equals(SamCommand.RESET_SAM)) {
            found = false;
            selected = false;
            return SamFrames.response(Sw3.SUCCESS);
        }
        if (c.equals(SamCommand.READ_SAM_ID)) {
            return SamFrames.response(Sw3.SUCCESS, samId);
        }
        if (c.equals(SamCommand.FIND_CARD)) {
            return find();
        }
        if (c.equals(SamCommand.SELECT_CARD)) {
            if (text == null || !found) {
                return SamFrames.response(Sw3.SELECT_FAILED);
            }
            selected = true;
            return SamFrames.response(Sw3.SUCCESS, serial);
        }
        if (c.equals(SamCommand.READ_TEXT_PHOTO) || c.equals(SamCommand.READ_TEXT_PHOTO_FINGERPRINT)) {
            return read(c.equals(SamCommand.READ_TEXT_PHOTO_FINGERPRINT));
        }
        if (c.equals(SamCommand.READ_NEW_ADDRESS)) {
            // Fictional cards carry no added address.
            return SamFrames.response(text != null && selected ? Sw3.NO_SUCH_ITEM : Sw3.READ_FAILED);
        }
        return SamFrames.response(Sw3.BAD_COMMAND);
    }

    private byte[] find() {
        if (text == null) {
            found = false;
            return SamFrames.response(Sw3.NO_CARD);
        }
        if (halted) {
            halted = false;
            found = false;
            return SamFrames.response(Sw3.NO_CARD);
        }
        found = true;
        selected = false;
        return SamFrames.response(Sw3.CARD_FOUND, new byte[4]);
    }

    private byte[] read(boolean withFingerprint) {
        boolean ok = text != null && selected && !unreadable;
        found = false;
        selected = false;
        if (!ok) {
            return SamFrames.response(Sw3.READ_FAILED);
        }
        reads++;
        halted = haltAfterRead;
        byte[] fp = withFingerprint ? fakeBytes("fingerprint", FINGERPRINT_LENGTH) : null;
        return SamFrames.response(Sw3.SUCCESS, ReadPayload.encode(text, photo, fp));
    }

    /**
     * 1024 opaque bytes standing in for the WLT photo. A preamble and a whole valid frame are
     * planted inside, as real compressed data may hold them by chance: the decoder must not resync
     * in the middle of a frame whose length it already knows.
     */
    static byte[] fakePhoto(String seed) {
        byte[] p = fakeBytes(seed, PHOTO_LENGTH);
        byte[] trap = SamFrames.response(Sw3.SUCCESS);
        System.arraycopy(trap, 0, p, 100, trap.length);
        System.arraycopy(SamFrames.preamble(), 0, p, 700, SamFrames.PREAMBLE_LENGTH);
        return p;
    }

    private static byte[] fakeBytes(String seed, int length) {
        byte[] b = new byte[length];
        new Random(seed.hashCode()).nextBytes(b);
        return b;
    }
}
