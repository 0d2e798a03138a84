package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.io.KioskIo;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.Light;
import org.onetrip.kiosk.io.NoKioskIo;
import org.onetrip.kiosk.io.SimulatedKioskIo;
import org.onetrip.kiosk.io.TamperEvent;

/** The cabinet I/O as the kiosk wires it, on its real I/O thread. */
class KioskIoWiringTest {
    @TempDir
    Path data;

    private Kiosk wire(String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("data.dir=" + data));
        all.addAll(List.of(overrides));
        return Wiring.wire(KioskConfig.simulator(all.toArray(String[]::new)), Clock.systemUTC());
    }

    /** Waits up to 10 s for the I/O thread; no assertion on how long it took. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void theSimulatorProfileWiresTheMockPlatformWithLightsDoorAndPresence() throws Exception {
        try (Kiosk kiosk = wire()) {
            kiosk.startDevices();
            SimulatedKioskIo io = (SimulatedKioskIo) kiosk.kioskIo();

            assertThat(kiosk.devices()).contains(io);
            assertThat(io.status().state()).isEqualTo(DeviceState.ONLINE);
            assertThat(io.isLit(Light.READY)).isTrue();

            kiosk.statusLights().sessionActive(true);
            assertThat(io.isLit(Light.BUSY)).isTrue();
            assertThat(io.isLit(Light.READY)).isFalse();

            io.setInput(Input.TAMPER, true);
            assertThat(eventually(() -> !kiosk.tamperLog().recentEvents().isEmpty())).isTrue();
            assertThat(kiosk.tamperLog().recentEvents()).singleElement()
                    .extracting(TamperEvent::kind).isEqualTo(TamperEvent.Kind.OPENED);

            io.setInput(Input.PAPER_LOW, true);
            assertThat(eventually(() -> io.isLit(Light.ATTENTION))).isTrue();
            assertThat(eventually(() -> io.isActive(Input.PAPER_LOW))).isTrue();
        }
    }

    @Test
    void noneMeansNoIoAndTheKioskStillStarts() {
        try (Kiosk kiosk = wire("io.device=none")) {
            kiosk.startDevices();
            KioskIo io = kiosk.kioskIo();

            assertThat(io).isInstanceOf(NoKioskIo.class);
            assertThat(io.status().detail()).isEqualTo(StatusDetail.DISABLED);
            assertThat(kiosk.statusLights().current().on()).containsExactly(Light.READY);
        }
    }

    @Test
    void pi4jOnAMachineWithoutGpioIsAStatusNotACrash() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.arch").equals("aarch64")
                && java.nio.file.Files.exists(Path.of("/dev/gpiochip0")), "this machine may have a Pi's GPIO");
        try (Kiosk kiosk = wire("io.device=pi4j")) {
            kiosk.startDevices();

            assertThat(kiosk.kioskIo().status().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(kiosk.kioskIo().status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
            assertThat(kiosk.idCardReader().status().state()).isNotEqualTo(DeviceState.OFFLINE);
        }
    }
}
