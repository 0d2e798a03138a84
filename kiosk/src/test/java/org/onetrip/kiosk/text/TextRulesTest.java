package org.onetrip.kiosk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which characters any text from a person or a device may hold. */
class TextRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, // bidi
            0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060, // zero width
            0x200E, 0x200F, 0x061C, 0x00AD, // marks and a soft hyphen: also invisible
            0x0000, 0x0007, 0x0009, 0x001B, 0x007F, 0x0085, 0x2028, 0x2029, // controls and separators
            0xFFFD, 0xE000, 0xFFFF, 0x10FFFF})
    void invisibleControlAndReplacementCharactersAreRefused(int cp) {
        String s = "东门" + Character.toString(cp) + "路口";
        assertThat(TextRules.acceptable(s, true)).as("U+%04X", cp).isFalse();
        assertThat(TextRules.firstRefused(s, true)).isEqualTo(2);
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertThat(TextRules.acceptable("东门\uD800路口", false)).isFalse();
        assertThat(TextRules.acceptable("𠀀门", false)).isTrue(); // a pair is one character
    }

    @ParameterizedTest
    @ValueSource(strings = {"资国寺路与太姥大道路口，红绿灯不亮！", "Zhang Wei (张伟) 3 楼 #2", "café — “ok” 50%",
            "𠀀𠮷", "é", "ＡＢＣ１２３", "👍", "\u3000全角空格", "Ελλάδα", "ئۇيغۇرچە"})
    void everydayTextIsAccepted(String s) {
        assertThat(TextRules.acceptable(s, false)).isTrue();
    }

    @Test
    void lineBreaksOnlyWhereAFieldTakesSeveralLines() {
        assertThat(TextRules.acceptable("一\n二", true)).isTrue();
        assertThat(TextRules.acceptable("一\n二", false)).isFalse();
    }

    @Test
    void normalisedToNfcWithLfLineBreaks() {
        assertThat(TextRules.normalise("  Cafe\u0301\r\nline\rthree ")).isEqualTo("Caf\u00e9\nline\nthree");
        assertThat(TextRules.normalise("\uFA10")).isEqualTo("\u585A"); // a CJK compatibility ideograph
    }

    @Test
    void theProblemNamesTheCharacterAndWhereItIs() {
        assertThat(TextRules.problem("ab\u202Ecd", false))
                .isEqualTo("character 3 is U+202E RIGHT-TO-LEFT OVERRIDE, which is not allowed");
        assertThat(TextRules.problem("𠀀\uFFFD", false))
                .isEqualTo("character 2 is U+FFFD REPLACEMENT CHARACTER (the text was not valid UTF-8)");
        assertThat(TextRules.problem("fine", false)).isNull();
    }
}
