package org.onetrip.kiosk.ui;

import java.util.List;

/** {@link ChoiceFocusTest} again with the profile's high-contrast theme. */
class HighContrastChoiceFocusTest extends ChoiceFocusTest {
    @Override
    List<String> overrides() {
        return List.of("ui.theme=high-contrast");
    }

    @Override
    String theme() {
        return "-high-contrast";
    }
}
