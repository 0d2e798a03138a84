package org.onetrip.kiosk.ui;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The technician's gesture, five taps on the centre's name within three seconds, counts time on
 * the kiosk's clock: a loaded machine delivering clicks slowly does not decide it, the clock does.
 */
class MaintenanceGestureTest extends KioskUiTestBase {

    @Test
    void fiveTapsWithinThreeSecondsOpenThePinScreenAndSlowerTapsDoNot() {
        awaitScreen("home");
        for (int i = 0; i < 4; i++) {
            clickOn("#header-centre");
        }
        clock.advance(Duration.ofMillis(3100)); // the first four are now too old
        clickOn("#header-centre");
        assertOnScreen("home");
        for (int i = 0; i < 3; i++) {
            clickOn("#header-centre");
        }
        assertOnScreen("home"); // four within three seconds
        clickOn("#header-centre");
        awaitScreen("pin");
    }
}
