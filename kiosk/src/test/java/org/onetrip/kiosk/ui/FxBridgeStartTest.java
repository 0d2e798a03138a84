package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.scanner.QrScanner;

/**
 * The devices start on their own thread (Kiosk.startDevicesInBackground; the touch screen starts
 * them once its home screen is drawn, a test or a screen built later may meet them starting), so a
 * device can come online between the bridge reading its status and listening to it. The bridge must end with the device's real status, not the one it
 * read before. Here the scanner starts exactly in that gap: inside the bridge's read.
 */
class FxBridgeStartTest {
    @TempDir
    Path data;

    /** A scanner that starts (and comes online) the moment its status is first read. */
    private static final class StartsWhenRead implements QrScanner {
        private final QrScanner inner;
        private boolean started;

        StartsWhenRead(QrScanner inner) {
            this.inner = inner;
        }

        @Override
        public DeviceStatus status() {
            DeviceStatus before = inner.status();
            if (!started) {
                started = true;
                inner.start(); // another thread, in the product: between this read and the caller's next step
            }
            return before;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void addStatusListener(Consumer<DeviceStatus> l) {
            inner.addStatusListener(l);
        }

        @Override
        public void setScanListener(Consumer<String> l) {
            inner.setScanListener(l);
        }

        @Override
        public void start() {
            inner.start();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aDeviceThatComesOnlineWhileTheBridgeIsMadeEndsOnlineOnTheScreen() {
        try (Kiosk wired = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            Kiosk k = new Kiosk(wired.config(), wired.clock(), wired.catalog(), wired.queue(), wired.idCardReader(),
                    wired.printer(), new StartsWhenRead(wired.scanner()), wired.tokens(), wired.filing(), wired.kioskIo(),
                    wired.tamperLog(), wired.statusLights(), wired.watchdog(), wired.sync(), wired.catalogCache(),
                    wired.handwriting(), wired.speech());
            assertThat(wired.scanner().status().state()).isEqualTo(DeviceState.UNKNOWN);
            // Platform.runLater's order: what a listener posts runs after the constructor.
            List<Runnable> later = new ArrayList<>();

            FxBridge bridge = new FxBridge(k, later::add);
            later.forEach(Runnable::run);

            assertThat(wired.scanner().status().state()).isEqualTo(DeviceState.ONLINE);
            assertThat(bridge.status("scanner").state()).isEqualTo(DeviceState.ONLINE);
        }
    }
}
