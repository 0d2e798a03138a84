package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A centre without a phone in its profile: no screen tells the resident to call. */
class CentreWithoutPhoneTest extends KioskUiTestBase {

    @Override
    List<String> overrides() {
        return List.of("centre.phone=");
    }

    @Test
    void noScreenAsksToCallANumberItDoesNotShow() {
        awaitScreen("home");
        assertThat(lookup("#help-phone").tryQuery()).isEmpty();
        assertThat(allTexts()).noneMatch(s -> s.contains("电话"));
        interact(() -> ui.flow().outOfService("store"));
        awaitScreen("out-of-service");
        assertThat(lookup("#help-phone").tryQuery()).isEmpty();
        assertThat(allTexts()).noneMatch(s -> s.contains("电话"));
    }
}
