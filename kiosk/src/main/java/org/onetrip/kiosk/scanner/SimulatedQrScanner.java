package org.onetrip.kiosk.scanner;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code scanner.device=sim} scanner: the simulator panel or a test "holds up" a payload. */
public final class SimulatedQrScanner implements QrScanner {
    private static final Logger log = LoggerFactory.getLogger(SimulatedQrScanner.class);

    private final DeviceStatusHolder status = new DeviceStatusHolder("scanner", DeviceStatus.unknown("starting"));
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scanner-sim");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<String> listener = s -> { };

    @Override
    public String id() {
        return "scanner";
    }

    @Override
    public String name() {
        return "QR scanner (simulated)";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> l) {
        status.addListener(l);
    }

    @Override
    public void setScanListener(Consumer<String> l) {
        listener = l == null ? s -> { } : l;
    }

    @Override
    public void start() {
        status.update(DeviceStatus.online("simulated scanner ready"));
    }

    /** A payload as the scanner decoded it; unacceptable payloads are dropped like a real scanner's. */
    public void scan(String payload) {
        thread.execute(() -> {
            if (!status.get().isOnline()) {
                return;
            }
            if (!ScanPayloads.acceptable(payload)) {
                log.warn("dropped a scan of {} characters that is not printable text within {}",
                        payload == null ? 0 : payload.length(), ScanPayloads.MAX_LENGTH);
                return;
            }
            listener.accept(payload);
        });
    }

    public void setConnected(boolean connected) {
        status.update(connected ? DeviceStatus.online("simulated scanner ready")
                : DeviceStatus.offline(StatusDetail.GONE, "simulated scanner unplugged"));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
