package org.onetrip.kiosk.ime.handwriting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading strokes from JSON: both shapes, and mistakes with their line and column. */
class InkJsonTest {

    @Test
    void aBareListIsOnZinniasOwnCanvas() throws Exception {
        Ink ink = InkJson.parse("[[[10,20],[30,40]],[[5,5]]]");
        assertThat(ink.width()).isEqualTo(300);
        assertThat(ink.height()).isEqualTo(300);
        assertThat(ink.strokes()).hasSize(2);
        assertThat(ink.strokes().get(0)).containsExactly(new Ink.Point(10, 20), new Ink.Point(30, 40));
    }

    @Test
    void anObjectCarriesItsCanvas() throws Exception {
        Ink ink = InkJson.parse("{\"character\":\"一\",\"width\":400,\"height\":200,\"strokes\":[[[1.5,2]]]}");
        assertThat(ink.width()).isEqualTo(400);
        assertThat(ink.height()).isEqualTo(200);
        assertThat(ink.strokes().get(0)).containsExactly(new Ink.Point(1.5, 2));
    }

    @Test
    void everyFixtureReads() {
        HandwritingFixtures.ALL.forEach(f -> assertThat(HandwritingFixtures.ink(f[0]).strokes()).isNotEmpty());
    }

    @Test
    void mistakesSayWhere() {
        bad("[[[1,2],[3]]]", 1, 11, "two numbers");
        bad("[[[1,2]],\n  [[1,\"x\"]]]", 2, 7, "two numbers");
        bad("[[]]", 1, 2, "without points");
        bad("[[[1,2,3]]]", 1, 3, "two numbers");
        bad("[[[-1,2]]]", 1, 4, "0 or more");
        bad("{\"width\":400,\"strokes\":[]}", 1, 1, "go together");
        bad("{\"depth\":1}", 1, 10, "unknown key");
        bad("[[[1,2]]] x", 1, 11, "");
        bad("[[[1,2]", 1, 8, "");
        bad("42", 1, 1, "list of strokes");
    }

    private static void bad(String json, int line, int column, String says) {
        assertThatThrownBy(() -> InkJson.parse(json)).as(json).isInstanceOfSatisfying(InkJson.BadInk.class, e -> {
            assertThat(e.line()).as(json + ": " + e.getMessage()).isEqualTo(line);
            assertThat(e.column()).as(json + ": " + e.getMessage()).isEqualTo(column);
            assertThat(e.getMessage()).contains(says);
        });
    }
}
