package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.request.StoredRequest;

/** A request whose ticket was shown survives the JVM being killed (kill -9) the moment after. */
class SurvivesKillTest {
    @TempDir
    Path data;

    @Test
    void aShownTicketSurvivesKillMinus9() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dkiosk.log.dir=" + data.resolve("logs"), FileAndHang.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            // SIGKILL, as soon as the ticket is on screen: no shutdown hook, no close().
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(line).startsWith("TICKET ");
        String[] parts = line.split(" ");
        try (Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            StoredRequest r = kiosk.queue().find(UUID.fromString(parts[2])).orElseThrow();
            assertThat(r.ticket()).isEqualTo(parts[1]);
            assertThat(r.serviceCode()).isEqualTo("residence-certificate");
            assertThat(kiosk.queue().nextToSend(java.time.Instant.now().plusSeconds(1), 10))
                    .extracting(e -> e.requestId().toString()).containsExactly(parts[2]);
        }
    }
}
