package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A touch screen whose toolkit cannot start (no display, a Glass platform that fails to load) is
 * an exit with the reason, which systemd answers with a restart, never a process that waits for
 * ever behind a black screen while the watchdog, fed by the store, says all is well. Before the
 * fix the main thread waited in Platform.setImplicitExit for a toolkit that never came.
 */
class UiWithoutDisplayCliTest {
    @TempDir
    Path tmp;

    @Test
    void aToolkitThatCannotStartEndsTheKioskWithTheReason() throws Exception {
        CliRun r = CliProcess.run(tmp.resolve("work"),
                List.of("-Dglass.platform=NoSuchGlassPlatform", "-Dkiosk.fx-start-timeout-s=20", "-Djava.awt.headless=true"),
                "ui", "--exit-when-ready", "--set", "data.dir=" + tmp.resolve("data"));

        assertThat(r.status()).as(r.err()).isNotZero();
        assertThat(r.out()).doesNotContain("READY");
        assertThat(r.err().lines().filter(l -> l.startsWith("kiosk: "))).as(r.err()).singleElement().asString()
                .startsWith("kiosk: the touch screen could not start (JavaFX failed: ").contains("glass.platform=NoSuchGlassPlatform");
    }
}
