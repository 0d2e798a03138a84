package org.onetrip.kiosk.scanner;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;

/**
 * What every scanner adapter shares: the {@code scanner} id, one status holder, and the one
 * listener that scans are handed to ({@link #handOn}, on the scanner's thread).
 */
abstract class ScannerBase implements QrScanner {
    protected final DeviceStatusHolder status = new DeviceStatusHolder("scanner", DeviceStatus.unknown("not started"));
    private volatile Consumer<String> listener = s -> { };

    @Override
    public final String id() {
        return "scanner";
    }

    @Override
    public final DeviceStatus status() {
        return status.get();
    }

    @Override
    public final void addStatusListener(Consumer<DeviceStatus> l) {
        status.addListener(l);
    }

    @Override
    public final void setScanListener(Consumer<String> l) {
        listener = l == null ? s -> { } : l;
    }

    /** Hands a checked scan to the application. */
    protected final void handOn(String payload) {
        listener.accept(payload);
    }
}
