package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;

/** The idle timeout wipes the session; every screen works from a keyboard; the language switch applies at once. */
class IdleAndKeyboardTest extends KioskUiTestBase {

    private void toFormWithCard() {
        awaitScreen("home");
        tap("#tile-livelihood");
        tap("#service-residence-certificate");
        awaitScreen("identify");
        reader().place(FictionalCards.OUYANG_ELDER);
        awaitScreen("form");
        tap("#field-phone");
        typeOnPad("13800138000");
        assertThat(ui.flow().session().values()).containsEntry("phone", "13800138000");
    }

    @Test
    void idleTimeoutWarnsWithACountdownThenWipesTheSession() {
        toFormWithCard();
        // timeout 60 s, warning 20 s: at 41 s the countdown shows.
        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", () -> lookup("#idle-overlay").query().isVisible());
        assertThat(text("#idle-countdown")).contains("19");
        snapshot("12-idle-warning");
        tap("#more-time");
        await("the warning to go", () -> !lookup("#idle-overlay").query().isVisible());
        assertOnScreen("form");
        assertThat(ui.flow().session().resident()).isNotNull();

        clock.advance(Duration.ofSeconds(61));
        awaitScreen("home");
        assertThat(ui.flow().session().isEmpty()).isTrue();
        assertThat(ui.flow().session().resident()).isNull();
        assertThat(allTexts()).noneMatch(s -> s.contains("欧阳") || s.contains("13800138000")
                || s.contains(FictionalCards.OUYANG_ELDER.address()));
        assertThat(lookup("#idle-overlay").query().isVisible()).isFalse();
    }

    @Test
    void homeGivesWayToTheAttractScreenAndATouchWakesIt() {
        awaitScreen("home");
        clock.advance(Duration.ofSeconds(121));
        awaitScreen("attract");
        snapshot("13-attract");
        clickOn("#attract");
        awaitScreen("home");
    }

    @Test
    void everyStepWorksFromAKeyboard() {
        awaitScreen("home");
        // The first tile has focus: Enter opens it; Esc goes back.
        type(KeyCode.ENTER);
        awaitScreen("services");
        type(KeyCode.ESCAPE);
        awaitScreen("home");
        // Tab moves between tiles.
        type(KeyCode.TAB);
        type(KeyCode.TAB);
        type(KeyCode.TAB);
        type(KeyCode.ENTER);
        awaitScreen("services");
        assertThat(lookup(".service").queryAll()).isNotEmpty();
        type(KeyCode.ESCAPE);
        awaitScreen("home");
        // Hazard report: Tab reaches the fields too; letters come from the on-screen keyboard
        // (Monocle's headless robot delivers key presses, not typed characters).
        tap("#tile-opinion");
        awaitScreen("services");
        tap("#service-hazard-report");
        awaitScreen("form");
        tap("#field-location");
        typeOnPad("gate3");
        await("typed text", () -> "gate3".equals(text("#field-location")));
        assertThat(ui.flow().session().values()).containsEntry("location", "gate3");
        // The first Esc puts the docked keyboard away, the second goes back.
        type(KeyCode.ESCAPE);
        await("the keyboard to go", () -> lookup("#keyboard").tryQuery().isEmpty());
        assertOnScreen("form");
        type(KeyCode.ESCAPE);
        awaitScreen("services");
    }

    @Test
    void theLanguageSwitchAppliesAtOnceAndKeepsWhatWasEntered() {
        toFormWithCard();
        tap("#language");
        await("English texts", () -> allTexts().contains("Please fill in the details; fields marked * are required"));
        assertOnScreen("form");
        assertThat(text("#field-phone")).isEqualTo("13800138000");
        assertThat(text("#resident-name")).isEqualTo("欧阳秀英");
        snapshot("14-form-english");
        tap("#language");
        await("Chinese texts", () -> allTexts().contains("请填写下面的内容，带 * 的一定要填"));
        // Home returns to the kiosk's language.
        tap("#language");
        tap("#home");
        awaitScreen("home");
        assertThat(allTexts()).contains("您好，您要办什么事？");
    }
}
