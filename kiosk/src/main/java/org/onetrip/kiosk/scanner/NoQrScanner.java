package org.onetrip.kiosk.scanner;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.DisabledDevice;

/** {@code scanner.device=none}. */
public final class NoQrScanner extends DisabledDevice implements QrScanner {
    public NoQrScanner() {
        super("scanner", "QR scanner (none)");
    }

    @Override
    public void setScanListener(Consumer<String> listener) {
        // nothing will be scanned
    }
}
