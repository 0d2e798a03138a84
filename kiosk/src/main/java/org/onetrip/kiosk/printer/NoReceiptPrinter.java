package org.onetrip.kiosk.printer;

import org.onetrip.kiosk.device.DisabledDevice;

/** {@code printer.device=none}: the on-screen ticket and QR are the receipt. */
public final class NoReceiptPrinter extends DisabledDevice implements ReceiptPrinter {
    public NoReceiptPrinter() {
        super("printer", "Receipt printer (none)");
    }

    @Override
    public PrintOutcome print(Receipt receipt) {
        return PrintOutcome.failed(status());
    }
}
