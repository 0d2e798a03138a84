package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.InstallationSecret;

/**
 * A missing receipt-token key beside a store with requests is never replaced silently: the UI and
 * every command that signs or checks receipts refuse to start with one line saying how to restore
 * it, and {@code reset-receipt-key --i-understand} makes a new one knowingly.
 */
class ReceiptKeyCliTest {
    private static final String URL_BASE = "http://127.0.0.1:8311/status/";

    @TempDir
    Path data;

    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of("", all.toArray(String[]::new));
    }

    private CliRun fileOne() {
        return kiosk("submit", "--service", "hazard-report", "--attr", "category=road_traffic",
                "--attr", "location=资国寺路口", "--attr", "description=红绿灯不亮", "--attr", "since=today",
                "--attr", "danger=no", "--no-print", "--json");
    }

    private Path key() {
        return data.resolve(InstallationSecret.FILE_NAME);
    }

    private static void assertRefused(CliRun r, Path key) {
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        // One line for the technician (the tests' own log lines aside), no stack trace.
        assertThat(r.err().lines().filter(l -> l.startsWith("kiosk:"))).singleElement().asString()
                .startsWith("kiosk: the receipt-token key " + key + " is missing")
                .contains("restore it from the backup").contains("kiosk reset-receipt-key --i-understand");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(key).doesNotExist();
    }

    @Test
    void aMissingKeyBesideStoredRequestsStopsEveryCommandThatNeedsIt() throws Exception {
        CliRun filed = fileOne();
        assertThat(filed.status()).as(filed.err()).isZero();
        String url = filed.json().get("status_url").asText();
        Files.delete(key());

        assertRefused(fileOne(), key());
        assertRefused(kiosk("status", url), key());
        assertRefused(kiosk("selftest", "--settle-ms", "0"), key());
        assertRefused(kiosk("scan", "--timeout", "1"), key());
        assertThatThrownBy(() -> Wiring.wire(KioskConfig.load(null, List.of("data.dir=" + data)), Clock.systemUTC()))
                .hasMessageContaining("receipt-token key").hasMessageContaining("is missing");
        assertThat(key()).doesNotExist();

        // Counting the queue needs no key: the technician can still look.
        CliRun queue = kiosk("queue", "--json");
        assertThat(queue.status()).as(queue.err()).isZero();
        assertThat(queue.json().path("outbox").path("pending").asLong()).isEqualTo(1);
    }

    /** The touch screen refuses too, before any window: in a JVM of its own, as the Pi starts it. */
    @Test
    void theUiRefusesToStartWithoutItsKey() throws Exception {
        assertThat(fileOne().status()).isZero();
        Files.delete(key());

        CliRun ui = CliProcess.run(data.resolve("work"), "ui", "--no-simulator-panel", "--set", "data.dir=" + data);

        assertThat(ui.status()).as(ui.err()).isEqualTo(2);
        assertThat(ui.err().strip().lines().filter(l -> l.startsWith("kiosk: the receipt-token key"))).hasSize(1);
        assertThat(key()).doesNotExist();
    }

    @Test
    void resetReceiptKeyMakesANewKeyOnlyWhenToldItUnderstands() throws Exception {
        CliRun filed = fileOne();
        String oldUrl = filed.json().get("status_url").asText();
        Files.delete(key());

        CliRun refused = kiosk("reset-receipt-key");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("nothing changed").contains("--i-understand");
        assertThat(key()).doesNotExist();

        CliRun reset = kiosk("reset-receipt-key", "--i-understand");
        assertThat(reset.status()).as(reset.err()).isZero();
        assertThat(key()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");

        assertThat(fileOne().status()).isZero();
        CliRun old = kiosk("status", oldUrl);
        assertThat(old.status()).as("a receipt signed with the lost key no longer opens").isEqualTo(1);
    }

    @Test
    void aNewInstallationMakesItsKeyWithoutAsking() {
        assertThat(fileOne().status()).isZero();
        assertThat(key()).exists();
    }

    @Test
    void resettingAnExistingKeyKeepsTheOldOneBesideIt() throws Exception {
        assertThat(fileOne().status()).isZero();
        byte[] before = Files.readAllBytes(key());

        CliRun reset = kiosk("reset-receipt-key", "--i-understand");

        assertThat(reset.status()).isZero();
        assertThat(Files.readAllBytes(key())).isNotEqualTo(before);
        try (var files = Files.list(data)) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith(InstallationSecret.FILE_NAME + ".replaced-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readAllBytes(kept)).isEqualTo(before);
        }
    }
}
