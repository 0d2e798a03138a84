package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;

/**
 * The screens with keys fit the 1280x800 window, in both languages and in the elders' mode: the
 * form with the on-screen keyboard (each of its modes, pinyin candidates shown), with the writing
 * pad, with the keypad, and the technician's PIN screen. The scene's frame (each child of the root)
 * lies within the window, and no button or label outside a scroll pane is drawn past its edges.
 *
 * <p>Before: the Chinese keyboard's top row (拼音 ABC 手写 beside twelve keys) made the frame's least
 * width 44 px more than the window's, and the root centred it, cutting 22 px off each side (the
 * header's "English" at the bezel, the form card's left border gone); the PIN screen was taller than
 * the window (the header's first line and OK cut off), the English form with its keypad 8 px so.
 * The keypad tests also hold each keypad to {@link KeypadGrid}'s grid on the same walk.
 */
class KeyboardFitsWindowTest extends KioskUiTestBase {
    /** What lies outside the window, by state: the first few nodes of each. */
    private final Map<String, String> outside = new TreeMap<>();
    /** Keypads whose keys do not line up or whose labels are off the middle ({@link KeypadGrid}), by state. */
    private final Map<String, List<String>> ragged = new TreeMap<>();

    @Test
    void theKeyboardFitsTheWindowInEachOfItsModesInBothLanguagesAndTheEldersMode() throws Exception {
        for (boolean elders : List.of(false, true)) {
            for (Locale lang : InputScreens.LANGUAGES) {
                String state = InputScreens.visit(this, elders, lang);
                openSuggestionKeyboard();
                check(state + "-keyboard");
                if (lang.getLanguage().equals("zh")) {
                    // Pinyin (the Chinese keyboard's first mode): its candidates take the digits' place.
                    ui.flow().pinyin().converter().get(WAIT.toSeconds() * 6, TimeUnit.SECONDS);
                    for (char c : "xiwang".toCharArray()) {
                        clickOn("#key-" + c);
                    }
                    await("the candidates", () -> lookup("#candidate-0").query().isVisible());
                    check(state + "-keyboard-pinyin");
                    tap("#candidate-0"); // the modes show again once nothing is being typed
                    tap("#mode-latin");
                    check(state + "-keyboard-abc");
                }
            }
        }
        assertThat(outside).as("what lies outside the 1280x800 window").isEmpty();
    }

    @Test
    void theWritingPadFitsTheWindowInTheNormalAndTheEldersMode() {
        HandwritingFixtures.requireOnline(kiosk.handwriting());
        for (boolean elders : List.of(false, true)) {
            String state = InputScreens.visit(this, elders, Locale.SIMPLIFIED_CHINESE);
            openSuggestionKeyboard();
            tap("#mode-handwriting");
            awaitNode("#handwriting-pad");
            check(state + "-handwriting");
        }
        assertThat(outside).as("what lies outside the 1280x800 window").isEmpty();
    }

    @Test
    void theFormWithItsKeypadFitsTheWindowInBothLanguagesAndTheEldersMode() {
        for (boolean elders : List.of(false, true)) {
            for (Locale lang : InputScreens.LANGUAGES) {
                String state = (elders ? "elders-" : "") + lang.getLanguage();
                InputScreens.eachKeypadOfTheForm(this, elders, lang, field -> {
                    check(state + "-keypad-" + field);
                    keypads(state + "-form-" + field);
                });
            }
        }
        assertThat(outside).as("what lies outside the 1280x800 window").isEmpty();
        assertThat(ragged).as("keypads whose keys do not line up or whose labels are off the middle").isEmpty();
    }

    /**
     * The PIN screen in both languages; and in the elders' mode, though the gesture is not reachable
     * there today (the header's title it is made on is hidden): a way to it must find it fitting.
     */
    @Test
    void thePinScreenFitsTheWindowInBothLanguagesAndTheEldersMode() {
        for (boolean elders : List.of(false, true)) {
            for (Locale lang : InputScreens.LANGUAGES) {
                String state = InputScreens.pin(this, elders, lang) + "-pin";
                check(state);
                keypads(state);
            }
        }
        assertThat(outside).as("what lies outside the 1280x800 window").isEmpty();
        assertThat(ragged).as("keypads whose keys do not line up or whose labels are off the middle").isEmpty();
    }

    /** Records how the keypads shown now are laid out (equal columns and rows, labels in the middle). */
    private void keypads(String state) {
        interact(() -> {
            laidOut();
            KeypadGrid.check(lookup(".keypad").queryAll(), state, ragged);
        });
    }

    /** Records what of the current screen lies outside the window, and saves it as fit-STATE.png. */
    private void check(String state) {
        interact(() -> {
            Parent root = laidOut();
            double w = root.getScene().getWidth();
            double h = root.getScene().getHeight();
            StringBuilder found = new StringBuilder();
            for (Node child : root.getChildrenUnmodifiable()) {
                Bounds b = child.localToParent(child.getLayoutBounds());
                if (!within(b, w, h)) {
                    found.append(String.format("frame %s %s; ", child.getClass().getSimpleName(), box(b)));
                }
            }
            walk(root, w, h, found);
            if (found.length() > 0) {
                outside.put(state, found.length() > 600 ? found.substring(0, 600) + "…" : found.toString());
            }
        });
        snapshot("fit-" + state);
    }

    private static void walk(Node n, double w, double h, StringBuilder found) {
        if (!n.isVisible() || n instanceof ScrollPane) {
            return; // a scroll pane cuts its content on purpose
        }
        if (n instanceof ButtonBase || n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && !within(b, w, h)) {
                found.append(describe(n)).append(' ').append(box(b)).append("; ");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, w, h, found);
            }
        }
    }

    private static boolean within(Bounds b, double w, double h) {
        return b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5;
    }

    private static String box(Bounds b) {
        return String.format("x %.0f–%.0f y %.0f–%.0f", b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY());
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        return (n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName()) + text;
    }
}
