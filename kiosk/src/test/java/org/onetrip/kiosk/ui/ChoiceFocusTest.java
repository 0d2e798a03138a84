package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * A choice not made never looks made. Next with the child's order missing put the focus on its
 * first answer, whose heavy focus ring read as "chosen" beside "此项必须填写" (screens review,
 * finding 7); an answer tapped off kept the same ring. Now the question takes the focus, an answer
 * shows its ring only when the keys brought the focus there, and Tab, the arrows and Space still
 * answer it. {@link HighContrastChoiceFocusTest} runs it in the high-contrast theme.
 */
class ChoiceFocusTest extends KioskUiTestBase {
    private static final String FIRST = "#choice-child_order-first";
    private static final String SECOND = "#choice-child_order-second";

    String theme() {
        return "";
    }

    /** The border an answer is drawn with now (its ring, when it shows one): each stroke's colour, width and inset. */
    private String border(String query) {
        Border[] b = new Border[1];
        interact(() -> {
            laidOut();
            b[0] = ((Region) lookup(query).query()).getBorder();
        });
        return b[0] == null ? "none" : b[0].getStrokes().stream()
                .map(s -> s.getTopStroke() + " " + s.getWidths().getTop() + " px at " + s.getInsets().getTop())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String focusId() {
        Node[] f = new Node[1];
        interact(() -> f[0] = lookup("#kiosk").query().getScene().getFocusOwner());
        return f[0] == null ? "" : String.valueOf(f[0].getId());
    }

    private void birthRegistration(String lang) {
        awaitScreen("home");
        if (lang.equals("en")) {
            tap("#language");
            await("English", () -> !ui.flow().texts().isChinese());
        }
        openForm("livelihood", "birth-registration", FictionalCards.OUYANG_ELDER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void nextWithAChoiceMissingFocusesTheQuestionAndNoAnswerLooksChosen(String lang) {
        birthRegistration(lang);
        String unchosen = border(SECOND);
        // Everything but the child's order.
        tap("#field-marriage_date");
        tap("#date-ok");
        tap("#choice-hukou-both_local");
        tap("#field-phone");
        typeOnPad("13800138000");
        tap("#next");
        assertThat(text("#error-child_order")).isNotEmpty();
        assertThat(focusId()).as("the focus after Next").isEqualTo("card-child_order");
        assertThat(border(FIRST)).as("the first answer drawn as one not chosen").isEqualTo(unchosen);
        assertThat(border(SECOND)).isEqualTo(unchosen);
        snapshot("choice-focus-after-next-" + lang + theme());

        // A keyboard user goes on from the question: Tab to the first answer, which shows its ring
        // now; Space chooses it; an arrow moves the choice to the next answer, as between radio
        // buttons (JavaFX's ToggleButtonBehavior selects the toggle it moves to in a group).
        type(KeyCode.TAB);
        await("Tab to the first answer", () -> lookup(FIRST).query().isFocused());
        assertThat(lookup(FIRST).query().isFocusVisible()).isTrue();
        assertThat(border(FIRST)).as("the ring of an answer the keys reached").isNotEqualTo(unchosen);
        type(KeyCode.SPACE);
        await("Space chooses the first answer", () -> "first".equals(ui.flow().session().values().get("child_order")));
        type(KeyCode.RIGHT);
        await("an arrow to the second answer", () -> lookup(SECOND).query().isFocused());
        await("the second answer chosen", () -> "second".equals(ui.flow().session().values().get("child_order")));
        assertThat(text("#error-child_order")).isEmpty();
        assertThat(border(FIRST)).isEqualTo(unchosen);
        snapshot("choice-focus-by-keys-" + lang + theme());
    }

    @Test
    void anAnswerTappedOffLooksLikeOneNeverChosen() {
        birthRegistration("zh");
        String unchosen = border(SECOND);
        tap(FIRST);
        await("chosen", () -> "first".equals(ui.flow().session().values().get("child_order")));
        assertThat(border(FIRST)).isNotEqualTo(unchosen);
        tap(FIRST);
        await("not chosen", () -> !ui.flow().session().values().containsKey("child_order"));
        assertThat(lookup(FIRST).query().isFocused()).isTrue();
        assertThat(border(FIRST)).as("an answer tapped off, still holding the focus").isEqualTo(unchosen);
    }
}
