package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceState;

/** The touch screen's start opens the devices on a thread of its own and waits for it before closing them. */
class DevicesInBackgroundTest {
    @TempDir
    Path data;

    @Test
    void everyDeviceIsStartedOnTheDeviceStartThreadAndTheFutureSaysWhenItIsDone() throws Exception {
        try (Kiosk k = Wiring.wire(KioskConfig.simulator("data.dir=" + data, "speech.device=none"), Clock.systemDefaultZone())) {
            Thread[] startedOn = new Thread[1];
            k.scanner().addStatusListener(s -> startedOn[0] = Thread.currentThread());

            k.startDevicesInBackground().get(30, TimeUnit.SECONDS);

            assertThat(startedOn[0]).isNotNull().isNotSameAs(Thread.currentThread());
            assertThat(startedOn[0].getName()).isEqualTo("device-start");
            // Each device then comes online on its own (the card reader on its worker thread).
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Device d : k.devices()) {
                if (d.id().equals("speech")) {
                    continue;
                }
                while (d.status().state() != DeviceState.ONLINE && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(d.status().state()).as(d.id()).isEqualTo(DeviceState.ONLINE);
            }
        }
    }
}
