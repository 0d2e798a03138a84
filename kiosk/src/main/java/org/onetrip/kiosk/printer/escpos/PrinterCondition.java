package org.onetrip.kiosk.printer.escpos;

import java.util.ArrayList;
import java.util.List;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;

/**
 * What a printer reports about itself, from the four {@code DLE EOT} answers or an automatic
 * status back frame. Pure values; {@link #toDeviceStatus()} turns them into the kiosk's status.
 *
 * <p>Bits per the Epson TM-T88 reference ({@code shared/reference/escpos.md}):
 * n=1 bit 3 offline; n=2 bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6
 * error; n=3 bit 2 mechanical, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable;
 * n=4 bits 2-3 paper near end, bits 5-6 paper end.
 */
public record PrinterCondition(
        boolean offline,
        boolean coverOpen,
        boolean feedButton,
        boolean stoppedByPaperEnd,
        boolean error,
        boolean mechanicalError,
        boolean cutterError,
        boolean unrecoverableError,
        boolean autoRecoverableError,
        boolean paperNearEnd,
        boolean paperOut) {

    /** Nothing reported: an idle printer with paper, answering {@code 12} to every request. */
    public static final PrinterCondition READY =
            new PrinterCondition(false, false, false, false, false, false, false, false, false, false, false);

    /**
     * The condition from the answers to {@code DLE EOT 1..4}, in that order. Each answer must be a
     * DLE EOT answer ({@link EscPosStatus#isDleEotAnswer}); the caller has checked.
     */
    public static PrinterCondition fromDleEot(int printer, int offlineCause, int errorCause, int paperSensor) {
        return READY.withAnswer(1, printer).withAnswer(2, offlineCause).withAnswer(3, errorCause)
                .withAnswer(4, paperSensor);
    }

    /** This condition with the answer to {@code DLE EOT n} applied (its flags replaced). */
    public PrinterCondition withAnswer(int n, int answer) {
        int b = answer & 0xFF;
        return switch (n) {
            case 1 -> new PrinterCondition(bit(b, 3), coverOpen, feedButton, stoppedByPaperEnd, error,
                    mechanicalError, cutterError, unrecoverableError, autoRecoverableError, paperNearEnd, paperOut);
            case 2 -> new PrinterCondition(offline, bit(b, 2), bit(b, 3), bit(b, 5), bit(b, 6),
                    mechanicalError, cutterError, unrecoverableError, autoRecoverableError, paperNearEnd, paperOut);
            case 3 -> new PrinterCondition(offline, coverOpen, feedButton, stoppedByPaperEnd, error,
                    bit(b, 2), bit(b, 3), bit(b, 5), bit(b, 6), paperNearEnd, paperOut);
            case 4 -> new PrinterCondition(offline, coverOpen, feedButton, stoppedByPaperEnd, error,
                    mechanicalError, cutterError, unrecoverableError, autoRecoverableError,
                    (b & 0x0C) != 0, (b & 0x60) != 0);
            default -> throw new IllegalArgumentException("DLE EOT n is 1..4, not " + n);
        };
    }

    /**
     * The condition in an automatic status back frame ({@code GS a}), 4 bytes: byte 1 bit 3
     * offline, bit 5 cover open, bit 6 feed button; byte 2 bits 2, 3, 5, 6 as {@code DLE EOT 3};
     * byte 3 bits 0-1 paper near end, bits 2-3 paper end; byte 4 reserved.
     */
    public static PrinterCondition fromAutoStatus(int b1, int b2, int b3, int b4) {
        boolean out = (b3 & 0x0C) != 0;
        boolean anyError = bit(b2, 2) || bit(b2, 3) || bit(b2, 5) || bit(b2, 6);
        return new PrinterCondition(bit(b1, 3), bit(b1, 5), bit(b1, 6), out, anyError,
                bit(b2, 2), bit(b2, 3), bit(b2, 5), bit(b2, 6), (b3 & 0x03) != 0, out);
    }

    /** The kiosk's status for this condition; offline causes win over paper near end. */
    public DeviceStatus toDeviceStatus() {
        String message = describe();
        if (paperOut || stoppedByPaperEnd) {
            return DeviceStatus.offline(StatusDetail.PAPER_OUT, message);
        }
        if (coverOpen) {
            return DeviceStatus.offline(StatusDetail.COVER_OPEN, message);
        }
        if (cutterError || mechanicalError || unrecoverableError || autoRecoverableError || error
                || offline || feedButton) {
            return DeviceStatus.offline(StatusDetail.HARDWARE_ERROR, message);
        }
        if (paperNearEnd) {
            return DeviceStatus.online(StatusDetail.PAPER_NEAR_END, message);
        }
        return DeviceStatus.online(message);
    }

    /** Whether a receipt can be printed now (paper near end still prints). */
    public boolean canPrint() {
        return toDeviceStatus().isOnline();
    }

    /** What is wrong, for the technician, e.g. "cover open; paper near end". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (paperOut || stoppedByPaperEnd) {
            parts.add("out of paper");
        }
        if (coverOpen) {
            parts.add("cover open");
        }
        if (cutterError) {
            parts.add("cutter error (paper jam at the cutter?)");
        }
        if (mechanicalError) {
            parts.add("mechanical error");
        }
        if (unrecoverableError) {
            parts.add("unrecoverable error: switch the printer off and on");
        }
        if (autoRecoverableError) {
            parts.add("print head too hot, recovering");
        }
        if (error && !(cutterError || mechanicalError || unrecoverableError || autoRecoverableError)) {
            parts.add("error");
        }
        if (feedButton) {
            parts.add("paper being fed with the button");
        }
        if (offline && parts.isEmpty()) {
            parts.add("offline");
        }
        if (paperNearEnd && !(paperOut || stoppedByPaperEnd)) {
            parts.add("paper near end: refill soon");
        }
        return parts.isEmpty() ? "ready" : String.join("; ", parts);
    }

    private static boolean bit(int b, int n) {
        return (b & (1 << n)) != 0;
    }
}
