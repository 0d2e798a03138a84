package org.onetrip.kiosk.ui;

import java.util.List;

/** {@link ContrastTest} again with the profile's high-contrast theme. */
class HighContrastContrastTest extends ContrastTest {
    @Override
    List<String> overrides() {
        return List.of("ui.theme=high-contrast");
    }

    @Override
    String theme() {
        return "high-contrast";
    }
}
