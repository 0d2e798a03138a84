package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/**
 * A suggestion under 社情民意 typed in pinyin on the on-screen keyboard, with Debian's dictionary
 * (rime-data-luna-pinyin, rime-essay, OpenCC), reaches the review screen; and the English keyboard
 * has neither pinyin nor the Chinese-only keys.
 */
class PinyinTypingTest extends KioskUiTestBase {

    private void openSuggestion() {
        awaitScreen("home");
        tap("#tile-opinion");
        awaitScreen("services");
        tap("#service-suggestion");
        awaitScreen("form");
        tap("#choice-topic-traffic");
        tap("#field-content");
        await("the keyboard", () -> lookup("#keyboard").tryQuery().isPresent());
    }

    /**
     * Waits for the dictionary the keyboard started loading (once per process; seconds on an idle
     * machine, much longer on a loaded CI one).
     */
    private void awaitDictionary() throws Exception {
        ui.flow().pinyin().converter().get(WAIT.toSeconds() * 6, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void letters(String s) {
        for (char c : s.toCharArray()) {
            clickOn("#key-" + c);
        }
    }

    /** Waits until the first candidate shown is {@code text}: the dictionary may still be loading. */
    private void awaitFirst(String text) {
        await("first candidate " + text + " (composition: " + safeText("#composition") + ")",
                () -> lookup("#candidate-0").tryQuery().map(n -> n.isVisible() && text.equals(text("#candidate-0"))).orElse(false));
    }

    private String safeText(String q) {
        return lookup(q).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("-");
    }

    /** Taps the candidate reading {@code text}, paging forward until it shows. */
    private void pick(String text) {
        for (int page = 0; page < 10; page++) {
            for (int i = 0; i < 6; i++) {
                Node n = lookup("#candidate-" + i).query();
                if (n.isVisible() && text.equals(text("#candidate-" + i))) {
                    clickOn(n);
                    return;
                }
            }
            clickOn("#candidate-next");
        }
        throw new AssertionError(text + " not in the first 10 pages of candidates");
    }

    @Test
    void aSuggestionTypedInPinyinReachesTheReview() throws Exception {
        openSuggestion();
        awaitDictionary();
        assertThat(((javafx.scene.control.ToggleButton) lookup("#mode-pinyin").query()).isSelected())
                .as("a Chinese keyboard starts in pinyin").isTrue();
        letters("xiwang");
        awaitFirst("希望");
        assertThat(text("#composition")).isEqualTo("xiwang");
        assertThat(text("#field-content")).isEmpty();
        tap("#candidate-0");
        await("希望 typed", () -> "希望".equals(text("#field-content")));
        assertThat(text("#composition")).isEmpty();
        // Two words at once: 增加 is chosen and 路灯's letters stay to be converted.
        letters("zengjialudenk");
        await("the composition", () -> "zengjialudenk".equals(text("#composition")));
        clickOn("#key-backspace"); // a wrong letter goes from the composition, not from the field
        letters("g");
        await("the composition", () -> "zengjialudeng".equals(text("#composition")));
        pick("增加");
        await("增加 typed", () -> "希望增加".equals(text("#field-content")));
        assertThat(text("#composition")).isEqualTo("ludeng");
        awaitFirst("路灯");
        clickOn("#key-space"); // space takes the first candidate
        await("路灯 typed", () -> "希望增加路灯".equals(text("#field-content")));
        // Paging: a later page of a common syllable, and back.
        letters("shi");
        awaitFirst("是");
        String first = text("#candidate-0");
        clickOn("#candidate-next");
        await("page 2", () -> !first.equals(text("#candidate-0")));
        clickOn("#candidate-previous");
        awaitFirst("是");
        clickOn("#key-。"); // punctuation commits the first candidate, then itself
        await("是。 typed", () -> "希望增加路灯是。".equals(text("#field-content")));
        clickOn("#key-backspace");
        clickOn("#key-backspace");
        await("the field lost two characters", () -> "希望增加路灯".equals(text("#field-content")));
        clickOn("#key-done"); // the keyboard goes, and Next shows again
        tap("#next");
        awaitScreen("review");
        assertThat(allTexts()).anyMatch(s -> s.contains("希望增加路灯"));
        assertThat(ui.flow().session().values()).containsEntry("content", "希望增加路灯");
    }

    @Test
    void theEnglishKeyboardHasNoPinyinAndNoChineseKeys() {
        awaitScreen("home");
        tap("#language");
        openSuggestion();
        assertThat(lookup("#mode-pinyin").tryQuery()).isEmpty();
        assertThat(lookup("#pinyin-bar").tryQuery()).isEmpty();
        for (String k : new String[] {"号", "楼", "室", "，", "。"}) {
            assertThat(lookup("#key-" + k).tryQuery()).as(k).isEmpty();
        }
        letters("ok");
        await("letters typed as they are", () -> "ok".equals(text("#field-content")));
    }
}
