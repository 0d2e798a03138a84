package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.SamDeviceSimulator;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator;

/** The technician's device tools: {@code read-card} and {@code print-test}, with their exit codes. */
class DeviceToolsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of("", all.toArray(String[]::new));
    }

    @Test
    void readCardOnTheSimulatedReaderPrintsTheCardMasked() throws Exception {
        CliRun r = kiosk("read-card", "--json", "--timeout", "20");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("name").asText()).isEqualTo("赖**");
        assertThat(j.get("id_number").asText()).isEqualTo(FictionalCards.LAI_JIAJIA.maskedIdNumber());
        assertThat(j.get("accepted").asBoolean()).isTrue();
        assertThat(r.out()).doesNotContain("赖佳佳").doesNotContain(FictionalCards.LAI_JIAJIA.idNumber());

        CliRun whole = kiosk("read-card", "--unmasked", "--timeout", "20");
        assertThat(whole.status()).isZero();
        assertThat(whole.out()).contains("赖佳佳").contains(FictionalCards.LAI_JIAJIA.idNumber());
    }

    @Test
    void readCardOnAMissingReaderExits3WithAReason() {
        CliRun r = kiosk("read-card", "--timeout", "30", "--set", "idcard.device=serial:" + data.resolve("ttyUSB7"));
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err().strip().lines()).last().asString().startsWith("read-card: reader unusable").contains("GONE");
    }

    /**
     * A reader that is offline for the whole of a wait shorter than the command's grace period
     * is unusable (3), not a reader that saw no card (2).
     */
    @Test
    void readCardWithAReaderOfflineForTheWholeShortWaitExits3() {
        CliRun missing = kiosk("read-card", "--timeout", "2", "--set", "idcard.device=serial:" + data.resolve("ttyUSB7"));
        assertThat(missing.status()).as(missing.err()).isEqualTo(3);
        assertThat(missing.err().strip().lines()).last().asString().startsWith("read-card: reader unusable");

        CliRun none = kiosk("read-card", "--timeout", "1", "--json", "--set", "idcard.device=none");
        assertThat(none.status()).as(none.err()).isEqualTo(3);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("reader unusable").contains("DISABLED");
    }

    /** The same class in {@code scan}: a scanner offline for the whole wait is unusable (3). */
    @Test
    void scanWithAScannerOfflineForTheWholeWaitExits3() {
        CliRun missing = kiosk("scan", "--timeout", "2", "--set", "scanner.device=serial:" + data.resolve("ttyACM7"));
        assertThat(missing.status()).as(missing.err()).isEqualTo(3);
        assertThat(missing.err()).contains("scanner unusable");

        CliRun none = kiosk("scan", "--timeout", "1", "--set", "scanner.device=none");
        assertThat(none.status()).as(none.err()).isEqualTo(3);
        assertThat(none.err()).contains("scanner unusable");
    }

    @Test
    void readCardWithNoCardExits2() throws Exception {
        assumeTrue(SocatPty.available(), "socat is installed (scripts/test installs it)");
        java.nio.file.Files.createDirectories(data.resolve("pty"));
        try (SocatPty pty = new SocatPty(data.resolve("pty")).start();
                SamDeviceSimulator reader = new SamDeviceSimulator(pty.b().toString(), new SimulatedSam(), false)) {
            reader.start();
            CliRun r = kiosk("read-card", "--timeout", "3", "--set", "idcard.device=serial:" + pty.a() + "?baud=115200");
            assertThat(r.status()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("no card within 3 s");
        }
    }

    /** A device switched off in the profile is listed as DISABLED and does not make selftest fail. */
    @Test
    void selftestDoesNotCountADeviceSwitchedOffWithNoneAsOffline() {
        CliRun r = kiosk("selftest", "--json", "--settle-ms", "1000", "--set", "printer.device=none",
                "--set", "scanner.device=none");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("printer").path("detail").asText()).isEqualTo("DISABLED");
        assertThat(j.path("scanner").path("detail").asText()).isEqualTo("DISABLED");
        assertThat(j.path("printer").path("counted").asBoolean(true)).as("a switched-off device says it is not counted").isFalse();
        assertThat(j.path("ok").asBoolean()).isTrue();

        CliRun missing = kiosk("selftest", "--json", "--settle-ms", "1000", "--set", "printer.device=none",
                "--set", "idcard.device=serial:" + data.resolve("ttyUSB7"));
        assertThat(missing.status()).as("a device that is configured but missing still counts").isEqualTo(1);
        assertThat(missing.json().path("idcard").path("counted").asBoolean(false)).isTrue();
    }

    @Test
    void printTestOnTheSimulatedPrinterPrints() throws Exception {
        CliRun r = kiosk("print-test", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().get("printed").asBoolean()).isTrue();
        assertThat(r.json().get("after").get("state").asText()).isEqualTo("ONLINE");
        assertThat(r.json().get("bytes").asInt()).isGreaterThan(1000);
    }

    @Test
    void printTestReportsANetworkPrinterOutOfPaper() throws Exception {
        try (PrinterSimulator printer = PrinterSimulator.tcp(0)) {
            printer.setCondition(PrinterSimulator.Condition.PAPER_OUT);
            CliRun r = kiosk("print-test", "--json", "--set", "printer.device=tcp:127.0.0.1:" + printer.port());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.json().get("printed").asBoolean()).isFalse();
            assertThat(r.json().get("before").get("detail").asText()).isEqualTo("PAPER_OUT");
            assertThat(r.err()).contains("not printed");
            assertThat(printer.printed()).isEmpty();
        }
    }

    @Test
    void printTestWithNoPrinterExits1() {
        CliRun r = kiosk("print-test", "--set", "printer.device=none");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("NOT printed");
    }
}
