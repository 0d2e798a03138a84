package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk say} with Debian's espeak-ng, and a missing engine on {@code say} and {@code selftest}. */
class SpeechCliTest {
    @TempDir
    Path data;

    private CliRun kiosk(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--set";
        all[args.length + 1] = "data.dir=" + data;
        return CliRun.of("", all);
    }

    @Test
    void sayWritesAWholeWaveFileInBothLanguages() throws Exception {
        for (String[] c : new String[][] {{"zh-CN", "您的取号是 D 0 1 7"}, {"en", "Your ticket number is D 0 1 7"}}) {
            Path wav = data.resolve("say-" + c[0] + ".wav");
            CliRun r = kiosk("say", c[1], "--lang", c[0], "--out", wav.toString());

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains(wav.toString()).contains(c[0].equals("en") ? "voice en" : "voice cmn");
            byte[] b = Files.readAllBytes(wav);
            ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(b, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            assertThat(h.getInt(4)).as("RIFF size").isEqualTo(b.length - 8); // the real size, not espeak-ng's streaming one
            assertThat(new String(b, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
            assertThat(h.getInt(40)).as("data size").isEqualTo(b.length - 44);
            assertThat(h.getShort(20)).as("PCM").isEqualTo((short) 1);
            assertThat(h.getShort(34)).as("bits").isEqualTo((short) 16);
            int nonZero = 0;
            for (int i = 44; i + 1 < b.length; i += 2) {
                if (h.getShort(i) != 0) {
                    nonZero++;
                }
            }
            assertThat(nonZero).as("non-zero samples").isGreaterThan(h.getInt(24) / 4); // a quarter of a second of sound at least
        }
    }

    @Test
    void sayWithoutTheEngineExits3WithAClearMessage() {
        Path out = data.resolve("none.wav");
        CliRun r = kiosk("say", "你好", "--out", out.toString(), "--set", "speech.espeak-command=/usr/lib/nowhere/espeak-ng");

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("no speech engine").contains("espeak-ng not installed").contains("apt-get install espeak-ng");
        assertThat(out).doesNotExist();
    }

    @Test
    void selftestListsSpeechOfflineWhenTheEngineIsMissing() {
        CliRun r = kiosk("selftest", "--json", "--settle-ms", "200", "--set", "speech.espeak-command=/usr/lib/nowhere/espeak-ng");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().path("speech").path("state").asText()).isEqualTo("OFFLINE");
        assertThat(r.json().path("speech").path("message").asText()).contains("espeak-ng not installed");

        CliRun plain = kiosk("selftest", "--settle-ms", "200", "--set", "speech.espeak-command=/usr/lib/nowhere/espeak-ng");
        assertThat(plain.out()).containsPattern("speech +OFFLINE/CONFIGURATION_ERROR: .*espeak-ng not installed");
    }

    @Test
    void selftestListsSpeechOnlineWithTheEngineAndDisabledWhenSwitchedOff() {
        // espeak-ng tells its version on the speech thread (not on the way to the home screen):
        // selftest waits for it as for any device still starting, up to --settle-ms.
        CliRun r = kiosk("selftest", "--json", "--settle-ms", "20000");
        assertThat(r.json().path("speech").path("state").asText()).as(r.out()).isEqualTo("ONLINE");
        assertThat(r.json().path("speech").path("message").asText()).contains("espeak-ng 1.").contains("aplay");

        CliRun off = kiosk("selftest", "--json", "--settle-ms", "200", "--set", "speech.device=none");
        assertThat(off.json().path("speech").path("detail").asText()).isEqualTo("DISABLED");
    }
}
