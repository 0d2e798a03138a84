package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;

/** {@code kiosk ime handwriting}: the characters for a strokes file, and its exit statuses. */
class ImeHandwritingCliTest {
    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        return Files.writeString(dir.resolve(name + ".json"), HandwritingFixtures.text(name));
    }

    @Test
    void printsTheCandidatesLikeliestFirst() throws Exception {
        HandwritingFixtures.zinnia().close();
        CliRun r = CliRun.of("", "ime", "handwriting", fixture("da").toString(), "-n", "5");
        assertThat(r.status()).as(r.err()).isZero();
        String[] chars = r.out().strip().split(" ");
        assertThat(chars).hasSize(5);
        assertThat(chars[0]).isEqualTo("大");
    }

    @Test
    void jsonCarriesScores() throws Exception {
        HandwritingFixtures.zinnia().close();
        CliRun r = CliRun.of("", "ime", "handwriting", fixture("zhong").toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("strokes").asInt()).isEqualTo(4);
        assertThat(j.get("candidates")).hasSize(10);
        assertThat(j.get("candidates").get(0).get("character").asText()).isEqualTo("中");
        assertThat(j.get("candidates").get(0).get("score").isNumber()).isTrue();
    }

    @Test
    void readsABareListFromStandardInput() {
        HandwritingFixtures.zinnia().close();
        // 一 on Zinnia's own 300x300 canvas
        CliRun r = CliRun.of("[[[40,150],[150,150],[260,150]]]", "ime", "handwriting", "-", "-n", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("一");
    }

    @Test
    void badInkIsExit2WithFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[[[1,2]],\n  [[1,\"x\"]]]");
        CliRun r = CliRun.of("", "ime", "handwriting", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith(bad + ":2:7: a point has two numbers");
        CliRun missing = CliRun.of("", "ime", "handwriting", dir.resolve("none.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: cannot read");
    }

    @Test
    void noZinniaIsExit3() throws Exception {
        CliRun r = CliRun.of("", "ime", "handwriting", fixture("da").toString(), "--library", "zinnia-not-installed");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).startsWith("handwriting input: OFFLINE").contains("libzinnia0 not installed");
        CliRun noModel = CliRun.of("", "ime", "handwriting", fixture("da").toString(), "--model", dir.resolve("x.model").toString());
        assertThat(noModel.status()).isEqualTo(3);
        assertThat(noModel.err()).contains("tegaki-zinnia-simplified-chinese");
    }
}
