package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/**
 * The high-contrast switch on home (issue 12): one tap turns the whole kiosk black, white and
 * yellow for the visit; the visit's end (home, or the idle time-out, which goes home) brings the
 * profile's theme back.
 */
class ThemeSwitchTest extends KioskUiTestBase {

    @Test
    void oneTapOnHomeSwitchesToHighContrastForTheVisitAndTheVisitsEndSwitchesBack() {
        awaitScreen("home");
        assertThat(highContrastShown()).isFalse();

        tap("#theme-toggle");
        await("the high-contrast theme", this::highContrastShown);
        assertThat(onFx(() -> ((ToggleButton) lookup("#theme-toggle").query()).isSelected(), end())).isTrue();

        // It lasts while the resident moves through the screens...
        tap("#tile-party");
        awaitScreen("services");
        assertThat(highContrastShown()).isTrue();

        // ...and ends with the visit.
        tap("#home");
        awaitScreen("home");
        await("the normal theme again", () -> !highContrastShown());
        assertThat(onFx(() -> ((ToggleButton) lookup("#theme-toggle").query()).isSelected(), end())).isFalse();
    }

    private boolean highContrastShown() {
        return onFx(() -> {
            var scene = lookup("#kiosk").query().getScene();
            return scene.getRoot().getStyleClass().contains(Theme.HIGH_CONTRAST_CLASS)
                    && scene.getStylesheets().stream().anyMatch(s -> s.endsWith(Theme.HIGH_CONTRAST_STYLESHEET));
        }, end());
    }

    private static long end() {
        return System.nanoTime() + WAIT.toNanos();
    }
}
