package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.ReceiptPhotos;

/** {@code kiosk status} and {@code kiosk scan}, run in-process as scripts/kiosk runs them, on the simulator profile. */
class StatusCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL_BASE = "http://127.0.0.1:8311/status/";

    @TempDir
    Path data;

    private CliRun kioskWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of(stdin, all.toArray(String[]::new));
    }

    private CliRun kiosk(String... args) {
        return kioskWithInput("", args);
    }

    /** Files a residence certificate with the simulated reader's card; returns its status URL. */
    private String submit() {
        CliRun r = kiosk("submit", "--service", "residence-certificate", "--card", "--no-print", "--json",
                "--attr", "purpose=school", "--attr", "address=福建省福鼎市桐城街道资国寺路88号", "--attr", "since=2020-09-01",
                "--attr", "housing=owned", "--attr", "copies=1", "--attr", "phone=13800138000");
        assertThat(r.status()).as(r.err()).isZero();
        return r.json().path("status_url").asText();
    }

    @Test
    void statusOfAReceiptUrlShowsWhatTheScreenShows() {
        String url = submit();

        CliRun r = kiosk("status", url);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("回执号  D-001").contains("办的事  居住证明").contains("负责的窗口  民生保障窗口")
                .contains("申请人  赖**").contains("当前状态  已提交，等工作人员接手")
                .contains("本机暂时连不上服务中心").contains("现在不用带材料来")
                .contains("下一步  已在本机保存");
        // Waiting, there is nothing to bring: no list reading "bring these now".
        assertThat(r.out()).doesNotContain("• 本人居民身份证").doesNotContain("要补的材料");
        assertThat(r.out()).doesNotContain("赖佳佳").doesNotContain(url.substring(URL_BASE.length()));
    }

    @Test
    void statusJsonOfABareTokenAfterTheOfficeCompletedIt() {
        String url = submit();
        String token = url.substring(URL_BASE.length());
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            var stored = q.findByToken(token).orElseThrow();
            q.markDelivered(stored.requestId(), "SR-77", Instant.now());
            q.recordStatus(stored.requestId(), RequestStatus.COMPLETED, null, Instant.now());
        }

        CliRun r = kiosk("status", token, "--json", "--set", "kiosk.locale=en");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("recognised").asBoolean()).isTrue();
        assertThat(j.path("ticket").asText()).isEqualTo("D-001");
        assertThat(j.path("service_code").asText()).isEqualTo("residence-certificate");
        assertThat(j.path("window").asText()).isEqualTo("livelihood");
        assertThat(j.path("masked_name").asText()).isEqualTo(FictionalCards.LAI_JIAJIA.maskedName());
        assertThat(j.path("status").asText()).isEqualTo("completed");
        assertThat(j.path("status_text").asText()).isEqualTo("Completed");
        assertThat(j.path("history")).extracting(n -> n.path("status").asText())
                .containsExactly("queued", "received", "completed");
        assertThat(j.path("documents_asked").asBoolean()).isFalse();
        assertThat(j.path("usual_documents")).isEmpty();
        assertThat(j.path("live").asBoolean()).isFalse();
        assertThat(j.toString()).doesNotContain(token);
    }

    @Test
    void aBareTokenStartingWithAHyphenIsTheArgumentNotAnOption() {
        CliRun r = kiosk("status", "-q1HZQ8fmDXlQaiKvNxqYbTp", "--json");

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.json().path("recognised").asBoolean()).isFalse();
    }

    @Test
    void everyCodeThatIsNotOurReceiptGetsTheSameCalmAnswerAndExit1() {
        String url = submit();
        String token = url.substring(URL_BASE.length());
        String forged = URL_BASE + token.substring(0, 23) + (token.endsWith("A") ? "B" : "A");
        String foreign = URL_BASE + ReceiptTokens.forInstallation(data.resolve("other"), () -> 0L).next();
        String unfiled = URL_BASE + ReceiptTokens.forInstallation(data, () -> 0L).next();

        List<String> outs = new ArrayList<>();
        for (String code : new String[] {forged, foreign, unfiled, "6901234567892", url + "x"}) {
            CliRun r = kiosk("status", code, "--json");
            assertThat(r.status()).as(code).isEqualTo(1);
            assertThat(r.json().path("recognised").asBoolean()).isFalse();
            outs.add(r.out());
        }
        assertThat(outs).containsOnly(outs.get(0));
        assertThat(kiosk("status", forged).out().strip()).isEqualTo("认不出这个二维码。请看看是不是本中心的回执，或到窗口问问。");
    }

    @Test
    void scanOnTheSimulatorReadsALineAndShowsItsStatus() {
        String url = submit();

        CliRun r = kioskWithInput(url + "\n", "scan", "--timeout", "20", "--json");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().path("ticket").asText()).isEqualTo("D-001");
        assertThat(r.err()).contains("read a code of " + url.length() + " characters").doesNotContain(url);
    }

    @Test
    void scanWithAKeyboardScannerReadsWhatItTypesIntoTheTerminal() {
        String url = submit();

        CliRun r = kioskWithInput(url + "\n", "scan", "--timeout", "20", "--set", "scanner.device=keyboard");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("回执号  D-001");
    }

    @Test
    void scanWithACameraDecodesAPhotoOfThePrintedReceipt() throws Exception {
        String url = submit();
        Path frames = Files.createDirectories(data.resolve("camera"));
        List<byte[]> held = ReceiptPhotos.burst(ReceiptPhotos.printedReceipt(url), 4, 3);
        for (int i = 0; i < held.size(); i++) {
            Files.write(frames.resolve(String.format("frame-%03d.jpg", i + 1)), held.get(i));
        }

        CliRun r = kiosk("scan", "--timeout", "30", "--json", "--set", "scanner.device=camera:" + frames);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().path("ticket").asText()).isEqualTo("D-001");
    }

    @Test
    void scanOfAnotherCodeExits1() {
        CliRun r = kioskWithInput("https://example.com/not-ours\n", "scan", "--timeout", "20");

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("认不出");
    }

    @Test
    void scanWithNothingScannedExits2() {
        CliRun r = kiosk("scan", "--timeout", "1");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("nothing scanned within 1 s");
    }

    @Test
    void scanWithAScannerThatIsNotThereExits3() {
        CliRun r = kiosk("scan", "--timeout", "2", "--set", "scanner.device=serial:" + data.resolve("no-tty") + "?baud=9600");

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("scanner unusable").contains("GONE");
    }

    @Test
    void aBadScannerSettingExits2NamingTheKey() {
        CliRun r = kiosk("scan", "--set", "scanner.device=serial:/dev/ttyACM0?suffix=TAB");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("scanner.device");
    }
}
