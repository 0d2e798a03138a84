package org.onetrip.kiosk.ui.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onetrip.kiosk.proxy.AgentCheck;
import org.onetrip.kiosk.ui.Texts;

/** Every reason the registry refuses an agent's card is worded for the person at the kiosk, in both languages. */
class AgentRefusalTextsTest {

    @ParameterizedTest
    @EnumSource(AgentCheck.Refusal.class)
    void eachRefusalHasAPlainSentenceInChineseAndEnglish(AgentCheck.Refusal r) {
        String key = "identify.agent.refused." + r.name().toLowerCase(Locale.ROOT);
        String zh = new Texts(Locale.SIMPLIFIED_CHINESE).get(key);
        String en = new Texts(Locale.ENGLISH).get(key);
        assertThat(zh).isNotBlank().doesNotContain("_", "AGENT", "REGISTRATION").containsPattern("\\p{IsHan}");
        assertThat(en).isNotBlank().doesNotContain("_").doesNotContainPattern("\\p{IsHan}");
        // What to do next is part of the sentence, not only what went wrong.
        assertThat(zh).containsAnyOf("请", "可以");
        assertThat(en).containsAnyOf("please", "can ", "For help", "ask");
    }
}
