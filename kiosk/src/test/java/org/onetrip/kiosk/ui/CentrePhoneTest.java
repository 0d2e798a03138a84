package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Where a resident is told to call the centre, the centre's number is shown (issue 10). */
class CentrePhoneTest extends KioskUiTestBase {

    @Test
    void homeAndOutOfServiceShowTheNumberToCallInBothLanguages() {
        awaitScreen("home");
        assertThat(text("#help-phone")).isEqualTo("需要帮忙，请打服务中心电话 0593-7800000");
        interact(() -> ui.flow().texts().localeProperty().set(Locale.ENGLISH));
        await("English", () -> text("#help-phone").equals("Need help? Call the service centre on 0593-7800000"));

        interact(() -> ui.flow().outOfService("store"));
        awaitScreen("out-of-service");
        assertThat(text("#help-phone")).endsWith("0593-7800000");
        snapshot("centre-phone-out-of-service");
    }
}
