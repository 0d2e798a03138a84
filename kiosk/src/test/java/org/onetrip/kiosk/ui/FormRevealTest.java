package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TextAreaSkin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;

/**
 * The field being typed stays in view however tall the docked input grows: the line where the
 * text goes (the caret's) always, and the question's label above it when the band leaves room.
 * Before the fix the form was revealed once, when the keyboard docked: the 340 px writing pad
 * (手写) left the label and the first lines above the band, and in the elders' mode the keyboard
 * itself left the label out.
 */
class FormRevealTest extends KioskUiTestBase {
    private static final String FIELD = "#field-content";
    private static final String LABEL = "#card-content .field-label";

    /** The scroll pane's viewport in the scene: the band of the form the resident sees. */
    private static Bounds band(ScrollPane sp) {
        Bounds v = sp.getViewportBounds();
        Bounds s = sp.localToScene(sp.getLayoutBounds());
        return new BoundingBox(s.getMinX(), s.getMinY(), v.getWidth(), v.getHeight());
    }

    /** The caret's line in the scene: the caret of a text area, or a one-line field's whole height. */
    private static Bounds caretLine(TextInputControl field) {
        if (field instanceof TextArea area && area.getSkin() instanceof TextAreaSkin skin) {
            return area.localToScene(skin.getCaretBounds());
        }
        return field.localToScene(field.getLayoutBounds());
    }

    private static boolean inside(Bounds b, Bounds band) {
        return b.getMinY() >= band.getMinY() - 0.5 && b.getMaxY() <= band.getMaxY() + 0.5;
    }

    private static String y(Bounds b) {
        return Math.round(b.getMinY()) + ".." + Math.round(b.getMaxY());
    }

    /** What is wrong with the view of the field now ("" when the caret line and, room permitting, the label show). */
    private String whatIsHidden() {
        laidOut();
        ScrollPane sp = lookup("#form-scroll").query();
        TextInputControl field = lookup(FIELD).query();
        Node label = lookup(LABEL).query();
        Bounds band = band(sp);
        Bounds caret = caretLine(field);
        Bounds l = label.localToScene(label.getLayoutBounds());
        StringBuilder out = new StringBuilder();
        if (caret.getHeight() <= 0 || !inside(caret, band)) {
            out.append("caret line ").append(y(caret)).append(" outside the band ").append(y(band)).append("; ");
        }
        // Room for the label: from its top to the caret line's bottom, with a little margin each end.
        boolean room = caret.getMaxY() - l.getMinY() + 2 * 12 <= band.getHeight();
        if (room && !inside(l, band)) {
            out.append("label ").append(y(l)).append(" outside the band ").append(y(band)).append(" though ")
                    .append(Math.round(caret.getMaxY() - l.getMinY())).append(" px would fit");
        }
        return out.toString();
    }

    private void assertFieldInView(String when) {
        String[] last = {""};
        try {
            await(when + ": the caret line and the label in view", () -> (last[0] = whatIsHidden()).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(when + ": " + last[0], e);
        }
    }

    private void eldersOn() {
        awaitScreen("home");
        tap("#elders-mode");
        await("the elders' mode", () -> lookup("#kiosk").query().getStyleClass().contains("elders"));
    }

    private void writingPad() {
        HandwritingFixtures.requireOnline(kiosk.handwriting());
        tap("#mode-handwriting");
        awaitNode("#handwriting-pad");
    }

    @ParameterizedTest(name = "elders'={0}")
    @ValueSource(booleans = {false, true})
    void theWritingPadKeepsTheFieldsTextLineAndLabelInView(boolean elders) {
        if (elders) {
            eldersOn();
        }
        openSuggestionKeyboard();
        assertFieldInView("keyboard");
        writingPad();
        assertFieldInView("writing pad");
        snapshot(elders ? "form-reveal-elders-handwriting" : "form-reveal-handwriting");
        // Back to the letters: the band grows again, and the field is still there.
        tap("#key-letters");
        await("the letter keys", () -> lookup("#key-a").tryQuery().map(Node::isVisible).orElse(false));
        assertFieldInView("letters again");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void theEldersKeyboardKeepsTheQuestionsLabelInView(String lang) {
        if (lang.equals("en")) {
            awaitScreen("home");
            tap("#language");
            await("English", () -> !ui.flow().texts().isChinese());
        }
        eldersOn();
        openSuggestionKeyboard();
        assertFieldInView("elders' keyboard " + lang);
        snapshot("form-reveal-elders-keyboard-" + lang);
    }

    /**
     * A text area taller than the band (the elders' mode with the writing pad): as the text runs
     * onto its third line, the caret's line is followed, ahead of the label.
     */
    @Test
    void theCaretsLineIsFollowedAsTheTextGrows() {
        eldersOn();
        openSuggestionKeyboard();
        writingPad();
        TextInputControl field = lookup(FIELD).query();
        // What a key or a handwritten candidate does: replace the selection at the caret.
        for (int i = 0; i < 6; i++) {
            interact(() -> field.replaceSelection("小区门口的路灯坏了很久，晚上很黑，老人出门不方便。"));
            assertFieldInView("after " + (i + 1) + " sentences");
        }
        snapshot("form-reveal-elders-long-text");
    }
}
