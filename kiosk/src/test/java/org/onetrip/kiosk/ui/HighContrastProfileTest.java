package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/** A profile with {@code ui.theme=high-contrast}: the kiosk starts in it, and a visit may switch it off. */
class HighContrastProfileTest extends KioskUiTestBase {
    @Override
    List<String> overrides() {
        return List.of("ui.theme=high-contrast");
    }

    @Test
    void theProfilesThemeShowsFromTheStartAndComesBackAfterAVisitSwitchedItOff() {
        awaitScreen("home");
        await("the high-contrast theme", () -> isHighContrast());
        assertThat(onFx(() -> ((ToggleButton) lookup("#theme-toggle").query()).isSelected(), end())).isTrue();
        tap("#theme-toggle");
        await("the normal theme for this visit", () -> !isHighContrast());
        tap("#tile-economy");
        awaitScreen("services");
        tap("#home");
        awaitScreen("home");
        await("the profile's theme again", this::isHighContrast);
    }

    private boolean isHighContrast() {
        return onFx(() -> lookup("#kiosk").query().getStyleClass().contains(Theme.HIGH_CONTRAST_CLASS), end());
    }

    private static long end() {
        return System.nanoTime() + WAIT.toNanos();
    }
}
