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

    /**
     * The out-of-service screen sends residents to the windows "在上班时间 / during office hours":
     * it shows those hours, in the screen's language, as the receipt prints them. At night a resident
     * sent away had no receipt and no hours, and might come back on a Saturday (screens review 2, 3).
     */
    @Test
    void outOfServiceShowsTheWindowsHoursInBothLanguages() {
        awaitScreen("home");
        for (String device : java.util.List.of("store", "other")) {
            interact(() -> ui.flow().outOfService(device));
            awaitScreen("out-of-service");
            assertThat(text("#oos-still")).contains("上班时间");
            assertThat(text("#centre-hours")).isEqualTo(kiosk.config().centreHours(Locale.SIMPLIFIED_CHINESE)).contains("8:00");
            interact(() -> ui.flow().texts().localeProperty().set(Locale.ENGLISH));
            await("English", () -> text("#centre-hours").equals(kiosk.config().centreHours(Locale.ENGLISH)));
            snapshot("centre-hours-out-of-service-" + device);
            interact(() -> ui.flow().texts().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        }
    }
}
