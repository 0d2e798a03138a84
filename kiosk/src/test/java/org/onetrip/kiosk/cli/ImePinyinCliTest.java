package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiosk ime pinyin}: the keyboard's candidates without a screen, with Debian's data; exit 2
 * on input that is not pinyin, 3 when the data is missing; selftest says so.
 */
class ImePinyinCliTest {
    @TempDir
    Path data;

    private CliRun kiosk(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--set";
        all[args.length + 1] = "data.dir=" + data;
        return CliRun.of("", all);
    }

    @Test
    void printsTheFirstPageBestFirst() {
        CliRun r = kiosk("ime", "pinyin", "xiwang");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("xiwang  page 1 of ").contains("1. 希望  (xi wang)");
    }

    @Test
    void jsonAndPagesAndWhatIsLeftToConvert() {
        CliRun first = kiosk("ime", "pinyin", "guojia", "--json");
        assertThat(first.status()).as(first.err()).isZero();
        JsonNode j = first.json();
        assertThat(j.path("candidates").get(0).path("text").asText()).isEqualTo("国家");
        assertThat(j.path("candidates")).hasSize(6);
        assertThat(j.path("pages").asInt()).isGreaterThan(1);
        JsonNode second = kiosk("ime", "pinyin", "guojia", "--json", "--page", "2").json();
        assertThat(second.path("page").asInt()).isEqualTo(2);
        assertThat(second.path("candidates").get(0).path("text").asText()).isNotEqualTo("国家");
        JsonNode single = kiosk("ime", "pinyin", "guojia", "--json", "--page", String.valueOf(j.path("pages").asInt())).json();
        JsonNode last = single.path("candidates").get(single.path("candidates").size() - 1);
        assertThat(last.path("rest").asText()).as("a single character leaves the rest").isNotEmpty();
    }

    @Test
    void inputThatIsNotPinyinIsRefusedWithExit2() {
        CliRun r = kiosk("ime", "pinyin", "ni hao");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not pinyin");
        assertThat(kiosk("ime", "pinyin", "xiwang", "--page", "0").status()).isEqualTo(2);
    }

    @Test
    void missingDataIsExit3AndASelftestLine(@TempDir Path empty) {
        CliRun r = kiosk("ime", "pinyin", "xiwang", "--set", "ime.rime-data=" + empty);
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("OFFLINE").contains("rime-data-luna-pinyin not installed");
        CliRun s = kiosk("selftest", "--settle-ms", "500", "--set", "ime.rime-data=" + empty);
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.out()).containsPattern("pinyin +OFFLINE/GONE: rime-data-luna-pinyin not installed");
        CliRun ok = kiosk("selftest", "--json", "--settle-ms", "500");
        assertThat(ok.json().path("pinyin").path("state").asText()).as(ok.out()).isEqualTo("ONLINE");
    }

    /** {@code ime prepare}: makes the kiosk's cache, leaves a fresh one, makes a corrupt one again. */
    @Test
    void prepareMakesTheCacheAndLeavesAFreshOne() throws Exception {
        Path file = data.resolve("c").resolve(org.onetrip.kiosk.ime.pinyin.PinyinCache.FILE);
        CliRun made = kiosk("ime", "prepare", "--out", file.toString());
        assertThat(made.status()).as(made.err()).isZero();
        assertThat(made.out()).contains("none yet").contains(" made: 351");
        CliRun fresh = kiosk("ime", "prepare", "--out", file.toString());
        assertThat(fresh.out()).as(fresh.err()).contains("is fresh");
        java.nio.file.Files.write(file, new byte[] {0, 1, 2, 3});
        CliRun again = kiosk("ime", "prepare", "--out", file.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("not a pinyin cache").contains(" made: ");
        CliRun missing = kiosk("ime", "prepare", "--set", "ime.rime-data=" + data.resolve("none"));
        assertThat(missing.status()).isEqualTo(3);
    }
}
