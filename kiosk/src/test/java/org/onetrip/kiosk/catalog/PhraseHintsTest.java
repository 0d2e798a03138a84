package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ui.Texts;

/**
 * A field with phrase chips is told about them once. The chips' own line says to tap one
 * ("也可以点下面的常用语"); the field's hint said it again in another word ("可点常用语，最多80字" under
 * "常用词"), one more line that pushed the elders' one-question page into scrolling (screens review 2,
 * finding 10). The hint keeps what only it says: how long the answer may be.
 */
class PhraseHintsTest {
    @Test
    void aFieldWithPhrasesHasAHintThatDoesNotSayTapAPhraseAgain() {
        List<String> twice = new ArrayList<>();
        int withPhrases = 0;
        for (ServiceDefinition s : new CatalogLoader().loadBundled().services()) {
            for (Attribute a : s.attributes()) {
                if (a.phrases().isEmpty() || a.datatypeDescription() == null) {
                    continue;
                }
                withPhrases++;
                String zh = a.datatypeDescription().zh();
                String en = a.datatypeDescription().en();
                if (zh.contains("常用") || en.toLowerCase(Locale.ROOT).contains("phrase")) {
                    twice.add(s.code() + "/" + a.code() + ": " + zh + " / " + en);
                }
            }
        }
        assertThat(withPhrases).isPositive();
        assertThat(twice).as("hints that repeat the chips' instruction").isEmpty();
        // And the chips' line names them with the one word the kiosk uses.
        assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).get("form.phrases")).contains("常用语").doesNotContain("常用词");
        assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).get("form.phrases.chinese")).contains("常用语").doesNotContain("常用词");
    }
}
