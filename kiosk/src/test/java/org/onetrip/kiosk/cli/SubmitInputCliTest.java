package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;

/**
 * What reaches the store through {@code kiosk submit} is checked as on the touch screen, and a bad
 * profile or catalogue stops the command with exit 2, the file, the line and what is wrong.
 */
class SubmitInputCliTest {
    @TempDir
    Path data;
    @TempDir
    Path dir;

    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of("", all.toArray(String[]::new));
    }

    private static String[] hazardReport(String description, String... more) {
        return Stream.concat(Stream.of("submit", "--service", "hazard-report", "--no-print",
                "--attr", "category=road_traffic", "--attr", "location=资国寺路与太姥大道路口",
                "--attr", "description=" + description, "--attr", "since=today", "--attr", "danger=no"),
                Stream.of(more)).toArray(String[]::new);
    }

    private void assertNothingStored() {
        CliRun queue = kiosk("queue", "--json");
        assertThat(queue.status()).isZero();
        queue.json().path("status").forEach(n -> assertThat(n.asLong()).isZero());
    }

    @Test
    void aBidiOverrideOrAZeroWidthCharacterIsRefusedWithExit2() {
        CliRun r = kiosk(hazardReport("红绿灯不亮\u202E车辆抢行"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("description: character 6 is U+202E RIGHT-TO-LEFT OVERRIDE");
        r = kiosk(hazardReport("红绿灯\u200B不亮"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("U+200B ZERO WIDTH SPACE");
        assertNothingStored();
    }

    @Test
    void anArgumentThatWasNotUtf8IsRefusedNotStoredAsReplacementCharacters() {
        // What the JVM makes of bytes in argv that are not UTF-8.
        CliRun r = kiosk(hazardReport("红绿灯\uFFFD\uFFFD不亮"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("description").contains("not valid UTF-8");
        assertNothingStored();
    }

    @Test
    void anAttributeFileMustBeUtf8AndSaysWhereItIsNot() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "红绿灯不亮，\r\n车辆抢行\n", StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.txt");
        byte[] gbk = "红绿灯不亮".getBytes(java.nio.charset.Charset.forName("GBK"));
        Files.write(bad, gbk);

        CliRun r = kiosk(Stream.of("submit", "--service", "hazard-report", "--no-print", "--attr", "category=road_traffic",
                "--attr", "location=路口", "--attr-file", "description=" + bad, "--attr", "since=today", "--attr", "danger=no")
                .toArray(String[]::new));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--attr-file description: " + bad + ": line 1, column 1 (byte 0)")
                .contains("is not UTF-8");
        assertNothingStored();

        r = kiosk(Stream.of("submit", "--service", "hazard-report", "--no-print", "--attr", "category=road_traffic",
                "--attr", "location=路口", "--attr-file", "description=" + good, "--attr", "since=today", "--attr", "danger=no",
                "--json").toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void anAttributeGivenTwiceIsRefused() {
        CliRun r = kiosk(hazardReport("红绿灯不亮", "--attr", "description=another"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("description is given twice (--attr and --attr)");
        assertNothingStored();
    }

    @Test
    void aMarriageDateIn2999IsRefused() {
        CliRun r = kiosk("submit", "--service", "birth-registration", "--card", "--no-print",
                "--attr", "child_order=first", "--attr", "spouse_id_number=350982199001010013",
                "--attr", "marriage_date=2999-01-01", "--attr", "hukou=both_local", "--attr", "phone=13800138000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("marriage_date: must not be after ");
        assertNothingStored();
    }

    @Test
    void storedTextIsNfc() {
        CliRun r = kiosk(hazardReport("Cafe\u0301 门口", "--json"));
        assertThat(r.status()).as(r.err()).isZero();
        try (Kiosk k = Wiring.wire(KioskConfig.simulator("data.dir=" + data), Clock.systemDefaultZone())) {
            String token = r.json().path("status_url").asText().replaceAll(".*/", "");
            assertThat(k.queue().findByToken(token).orElseThrow().attributes().get("description")).isEqualTo("Caf\u00e9 门口");
            // The ticket was written out: a later start does not offer it as lost.
            assertThat(Wiring.receiptRecovery(k).atStart()).isEmpty();
        }
    }

    @Test
    void aProfileKeyGivenTwiceExits2WithBothLines() throws Exception {
        Path p = dir.resolve("site.properties");
        Files.writeString(p, "kiosk.id=tc-01\nstatus.url-base=http://127.0.0.1:8311/status/\nkiosk.id=tc-02\n");
        CliRun r = kiosk("services", "--config", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(p + ": key 'kiosk.id' is given twice, on line 1 and on line 3");
        r = kiosk("services", "--set", "ui.width=1024", "--set", "ui.width=800");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--set ui.width is given twice (the 1st and the 2nd --set)");
    }

    @Test
    void aBadCatalogueFileExits2WithTheFileLineAndColumn() throws Exception {
        Path catalog = dir.resolve("site.json");
        Files.writeString(catalog, "{\n  \"windows\": [\n    {\"code\": \"w\" \"letter\": \"A\"}\n  ]\n}\n");
        CliRun r = kiosk("services", "--set", "catalog.file=" + catalog);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("kiosk: " + catalog + ", line 3, column ")
                .contains("not valid JSON").doesNotContain("Exception:");
        r = kiosk(hazardReport("x", "--set", "catalog.file=" + catalog));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(catalog + ", line 3");
    }

    @Test
    void inALocaleThatIsNotUtf8TheMessageSaysSoRatherThanBlamingTheText() {
        String was = System.getProperty("sun.jnu.encoding");
        System.setProperty("sun.jnu.encoding", "ANSI_X3.4-1968"); // what LC_ALL=C gives; read by submit per run
        try {
            CliRun r = kiosk(hazardReport("\uFFFD\uFFFD\uFFFD"));
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("read as ANSI_X3.4-1968, not UTF-8").contains("LC_ALL=C.UTF-8");
        } finally {
            System.setProperty("sun.jnu.encoding", was);
        }
        assertNothingStored();
    }
}
