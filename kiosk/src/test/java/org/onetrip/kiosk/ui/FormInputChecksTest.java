package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * The form shows the catalogue validator's refusals beside the field: a date outside the field's
 * range, and text holding a bidi override. The values are put in the session as the inputs put
 * them, so the test does not depend on how a date or a text is entered.
 */
class FormInputChecksTest extends KioskUiTestBase {

    @Test
    void aMarriageDateIn2999AndABidiOverrideAreRefusedBesideTheirFields() {
        openForm("livelihood", "birth-registration", FictionalCards.LAI_JIAJIA);
        interact(() -> {
            ui.flow().session().values().put("marriage_date", "2999-01-01");
            ui.flow().session().values().put("spouse_name", "张\u202E三");
        });
        tap("#next");
        assertOnScreen("form");
        assertThat(text("#error-marriage_date")).startsWith("日期不能晚于").doesNotContain("{");
        assertThat(text("#error-spouse_name")).isEqualTo("含有不能使用的字符（如看不见的控制字符），请删除后重新输入");
        snapshot("form-refused-date-and-bidi");
    }
}
