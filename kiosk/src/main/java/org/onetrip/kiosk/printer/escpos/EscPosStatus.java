package org.onetrip.kiosk.printer.escpos;

/**
 * Telling apart the bytes a printer sends back. Every {@code DLE EOT} answer has bits 1 and 4 set
 * and bits 0 and 7 clear ({@code 0b0xx1_xx10}); the first byte of an automatic status back frame
 * has bit 4 set and bits 0, 1 and 7 clear, and is followed by three bytes with bit 4 clear. So on
 * one line bit 1 of a byte with bit 4 set says which it is. Pure.
 */
public final class EscPosStatus {
    private static final int FIXED_MASK = 0x93; // bits 0, 1, 4, 7

    private EscPosStatus() {
    }

    /** Whether {@code b} has the fixed bits of a {@code DLE EOT} answer. */
    public static boolean isDleEotAnswer(int b) {
        return (b & FIXED_MASK) == 0x12;
    }

    /** Whether {@code b} can start an automatic status back frame. */
    public static boolean isAutoStatusHeader(int b) {
        return (b & FIXED_MASK) == 0x10;
    }

    /** One thing the printer said. */
    public sealed interface Reply permits Answer, AutoStatus, Noise {
    }

    /** A {@code DLE EOT} answer byte. */
    public record Answer(int value) implements Reply {
    }

    /** A complete automatic status back frame. */
    public record AutoStatus(PrinterCondition condition) implements Reply {
    }

    /** A byte that fits neither: line noise, a wrong baud rate, an unrelated device. */
    public record Noise(int value) implements Reply {
    }

    /**
     * Splits the byte stream from a printer into replies. Feed bytes one at a time; each returns
     * a reply when one is complete, otherwise null (inside an automatic status frame).
     */
    public static final class Splitter {
        private final int[] frame = new int[4];
        private int inFrame;

        public Reply feed(int value) {
            int b = value & 0xFF;
            if (inFrame > 0) {
                if ((b & 0x90) != 0) {
                    // Bytes 2-4 of a frame have bits 4 and 7 clear: the frame was cut short.
                    // Start over with this byte.
                    inFrame = 0;
                    return feed(b);
                }
                frame[inFrame++] = b;
                if (inFrame == 4) {
                    inFrame = 0;
                    return new AutoStatus(PrinterCondition.fromAutoStatus(frame[0], frame[1], frame[2], frame[3]));
                }
                return null;
            }
            if (isDleEotAnswer(b)) {
                return new Answer(b);
            }
            if (isAutoStatusHeader(b)) {
                frame[0] = b;
                inFrame = 1;
                return null;
            }
            return new Noise(b);
        }

        /** Forgets a partial frame, e.g. before a new request after a timeout. */
        public void reset() {
            inFrame = 0;
        }
    }
}
