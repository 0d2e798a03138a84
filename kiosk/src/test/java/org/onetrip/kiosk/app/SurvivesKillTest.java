package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.recovery.ReceiptRecovery;
import org.onetrip.kiosk.recovery.RecoveredReceipt;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * A filed request survives the JVM being killed (kill -9) the moment after; and when the kill
 * comes between the commit and the ticket on screen, the ticket is offered again at the next start.
 */
class SurvivesKillTest {
    @TempDir
    Path data;

    /** Runs {@link FileAndHang}, reads its lines up to {@code last}, then SIGKILLs it: no shutdown hook, no close(). */
    private List<String> fileAndKill(String mode, String last) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dkiosk.log.dir=" + data.resolve("logs"), FileAndHang.class.getName(), data.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith(last)) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        return lines;
    }

    @Test
    void aShownTicketSurvivesKillMinus9AndIsNotOfferedAgain() throws Exception {
        List<String> lines = fileAndKill("shown", "SHOWN");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("TICKET ");
        String[] parts = lines.get(0).split(" ");
        try (Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            StoredRequest r = kiosk.queue().find(UUID.fromString(parts[2])).orElseThrow();
            assertThat(r.ticket()).isEqualTo(parts[1]);
            assertThat(r.serviceCode()).isEqualTo("residence-certificate");
            assertThat(kiosk.queue().nextToSend(java.time.Instant.now().plusSeconds(1), 10))
                    .extracting(e -> e.requestId().toString()).containsExactly(parts[2]);
            assertThat(Wiring.receiptRecovery(kiosk).atStart()).isEmpty();
        }
    }

    @Test
    void aKillBetweenTheCommitAndTheTicketOnScreenGivesTheTicketBackAtTheNextStart() throws Exception {
        List<String> lines = fileAndKill("committed", "COMMITTED ");
        String[] parts = lines.get(lines.size() - 1).split(" ");
        try (Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            ReceiptRecovery recovery = Wiring.receiptRecovery(kiosk);
            RecoveredReceipt r = recovery.atStart().orElseThrow();
            assertThat(r.ticket()).isEqualTo(parts[1]);
            assertThat(r.requestId()).hasToString(parts[2]);
            assertThat(r.serviceName().zh()).isEqualTo("居住证明");
            assertThat(r.statusUrl()).startsWith(kiosk.config().statusUrlBase());
            assertThat(kiosk.tokens().verify(r.statusUrl().substring(kiosk.config().statusUrlBase().length()))).isTrue();
            // Dismissed (or printed): not offered after the next restart.
            recovery.acknowledge(r, ReceiptRecovery.RECOVERED);
        }
        try (Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            assertThat(Wiring.receiptRecovery(kiosk).atStart()).isEmpty();
        }
    }
}
