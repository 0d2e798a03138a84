package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's logging (app/LogSetup, logback set up in code) in a JVM of its own, as
 * {@code scripts/kiosk} runs it: the log file in DATA_DIR/logs with its pattern, the console at the
 * command line's level, no XML set-up loaded, and a technician's own logback file still obeyed.
 */
class LogSetupCliTest {
    @TempDir
    Path tmp;

    private static final String[] SUBMIT = {"submit", "--service", "hazard-report", "--attr", "category=road_traffic",
            "--attr", "location=资国寺路口", "--attr", "description=红绿灯不亮", "--attr", "since=today", "--attr", "danger=no",
            "--json"};

    private String[] submit(Path data) {
        String[] a = java.util.Arrays.copyOf(SUBMIT, SUBMIT.length + 2);
        a[SUBMIT.length] = "--set";
        a[SUBMIT.length + 1] = "data.dir=" + data;
        return a;
    }

    @Test
    void theLogFileTheConsoleLevelAndNoXmlParser() throws Exception {
        Path data = tmp.resolve("data");
        Path classes = tmp.resolve("classes.txt");

        CliRun r = CliProcess.run(tmp.resolve("work"), List.of("-Xlog:class+load:file=" + classes), submit(data));

        assertThat(r.status()).as(r.err()).isZero();
        r.json();
        String log = Files.readString(data.resolve("logs").resolve("kiosk.log"));
        // The file's pattern: ISO time with its offset, level, thread, logger.
        assertThat(log.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-Z].* INFO  \\[main\\] .* - .*"))
                .toList()).as(log).isNotEmpty();
        assertThat(log).contains("applied migration 1");
        // The command line's console is at WARN: the same INFO lines are not on stderr.
        assertThat(r.err()).doesNotContain("applied migration");
        assertThat(log).doesNotContain("com.pi4j.boardinfo");
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("org.onetrip.kiosk.app.LogSetup");
        // Joran's model and actions and the JDK's XML parser (ConsoleAppender still uses joran.spi.ConsoleTarget).
        assertThat(loaded).doesNotContain("ch.qos.logback.classic.joran.").doesNotContain("ch.qos.logback.core.joran.action.")
                .doesNotContain("ch.qos.logback.core.model.").doesNotContain("com.sun.org.apache.xerces");
    }

    @Test
    void aTechniciansOwnLogbackFileIsObeyed() throws Exception {
        Path data = tmp.resolve("data");
        Path own = tmp.resolve("own.log");
        Path xml = Files.writeString(tmp.resolve("logback-own.xml"), """
                <configuration>
                  <appender name="F" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>OWN %%level %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="F"/></root>
                </configuration>
                """.formatted(own));

        CliRun r = CliProcess.run(tmp.resolve("work"), List.of("-Dlogback.configurationFile=" + xml), submit(data));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(own)).contains("OWN INFO").contains("applied migration 1");
        assertThat(data.resolve("logs").resolve("kiosk.log")).doesNotExist();
    }
}
