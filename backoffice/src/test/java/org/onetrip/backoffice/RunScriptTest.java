package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scripts/run --with-backoffice}: the kiosk it starts must reach the back office on
 * {@code BACKOFFICE_PORT}, for Open311 and for the receipt's QR code (status.url-base) alike; the
 * QR code pointed at 8311 whatever the port was.
 */
class RunScriptTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("backoffice")
            ? Path.of("").toAbsolutePath().getParent() : Path.of("").toAbsolutePath();

    /** The kiosk settings lib.sh gives for a back office on {@code port}, as {@code key → value}. */
    private static Map<String, String> settings(int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "source scripts/lib.sh && backoffice_kiosk_settings \"$0\" KEY",
                String.valueOf(port)).directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        List<String> words = out.lines().toList();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            assertThat(words.get(i)).isEqualTo("--set");
            String[] kv = words.get(i + 1).split("=", 2);
            m.put(kv[0], kv[1]);
        }
        return m;
    }

    @Test
    void theKiosksBackOfficeAndItsReceiptsQrCodeFollowTheBackOfficesPort() throws Exception {
        for (int port : List.of(8311, 18411)) {
            Map<String, String> s = settings(port);
            assertThat(s).containsEntry("backoffice.api-key", "KEY");
            assertThat(URI.create(s.get("backoffice.url")).getPort()).isEqualTo(port);
            assertThat(s.get("backoffice.url")).endsWith(BackOfficeServer.OPEN311 + "/");
            // The phone page's path (phone/PhonePage), where the receipt token is appended.
            assertThat(s.get("status.url-base")).isEqualTo("http://127.0.0.1:" + port + "/status/");
        }
        // scripts/run takes its kiosk settings from there, not from a copy of its own.
        String run = Files.readString(ROOT.resolve("scripts/run"));
        assertThat(run).contains("backoffice_kiosk_settings \"$port\"").doesNotContain("backoffice.url=");
    }
}
