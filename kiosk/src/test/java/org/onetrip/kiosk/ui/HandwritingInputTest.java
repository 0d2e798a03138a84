package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;
import org.onetrip.kiosk.ime.handwriting.Ink;
import org.onetrip.kiosk.ui.keyboard.HandwritingPad;

/**
 * A suggestion under 社情民意 written by hand: the keyboard's 手写 key opens the pad, each character
 * of the fixtures is drawn on it by the robot's pointer (press, drag through the points, release),
 * the real Zinnia reads it, its candidate is tapped, and the text reaches the review screen.
 */
class HandwritingInputTest extends KioskUiTestBase {
    private static final String SUGGESTION = "工人上工";

    @BeforeEach
    void zinnia() {
        HandwritingFixtures.requireOnline(kiosk.handwriting());
    }

    private void openSuggestionText() {
        openSuggestionText(false);
    }

    private void openSuggestionText(boolean english) {
        awaitScreen("home");
        if (english) {
            tap("#language");
            await("English", () -> !ui.flow().texts().isChinese());
        }
        tap("#tile-opinion");
        awaitScreen("services");
        tap("#service-suggestion");
        awaitScreen("form");
        ServiceDefinition s = kiosk.catalog().service("suggestion").orElseThrow();
        tap("#choice-topic-" + s.attributes().stream().filter(a -> a.code().equals("topic")).findFirst().orElseThrow()
                .values().get(0).key());
        tap("#field-content");
        awaitNode("#keyboard");
    }

    /** Draws the fixture's strokes on the pad with the robot, scaled from its canvas to the pad's. */
    private void writeByHand(String character) {
        Ink ink = HandwritingFixtures.ink(HandwritingFixtures.nameOf(character));
        Node canvas = awaitNode("#hw-canvas");
        double scale = canvas.getBoundsInLocal().getWidth() / ink.width();
        for (List<Ink.Point> stroke : ink.strokes()) {
            moveTo(onCanvas(canvas, stroke.get(0), scale));
            press(MouseButton.PRIMARY);
            for (Ink.Point p : stroke.subList(1, stroke.size())) {
                moveTo(onCanvas(canvas, p, scale));
            }
            release(MouseButton.PRIMARY);
        }
    }

    private Point2D onCanvas(Node canvas, Ink.Point p, double scale) {
        Point2D[] at = new Point2D[1];
        interact(() -> at[0] = canvas.localToScreen(p.x() * scale, p.y() * scale));
        return at[0];
    }

    private HandwritingPad pad() {
        return (HandwritingPad) lookup("#handwriting-pad").query();
    }

    /** Taps the candidate button showing {@code character}, once the recognizer has offered it among the first three. */
    private void choose(String character) {
        await(character + " among the first three candidates", () -> {
            List<String> c = pad().candidates();
            return c.subList(0, Math.min(3, c.size())).contains(character);
        });
        int i = onFxList(() -> pad().candidates()).indexOf(character);
        tap("#hw-candidate-" + i);
    }

    private List<String> onFxList(java.util.concurrent.Callable<List<String>> c) {
        @SuppressWarnings("unchecked")
        List<String>[] out = new List[1];
        interact(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out[0];
    }

    @Test
    void aSuggestionWrittenByHandReachesTheReview() {
        openSuggestionText();
        tap("#mode-handwriting");
        awaitNode("#handwriting-pad");
        snapshot("handwriting-pad");
        for (int i = 0; i < SUGGESTION.length(); i++) {
            String ch = SUGGESTION.substring(i, i + 1);
            writeByHand(ch);
            if (i == 0) {
                await("candidates", () -> !pad().candidates().isEmpty());
                snapshot("handwriting-candidates");
            }
            choose(ch);
            String typed = SUGGESTION.substring(0, i + 1);
            await("the field holds " + typed, () -> ((TextInputControl) lookup("#field-content").query()).getText().equals(typed));
            // the pad is empty for the next character
            await("pad cleared", () -> pad().ink().isEmpty() && pad().candidates().isEmpty());
        }
        tap("#hw-done");
        tap("#next");
        awaitScreen("review");
        assertThat(allTexts()).anySatisfy(t -> assertThat(t).contains(SUGGESTION));
        assertThat(ui.flow().session().values().get("content")).isEqualTo(SUGGESTION);
    }

    @Test
    void undoTakesTheLastStrokeAndClearTakesAll() {
        openSuggestionText();
        tap("#mode-handwriting");
        writeByHand("十");
        await("十 first", () -> pad().candidates().get(0).equals("十"));
        tap("#hw-undo");
        await("one stroke left, read as 一", () -> pad().ink().strokes().size() == 1 && pad().candidates().get(0).equals("一"));
        tap("#hw-clear");
        await("nothing written, nothing offered", () -> pad().ink().isEmpty() && pad().candidates().isEmpty());
        // the candidate keys are big enough for a finger, their characters big enough to read
        Button key = (Button) lookup("#hw-candidate-0").query();
        assertThat(key.getHeight()).isGreaterThanOrEqualTo(80);
        assertThat(key.getFont().getSize()).isGreaterThanOrEqualTo(36);
        assertThat(lookup("#hw-canvas").query().getBoundsInLocal().getWidth()).isGreaterThanOrEqualTo(320);
        // back to the letters: the keys again, and they still type
        tap("#key-letters");
        tap("#key-a");
        await("a typed", () -> ((TextInputControl) lookup("#field-content").query()).getText().equals("a"));
    }

    @Test
    void theEnglishKeyboardHasNoHandwritingKey() {
        openSuggestionText(true);
        assertThat(lookup("#mode-handwriting").tryQuery()).isEmpty();
    }
}
