package org.onetrip.kiosk.ui.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ui.Texts;

/**
 * The elders' mode shortens the identify screen's sentences but keeps their two facts: the card
 * goes on the reader (not "here", which on the screen can only mean the drawing of a card), and it
 * is the card of the person the request is for (a relative often files for an elder). Screens
 * review, finding 9: "把身份证放在这里" / "Put your ID card down" had lost both.
 */
class EldersIdentifyTextsTest {
    private static String zh(String key) {
        return new Texts(Locale.SIMPLIFIED_CHINESE).get(key);
    }

    private static String en(String key) {
        return new Texts(Locale.ENGLISH).get(key);
    }

    @Test
    void theElderPromptPointsAtTheReaderAsTheNormalOneDoes() {
        assertThat(zh("identify.prompt")).contains("读卡处");
        assertThat(zh("elders.identify.prompt")).contains("读卡处").doesNotContain("这里");
        assertThat(en("identify.prompt")).contains("reader");
        assertThat(en("elders.identify.prompt")).contains("reader").doesNotContain("here");
    }

    @Test
    void theEldersStepSaysWhoseCardAsTheNormalOneDoes() {
        assertThat(zh("identify.step.resident")).contains("给谁办事");
        assertThat(zh("elders.identify.step.resident")).contains("给谁办事");
        assertThat(en("identify.step.resident")).contains("person this is for");
        assertThat(en("elders.identify.step.resident")).contains("person this is for").doesNotContain("your ID");
    }
}
