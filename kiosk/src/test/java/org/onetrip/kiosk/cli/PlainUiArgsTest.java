package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ui command's options read without picocli at the kiosk's start; anything else goes to picocli. */
class PlainUiArgsTest {
    @Test
    void readsTheUiOptionsInBothForms() {
        UiCommand ui = KioskCommand.plainUi(new String[] {"--config", "/etc/k.properties", "--set", "a=1", "--set=b=2",
                "--screenshot=home.png", "--no-simulator-panel", "--exit-when-ready"});

        assertThat(ui).isNotNull();
        assertThat(ui.options.config).isEqualTo(Path.of("/etc/k.properties"));
        assertThat(ui.options.overrides).containsExactly("a=1", "b=2");
        assertThat(ui.screenshot).isEqualTo(Path.of("home.png"));
        assertThat(ui.noPanel).isTrue();
        assertThat(ui.exitWhenReady).isTrue();
    }

    @Test
    void noArgumentsIsTheDefaultUi() {
        UiCommand ui = KioskCommand.plainUi(new String[0]);

        assertThat(ui).isNotNull();
        assertThat(ui.options.config).isNull();
        assertThat(ui.exitWhenReady).isFalse();
    }

    @Test
    void leavesAnythingElseToPicocli() {
        assertThat(KioskCommand.plainUi(new String[] {"--help"})).isNull();
        assertThat(KioskCommand.plainUi(new String[] {"--set"})).isNull();
        assertThat(KioskCommand.plainUi(new String[] {"--exit-when-ready=true"})).isNull();
        assertThat(KioskCommand.plainUi(new String[] {"--confg", "x"})).isNull();
        assertThat(KioskCommand.plainUi(new String[] {"extra"})).isNull();
    }

    /** In a JVM of its own, as the Pi starts it (the ui command starts the toolkit). */
    @Test
    void aWrongProfileIsStillOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
        CliRun run = CliProcess.run(dir, "ui", "--config", dir.resolve("missing.properties").toString(), "--exit-when-ready");

        assertThat(run.status()).as(run.err()).isEqualTo(2);
        // (JavaFX, already starting beside the profile, may warn first.)
        assertThat(run.err().lines().filter(l -> l.startsWith("kiosk: ")))
                .singleElement().asString().contains("'--config'").contains("missing.properties");
    }
}
