package org.onetrip.kiosk.ui.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.ui.Texts;

/**
 * A service card's "ID card needed" tag names whose card, as the identify screen does ("给谁办事，
 * 就放谁的"). It said "要带本人身份证 / Your own ID card needed" under the 80+ allowance's own "家人可带
 * 老人身份证代办" (screens review 2, finding 4): a son filing for his mother brought, or placed, his own.
 */
class CardNeedTextsTest {
    @ParameterizedTest
    @ValueSource(strings = {"services.need.card", "elders.services.need.card"})
    void theTagSaysTheCardOfThePersonItIsFor(String key) {
        assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).get(key)).contains("办事人").doesNotContain("本人");
        assertThat(new Texts(Locale.ENGLISH).get(key)).contains("person this is for").doesNotContainIgnoringCase("your");
    }
}
