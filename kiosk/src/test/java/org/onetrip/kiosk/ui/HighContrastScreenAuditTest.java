package org.onetrip.kiosk.ui;

import java.util.List;

/** {@link ScreenAuditTest} in the high-contrast theme: its thicker borders must not cut or crowd anything. */
class HighContrastScreenAuditTest extends ScreenAuditTest {
    @Override
    List<String> overrides() {
        return List.of("ui.theme=high-contrast");
    }
}
