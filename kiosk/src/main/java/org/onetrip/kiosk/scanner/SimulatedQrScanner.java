package org.onetrip.kiosk.scanner;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code scanner.device=sim} scanner: the simulator panel or a test "holds up" a payload. */
public final class SimulatedQrScanner extends ScannerBase {
    private static final Logger log = LoggerFactory.getLogger(SimulatedQrScanner.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scanner-sim");
        t.setDaemon(true);
        return t;
    });


    @Override
    public String name() {
        return "QR scanner (simulated)";
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
            handOn(payload);
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
