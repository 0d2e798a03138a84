package org.onetrip.kiosk.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.ui.Texts;

/**
 * The status screen shows a request's state and, under it, the next step: the step says what to do,
 * it does not say the state again. A rejected request read "没能办成" and then "没能办成，请到窗口问问原因"
 * (and in English "Could not be granted" twice); one in progress "正在办" then "正在办，请耐心等一等".
 */
class StatusTextsTest {

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void theNextStepDoesNotRepeatTheState(RequestStatus s) {
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Texts t = new Texts(l);
            String state = t.get("request.status." + s.wire());
            String next = t.get("status.next." + s.wire());
            assertThat(next).as("%s %s: the next step under the state \"%s\"", l, s, state)
                    .isNotBlank().doesNotContainIgnoringCase(state);
        }
    }
}
