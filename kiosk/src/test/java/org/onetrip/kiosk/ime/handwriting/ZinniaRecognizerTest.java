package org.onetrip.kiosk.ime.handwriting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;

/** The Zinnia adapter with Debian's real library and model, on the fixtures' strokes. */
class ZinniaRecognizerTest {
    private static ZinniaRecognizer zinnia;

    @BeforeAll
    static void open() {
        zinnia = HandwritingFixtures.zinnia();
    }

    @AfterAll
    static void close() {
        if (zinnia != null) {
            zinnia.close();
        }
    }

    static Stream<Arguments> fixtures() {
        return HandwritingFixtures.ALL.stream().map(f -> Arguments.of(f[0], f[1]));
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @MethodSource("fixtures")
    void eachFixtureIsReadAsItsCharacterAmongTheFirstThree(String name, String character) {
        List<Candidate> c = zinnia.recognise(HandwritingFixtures.ink(name), 10);
        assertThat(c).hasSize(10);
        assertThat(c.subList(0, 3)).extracting(Candidate::character).contains(character);
        // likeliest first
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.get(i).score()).isLessThanOrEqualTo(c.get(i - 1).score());
        }
    }

    @Test
    void theCanvasSizeDoesNotMatterOnlyTheShape() {
        // 大 written on a 400 px pad, then the same strokes on a 1000 px pad at 2.5x: the same answer.
        Ink small = HandwritingFixtures.ink("da");
        List<List<Ink.Point>> big = new ArrayList<>();
        for (List<Ink.Point> s : small.strokes()) {
            big.add(s.stream().map(p -> new Ink.Point(p.x() * 2.5, p.y() * 2.5)).toList());
        }
        assertThat(zinnia.recognise(new Ink(1000, 1000, big), 3)).extracting(Candidate::character)
                .isEqualTo(zinnia.recognise(small, 3).stream().map(Candidate::character).toList());
    }

    @Test
    void strokesAddUpOneAtATime() {
        // 十's first stroke alone is 一, both are 十: the pad asks after every stroke.
        Ink shi = HandwritingFixtures.ink("shi");
        assertThat(zinnia.recognise(shi.withoutLastStroke(), 1).get(0).character()).isEqualTo("一");
        assertThat(zinnia.recognise(shi, 1).get(0).character()).isEqualTo("十");
    }

    @Test
    void emptyInkGivesNothing() {
        assertThat(zinnia.recognise(new Ink(400, 400, List.of()), 10)).isEmpty();
    }

    @Test
    void aMissingLibraryIsAStatusNotACrash() {
        ZinniaRecognizer none = ZinniaRecognizer.open("zinnia-not-installed", ZinniaRecognizer.DEBIAN_MODEL);
        assertThat(none.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(none.status().message()).startsWith("libzinnia0 not installed");
        assertThat(none.recognise(HandwritingFixtures.ink("da"), 5)).isEmpty();
        none.close();
    }

    @Test
    void aMissingModelIsAStatusNotACrash(@org.junit.jupiter.api.io.TempDir Path dir) {
        ZinniaRecognizer none = ZinniaRecognizer.open(ZinniaRecognizer.DEBIAN_LIBRARY, dir.resolve("none.model"));
        assertThat(none.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(none.status().message()).contains("tegaki-zinnia-simplified-chinese");
        assertThat(none.recognise(HandwritingFixtures.ink("da"), 5)).isEmpty();
    }

    @Test
    void aFileThatIsNoModelIsAStatus(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.model"), "not a model");
        ZinniaRecognizer none = ZinniaRecognizer.open(ZinniaRecognizer.DEBIAN_LIBRARY, junk);
        assertThat(none.isOnline()).isFalse();
        assertThat(none.status().message()).contains("cannot be opened");
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedRecognizerReadsNothing() {
        ZinniaRecognizer z = HandwritingFixtures.zinnia();
        z.close();
        z.close();
        assertThat(z.recognise(HandwritingFixtures.ink("da"), 5)).isEmpty();
    }

    @Test
    void onDemandOpensTheModelOnlyWhenNeededAndReleaseGivesItBack() {
        HandwritingFixtures.requireOnline(zinnia);
        ZinniaRecognizer z = ZinniaRecognizer.onDemand();
        try {
            assertThat(z.isOnline()).isTrue();
            assertThat(z.status().message()).contains("opens on first use");
            assertThat(z.isModelOpen()).isFalse();
            assertThat(z.library()).as("JNA not even loaded for the check").isNull();
            assertThat(z.recognise(HandwritingFixtures.ink("da"), 3)).extracting(Candidate::character).contains("大");
            assertThat(z.isModelOpen()).isTrue();
            z.release();
            assertThat(z.isModelOpen()).isFalse();
            assertThat(z.isOnline()).isTrue();
            z.prepare();
            assertThat(z.isModelOpen()).isTrue();
            assertThat(z.recognise(HandwritingFixtures.ink("shi"), 1).get(0).character()).isEqualTo("十");
        } finally {
            z.close();
        }
        assertThat(z.isModelOpen()).isFalse();
        assertThat(z.recognise(HandwritingFixtures.ink("da"), 3)).as("closed for good").isEmpty();
        assertThat(z.isModelOpen()).isFalse();
    }

    @Test
    void onDemandSaysWhatIsMissingWithoutOpeningAnything(@org.junit.jupiter.api.io.TempDir Path dir) {
        ZinniaRecognizer noLibrary = ZinniaRecognizer.onDemand("zinnia-not-installed", ZinniaRecognizer.DEBIAN_MODEL);
        assertThat(noLibrary.status().detail()).isEqualTo(StatusDetail.GONE);
        assertThat(noLibrary.status().message()).startsWith("libzinnia0 not installed");
        ZinniaRecognizer noModel = ZinniaRecognizer.onDemand(ZinniaRecognizer.DEBIAN_LIBRARY, dir.resolve("none.model"));
        assertThat(noModel.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(noModel.status().message()).contains("tegaki-zinnia-simplified-chinese");
        assertThat(noModel.isModelOpen()).isFalse();
    }
}
