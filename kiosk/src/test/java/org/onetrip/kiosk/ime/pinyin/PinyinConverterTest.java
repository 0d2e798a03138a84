package org.onetrip.kiosk.ime.pinyin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;

/**
 * Against Debian's real data (rime-data-luna-pinyin, rime-essay, libopencc; scripts/test installs
 * them): what a resident typing pinyin sees first.
 */
class PinyinConverterTest {
    static final Path RIME = Path.of("/usr/share/rime-data");
    static PinyinConverter converter;

    @BeforeAll
    static void load() throws Exception {
        converter = new PinyinConverter(RimeDictionaryReader.read(RIME, new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG)));
    }

    private static List<String> texts(String input, int n) {
        return converter.candidates(input).stream().limit(n).map(Candidate::text).toList();
    }

    @Test
    void aPhraseComesFirstAndUsesUpTheWholeInput() {
        List<Candidate> c = converter.candidates("xiwang");
        assertThat(c.get(0).text()).isEqualTo("希望");
        assertThat(c.get(0).consumed()).isEqualTo(6);
        assertThat(c.get(0).pinyin()).isEqualTo("xi wang");
        assertThat(texts("zhongguo", 1)).containsExactly("中国");
        assertThat(texts("shequ", 1)).containsExactly("社区");
        assertThat(texts("tingchewei", 1)).containsExactly("停车位");
    }

    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void theOutputIsSimplifiedChinese() {
        assertThat(texts("guojia", 1)).containsExactly("国家");
        assertThat(converter.candidates("guojia")).extracting(Candidate::text).doesNotContain("國家");
        assertThat(texts("lvyou", 3)).contains("旅游");
        assertThat(texts("wenti", 1)).containsExactly("问题");
        assertThat(texts("jianyi", 3)).contains("建议");
    }

    @Test
    void singleCharactersComeAfterThePhrasesAndUseUpTheirOwnSyllable() {
        List<Candidate> c = converter.candidates("xiwang");
        int firstSingle = 0;
        while (chars(c.get(firstSingle).text()) > 1) {
            firstSingle++;
        }
        assertThat(c.subList(firstSingle, c.size())).allSatisfy(s -> {
            assertThat(chars(s.text())).isEqualTo(1);
            assertThat(s.consumed()).isEqualTo(2);
        });
        assertThat(c.subList(firstSingle, firstSingle + 3)).extracting(Candidate::text).contains("西");
    }

    @Test
    void ambiguousCutsAreBothOfferedAndAnApostropheForcesOne() {
        assertThat(converter.candidates("xian")).extracting(Candidate::text).contains("先", "西安");
        assertThat(texts("xi'an", 1)).containsExactly("西安");
    }

    @Test
    void aPartlyTypedLastSyllableAndInitialsAloneStillFindThePhrase() {
        assertThat(texts("xiwan", 5)).contains("希望");
        assertThat(texts("xw", 5)).contains("希望");
        assertThat(texts("zhg", 5)).contains("中国");
    }

    @Test
    void aSentenceNoWordCoversIsGuessedFromItsWords() {
        Candidate first = converter.candidates("woxiwangzengjiagongjiaobanci").get(0);
        assertThat(first.consumed()).isEqualTo("woxiwangzengjiagongjiaobanci".length());
        assertThat(first.text()).startsWith("我希望").endsWith("班次").hasSize(9);
    }

    @Test
    void paging() {
        Composition c = new Composition(converter, 6);
        c.type("shi");
        List<Candidate> first = c.page();
        assertThat(first).hasSize(6);
        assertThat(c.hasPrevious()).isFalse();
        assertThat(c.hasNext()).isTrue();
        c.next();
        assertThat(c.page()).hasSize(6).doesNotContainAnyElementsOf(first);
        assertThat(c.hasPrevious()).isTrue();
        c.previous();
        assertThat(c.page()).isEqualTo(first);
    }

    @Test
    void aChosenWordUsesUpItsSyllablesAndTheRestStaysToConvert() {
        Composition c = new Composition(converter, 6);
        c.type("xiwangzengjia");
        Candidate xiwang = c.all().stream().filter(k -> k.text().equals("希望")).findFirst().orElseThrow();
        assertThat(c.choose(xiwang)).isEqualTo("希望");
        assertThat(c.input()).isEqualTo("zengjia");
        assertThat(c.page().get(0).text()).isEqualTo("增加");
        assertThat(c.commitFirst()).isEqualTo("增加");
        assertThat(c.input()).isEmpty();
        assertThat(c.page()).isEmpty();
    }

    @Test
    void backspaceEditsTheLetters() {
        Composition c = new Composition(converter, 6);
        c.type("guojiaa");
        assertThat(c.backspace()).isTrue();
        assertThat(c.input()).isEqualTo("guojia");
        assertThat(c.page().get(0).text()).isEqualTo("国家");
        c.clear();
        assertThat(c.backspace()).isFalse();
    }

    @Test
    void anythingButLettersIsRefused() {
        assertThatThrownBy(() -> converter.candidates("ni hao")).isInstanceOf(IllegalArgumentException.class);
        assertThat(converter.candidates("")).isEmpty();
        assertThat(converter.candidates("'")).isEmpty();
    }
}
