package org.onetrip.kiosk.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.serial.SocatPty;

class SystemdWatchdogTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(SocatPty.available(), "socat is not installed (./scripts/test installs it)");
    }

    @Test
    void theWatchdogTimeoutSetsAPingIntervalOfAThird() {
        SystemdWatchdog w = SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1"));

        assertThat(w.notifying()).isTrue();
        assertThat(w.interval()).hasValue(Duration.ofSeconds(10));
    }

    @Test
    void withoutSystemdItDoesNothing() {
        SystemdWatchdog w = SystemdWatchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000"));
        assertThat(w.notifying()).isFalse();
        assertThat(w.interval()).isEmpty();
        w.start("up");
        assertThat(w.pingRound()).isFalse();
        w.close();

        SystemdWatchdog noWatchdog = SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"));
        assertThat(noWatchdog.notifying()).isTrue();
        assertThat(noWatchdog.interval()).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative")).notifying()).isFalse();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "soon")).interval())
                .isEmpty();
    }

    @Test
    void itPingsOnlyWhileEveryProbeAnswers() throws Exception {
        Path socket = dir.resolve("notify");
        try (SocatDatagramReceiver systemd = SocatDatagramReceiver.onPath(dir, socket)) {
            SystemdWatchdog w = new SystemdWatchdog(new SdNotify(socket.toString()), null);
            AtomicBoolean fxAnswers = new AtomicBoolean(true);
            w.addProbe("store", () -> true);
            w.addProbe("fx", fxAnswers::get);

            assertThat(w.pingRound()).isTrue();
            fxAnswers.set(false);
            assertThat(w.pingRound()).isFalse();
            w.addProbe("store", () -> {
                throw new IllegalStateException("store lock lost");
            });
            fxAnswers.set(true);
            assertThat(w.pingRound()).as("a probe that throws does not answer").isFalse();

            List<String> got = systemd.await(3);
            assertThat(got).containsExactly("WATCHDOG=1",
                    "STATUS=watchdog probe 'fx' did not answer: no ping",
                    "STATUS=watchdog probe 'store' did not answer: no ping");
        }
    }

    @Test
    void startSaysReadyThenPingsAndCloseSaysStopping() throws Exception {
        Path socket = dir.resolve("notify");
        try (SocatDatagramReceiver systemd = SocatDatagramReceiver.onPath(dir, socket)) {
            SystemdWatchdog w = SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.toString(),
                    "WATCHDOG_USEC", "30000000"));
            w.addProbe("store", () -> true);

            w.start("home screen up");
            List<String> first = systemd.await(2);
            w.close();
            List<String> all = systemd.await(first.size() + 1);

            assertThat(first).startsWith("READY=1\nSTATUS=home screen up", "WATCHDOG=1");
            assertThat(all).last().isEqualTo("STOPPING=1");
        }
    }
}
