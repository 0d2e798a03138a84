package org.onetrip.kiosk.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.serial.SocatPty;

/** sd_notify datagrams, received by socat on a unix datagram socket as systemd would. */
class SdNotifyTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(SocatPty.available(), "socat is not installed (./scripts/test installs it)");
    }

    @Test
    void eachSendIsOneDatagramOfUtf8Lines() throws Exception {
        Path socket = dir.resolve("notify");
        try (SocatDatagramReceiver systemd = SocatDatagramReceiver.onPath(dir, socket)) {
            SdNotify n = new SdNotify(socket.toString());

            n.send("READY=1\nSTATUS=首页已显示");
            n.send("WATCHDOG=1");

            assertThat(systemd.await(2)).containsExactly("READY=1\nSTATUS=首页已显示", "WATCHDOG=1");
        }
    }

    @Test
    void anAbstractSocketNameIsReachedWithoutAFile() throws Exception {
        String name = "onetrip-notify-test-" + ProcessHandle.current().pid();
        try (SocatDatagramReceiver systemd = SocatDatagramReceiver.abstractName(dir, name)) {
            new SdNotify("@" + name).send("READY=1");

            assertThat(systemd.await(1)).containsExactly("READY=1");
        }
    }

    @Test
    void aSocketNobodyListensOnFailsWithTheErrno() {
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> new SdNotify(nowhere.toString()).send("READY=1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("No such file or directory")
                .hasCauseInstanceOf(com.sun.jna.LastErrorException.class);
    }

    @Test
    void theEnvironmentDecides() {
        assertThat(SdNotify.fromEnvironment(Map.of())).isEmpty();
        assertThat(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", ""))).isEmpty();
        assertThat(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify")))
                .get().extracting(SdNotify::socket).isEqualTo("/run/systemd/notify");
    }

    @Test
    void aRelativeOrOverlongSocketIsRefused() {
        assertThatThrownBy(() -> new SdNotify("run/systemd/notify")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdNotify("/" + "x".repeat(120))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer");
    }
}
