package org.onetrip.kiosk.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.io.IoPins;
import org.onetrip.kiosk.io.SimulatedKioskIo;
import org.onetrip.kiosk.io.StatusLights;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.testing.MutableClock;

/** What the nightly upgrade reads to tell whether a resident is at the kiosk. */
class SessionStateFileTest {
    private final MutableClock clock = MutableClock.at("2026-03-01T02:00:00Z");

    @Test
    void theLightsSessionFlagIsWrittenToTheRuntimeDirectory(@TempDir Path run) throws Exception {
        SessionStateFile f = SessionStateFile.fromEnvironment(Map.of("RUNTIME_DIRECTORY", run.toString()), clock).orElseThrow();
        SimulatedKioskIo io = SimulatedKioskIo.forSimulator(IoPins.from(KioskConfig.simulator().validate()), clock);
        StatusLights lights = new StatusLights(io, List.of(), () -> DeviceStatus.online("kiosk.db"));
        lights.addSessionListener(f);
        lights.sessionActive(false);
        assertThat(Files.readString(run.resolve("session"))).isEqualTo("closed 2026-03-01T02:00:00Z\n");
        clock.advance(java.time.Duration.ofMinutes(1));
        lights.sessionActive(true);
        assertThat(Files.readString(run.resolve("session"))).isEqualTo("open 2026-03-01T02:01:00Z\n");
        clock.advance(java.time.Duration.ofMinutes(1));
        lights.sessionActive(true);
        assertThat(Files.readString(run.resolve("session"))).as("unchanged: not rewritten").startsWith("open 2026-03-01T02:01:00Z");
        lights.sessionActive(false);
        assertThat(Files.readString(run.resolve("session"))).isEqualTo("closed 2026-03-01T02:02:00Z\n");
        assertThat(run.resolve("session.tmp")).doesNotExist();
    }

    @Test
    void withoutSystemdThereIsNoFile() {
        assertThat(SessionStateFile.fromEnvironment(Map.of(), clock)).isEmpty();
        assertThat(SessionStateFile.fromEnvironment(Map.of("RUNTIME_DIRECTORY", " "), clock)).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenIsLoggedNotThrown(@TempDir Path tmp) throws Exception {
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");
        SessionStateFile f = new SessionStateFile(notADir.resolve("session"), clock);
        f.accept(true);
        assertThat(Files.isRegularFile(notADir.resolve("session"))).isFalse();
    }
}
