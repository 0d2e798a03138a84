package org.onetrip.kiosk.scanner;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.Device;

/**
 * The QR scanner port. Each complete, checked scan (printable text within the scanner's limit) is
 * handed to the listener once, on the scanner's thread. Garbage and partial lines never arrive.
 */
public interface QrScanner extends Device {

    void setScanListener(Consumer<String> listener);
}
