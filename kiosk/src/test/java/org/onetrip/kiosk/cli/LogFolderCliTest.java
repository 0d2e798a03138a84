package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log folder the kiosk cannot write never breaks the command line's JSON: logback's complaint
 * is one warning line on stderr, nothing on stdout. The folder is made unusable by a regular file
 * where {@code data.dir/logs} should be, which stops root too (CI runs as root, and root ignores
 * a folder's mode). Each command runs in a JVM of its own, as logback is set up once per process.
 */
class LogFolderCliTest {
    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void logsIsAFile() throws Exception {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("logs"), "not a folder");
    }

    private CliRun kiosk(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliProcess.run(tmp.resolve("work"), all.toArray(String[]::new));
    }

    private void assertJsonWithOneWarning(CliRun r) {
        r.json();
        assertThat(r.out()).doesNotContain("|-").doesNotContain("logback");
        assertThat(r.err().lines().filter(l -> l.contains("cannot write the log file"))).as(r.err()).singleElement()
                .asString().startsWith("kiosk: warning: cannot write the log file in " + data.resolve("logs"))
                .endsWith("logging to standard error only");
    }

    @Test
    void everyJsonCommandStillPrintsJsonAndWarnsOnce() throws Exception {
        CliRun submit = kiosk("submit", "--service", "hazard-report", "--attr", "category=road_traffic",
                "--attr", "location=资国寺路口", "--attr", "description=红绿灯不亮", "--attr", "since=today",
                "--attr", "danger=no", "--json");
        assertThat(submit.status()).as(submit.err()).isZero();
        assertJsonWithOneWarning(submit);

        for (String[] command : List.of(
                new String[] {"queue", "--json"},
                new String[] {"services", "--json"},
                new String[] {"selftest", "--json", "--settle-ms", "500"},
                new String[] {"status", "--json", submit.json().get("status_url").asText()},
                new String[] {"read-card", "--json", "--timeout", "10"},
                new String[] {"print-test", "--json"})) {
            CliRun r = kiosk(command);
            assertThat(r.status()).as(String.join(" ", command) + ": " + r.err()).isIn(0, 1);
            assertJsonWithOneWarning(r);
        }
    }
}
