package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWidthTest {

    @Test
    void chineseIsTwoColumnsLatinOne() {
        assertThat(TextWidth.of("中文")).isEqualTo(4);
        assertThat(TextWidth.of("ID")).isEqualTo(2);
        assertThat(TextWidth.of("身份证 ID")).isEqualTo(9);
        assertThat(TextWidth.of("：")).isEqualTo(2);
        assertThat(TextWidth.of("Ａ")).isEqualTo(2); // full-width Latin
        assertThat(TextWidth.of("𠀾")).isEqualTo(2);
        assertThat(TextWidth.of("a\u0007b")).isEqualTo(2);
    }

    @Test
    void fitsOnOneLine() {
        assertThat(TextWidth.wrap("身份证原件", 32)).containsExactly("身份证原件");
        assertThat(TextWidth.wrap("", 32)).containsExactly("");
    }

    @Test
    void chineseBreaksBetweenAnyTwoCharacters() {
        // 10 characters, 20 columns, on a 16-column line (58 mm, double size).
        assertThat(TextWidth.wrap("桐城街道党群服务中心", 16)).containsExactly("桐城街道党群服务", "中心");
    }

    @Test
    void latinWordsAreNotSplit() {
        List<String> lines = TextWidth.wrap("Tongcheng Subdistrict Party-Mass Service Centre", 24);
        assertThat(lines).containsExactly("Tongcheng Subdistrict", "Party-Mass Service", "Centre");
        assertThat(lines).allSatisfy(l -> assertThat(TextWidth.of(l)).isLessThanOrEqualTo(24));
    }

    @Test
    void mixedChineseAndLatin() {
        // 居民身份证 (10) + space + "ID" ... at 16 columns: the Latin word "original" moves whole.
        List<String> lines = TextWidth.wrap("居民身份证 ID card original 原件及复印件", 16);
        assertThat(lines).containsExactly("居民身份证 ID", "card original 原", "件及复印件");
        assertThat(lines).allSatisfy(l -> assertThat(TextWidth.of(l)).isLessThanOrEqualTo(16));
    }

    @Test
    void mixedAt58And80Millimetres() {
        String text = "请携带户口簿 (Household register) 及本人近期免冠照片 2 张 photos";
        List<String> at32 = TextWidth.wrap(text, TextWidth.COLUMNS_58MM);
        List<String> at48 = TextWidth.wrap(text, TextWidth.COLUMNS_80MM);
        assertThat(at32).containsExactly("请携带户口簿 (Household", "register) 及本人近期免冠照片 2", "张 photos");
        // The first line is exactly 48 columns.
        assertThat(at48).containsExactly("请携带户口簿 (Household register) 及本人近期免冠", "照片 2 张 photos");
        assertThat(TextWidth.of(at48.get(0))).isEqualTo(48);
        assertThat(String.join("", at48).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    @Test
    void punctuationStaysWithTheCharacterBefore() {
        // Without the rule "，" would start the second line.
        assertThat(TextWidth.wrap("身份证原件，户口簿", 10)).containsExactly("身份证原", "件，户口簿");
        // "（" stays with what follows it, "）" with what precedes it.
        // ... and no character is left alone on the last line: "（原" comes down with "件）".
        assertThat(TextWidth.wrap("材料（原件）", 8)).containsExactly("材料", "（原件）");
        assertThat(TextWidth.wrap("材料（原件）", 6)).containsExactly("材料", "（原", "件）");
    }

    @Test
    void aWordLongerThanTheLineIsSplitAtTheEdge() {
        assertThat(TextWidth.wrap("http://127.0.0.1:8311/status/abcdef", 16))
                .containsExactly("http://127.0.0.1", ":8311/status/abc", "def");
    }

    @Test
    void newlineForcesABreakAndSpacesAtBreaksAreDropped() {
        assertThat(TextWidth.wrap("第一行\n第二行", 32)).containsExactly("第一行", "第二行");
        assertThat(TextWidth.wrap("aaaa    bbbb", 6)).containsExactly("aaaa", "bbbb");
    }

    @Test
    void aWordOfTheListIsNotBrokenWhenItFitsOnTheNextLine() {
        // Issue 10: the centre's hours printed "自助服 / 务 24 小时".
        assertThat(TextWidth.wrap("自助服务 24 小时", 6)).containsExactly("自助", "服务", "24", "小时");
        assertThat(TextWidth.wrap("工作日，自助服务 24 小时", 14)).containsExactly("工作日，", "自助服务 24", "小时");
        assertThat(TextWidth.words("居民身份证原件")).containsExactly("居民身份证", "原", "件");
        assertThat(TextWidth.wrap("请携带居民身份证", 10)).containsExactly("请携带", "居民身份证");
    }

    @Test
    void aLoneCharacterOnTheLastLineTakesTheWordBeforeItAlong() {
        assertThat(TextWidth.wrap("近期免冠照片张", 12)).containsExactly("近期免冠", "照片张");
        // Nothing to take along when the line before holds one unit only.
        assertThat(TextWidth.wrap("身份证张", 6)).containsExactly("身份证", "张");
    }
}
