package org.onetrip.kiosk.printer;

import org.onetrip.kiosk.device.Device;

/**
 * The receipt printer port. {@link #print} blocks until the receipt is out or the printer is known
 * not to print it; it never hangs on a silent printer and never throws for a device fault. Call it
 * off the JavaFX thread.
 */
public interface ReceiptPrinter extends Device {

    PrintOutcome print(Receipt receipt);
}
