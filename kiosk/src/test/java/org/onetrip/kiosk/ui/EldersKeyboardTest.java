package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * The on-screen keyboard in the elders' mode (长辈模式, issue 12): every key and label on it is at
 * least 1.5× the size it has in the normal mode, like the rest of the screen. The keyboard's own
 * stylesheet (its mode keys, the pinyin composition and candidates) outranks the scene's, where the
 * mode's sizes were; before the fix its mode keys stayed at 24 px among 36 px text.
 */
class EldersKeyboardTest extends KioskUiTestBase {

    /** The font size of every shown labelled node inside the keyboard, by its id (or its text). */
    private Map<String, Double> keyboardFonts() {
        Map<String, Double> out = new LinkedHashMap<>();
        interact(() -> {
            laidOut();
            collect(lookup("#keyboard").query(), out);
        });
        return out;
    }

    private static void collect(Node n, Map<String, Double> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.put(n.getId() != null ? "#" + n.getId() : "text " + l.getText(), l.getFont().getSize());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Keys whose drawn text is not their whole text, or runs past the key's edges. */
    private List<String> cutKeys() {
        List<String> cut = new ArrayList<>();
        interact(() -> {
            laidOut();
            for (Node n : lookup("#keyboard .key").queryAll()) {
                if (!(n instanceof Labeled l) || !shownTree(n) || l.getText() == null || l.getText().isBlank()) {
                    continue;
                }
                for (Node c : l.getChildrenUnmodifiable()) {
                    if (c instanceof javafx.scene.text.Text t && c.isVisible()) {
                        javafx.geometry.Bounds b = t.getBoundsInParent();
                        // Inside the key's content area (its padding and border off), where the skin clips.
                        javafx.geometry.Insets in = l.getInsets();
                        if (!t.getText().equals(l.getText()) || b.getMinY() < in.getTop() - 0.5
                                || b.getMaxY() > l.getHeight() - in.getBottom() + 0.5) {
                            cut.add(l.getText() + " drawn '" + t.getText() + "' " + Math.round(b.getMinY()) + ".."
                                    + Math.round(b.getMaxY()) + " in " + Math.round(l.getHeight()));
                        }
                    }
                }
            }
        });
        return cut;
    }

    /** It and every parent visible (a hidden writing pad's keys are laid out at no width). */
    private static boolean shownTree(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || !p.isManaged() && p != n) {
                return false;
            }
        }
        return true;
    }

    /**
     * The wide keys (Delete, Done) are as wide as the style sheet says (140 px), not just
     * their word's width: in English in the elders' mode "Done" and "Delete" touched their keys'
     * edges, the most used key of the keyboard the most cramped.
     */
    @Test
    void theWideKeysLeaveRoomAroundTheirWordsInEnglishInTheEldersMode() {
        tap("#language");
        await("English", () -> !ui.flow().texts().isChinese());
        tap("#elders-mode");
        await("the elders' mode", () -> lookup("#kiosk").query().getStyleClass().contains("elders"));
        openSuggestionKeyboard();
        List<String> cramped = new ArrayList<>();
        int wide = 0;
        for (Node n : lookup("#keyboard .key-wide").queryAll()) {
            if (!(n instanceof Labeled l) || !shownTree(n)) {
                continue;
            }
            wide++;
            double[] room = new double[1];
            interact(() -> {
                laidOut();
                javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
                t.setFont(l.getFont());
                room[0] = (l.getWidth() - t.getLayoutBounds().getWidth()) / 2;
                if (l.getWidth() < 140 - 0.5) {
                    cramped.add(l.getText() + " " + Math.round(l.getWidth()) + " px wide");
                }
            });
            if (room[0] < 12) {
                cramped.add(l.getText() + " " + Math.round(room[0]) + " px each side of its word");
            }
        }
        snapshot("keyboard-elders-en");
        assertThat(wide).as("wide keys shown (Delete, Done)").isGreaterThanOrEqualTo(2);
        assertThat(cramped).isEmpty();
    }

    @Test
    void everyKeyOfTheKeyboardIsOneAndAHalfTimesLargerInTheEldersMode() {
        openSuggestionKeyboard();
        Map<String, Double> normal = keyboardFonts();
        assertThat(cutKeys()).as("keys whose text does not fit").isEmpty();
        snapshot("keyboard-normal");
        assertThat(normal).containsKey("#key-space");
        assertThat(normal.keySet()).anyMatch(k -> k.startsWith("#mode-")); // the keyboard's own sheet styles these

        interact(() -> ui.flow().home());
        awaitScreen("home");
        tap("#elders-mode");
        await("the elders' mode", () -> lookup("#kiosk").query().getStyleClass().contains("elders"));
        openSuggestionKeyboard();
        Map<String, Double> large = keyboardFonts();
        snapshot("keyboard-elders");
        tap("#mode-handwriting");
        snapshot("keyboard-elders-handwriting");

        List<String> tooSmall = new ArrayList<>();
        int compared = 0;
        for (var e : normal.entrySet()) {
            Double big = large.get(e.getKey());
            if (big != null) {
                compared++;
                if (big < e.getValue() * EldersStyle.SCALE - 0.01) {
                    tooSmall.add(e.getKey() + " " + e.getValue() + " -> " + big);
                }
            }
        }
        assertThat(tooSmall).as("keyboard labels less than 1.5x larger in the elders' mode").isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(10);
        // And each still shows whole inside its key: no "…", nothing cut at the key's edge.
        assertThat(cutKeys()).as("keys whose text does not fit in the elders' mode").isEmpty();
    }
}
