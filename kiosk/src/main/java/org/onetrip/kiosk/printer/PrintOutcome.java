package org.onetrip.kiosk.printer;

import org.onetrip.kiosk.device.DeviceStatus;

/** Whether a receipt came out, and the printer's status after trying. */
public record PrintOutcome(boolean printed, DeviceStatus status) {

    public static PrintOutcome printed(DeviceStatus status) {
        return new PrintOutcome(true, status);
    }

    public static PrintOutcome failed(DeviceStatus status) {
        return new PrintOutcome(false, status);
    }
}
