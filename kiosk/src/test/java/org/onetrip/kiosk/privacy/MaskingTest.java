package org.onetrip.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    // ---- names: the first character stays, one star per character after it

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "张三, 张*",
            "张, 张*",
            "赖佳佳, 赖**",
            // A compound surname is not recognised: only its first character stays, which gives away less.
            "欧阳秀英, 欧***",
            "欧阳娜娜, 欧***",
            "买买提·艾力, 买*****",
            "'  张三 ', 张*"})
    void chineseNamesKeepTheirFirstCharacter(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Anna Li, A*** L*",
            "Li, L*",
            "A, A*",
            "'SMITH,  ANNA', S***** A***",
            "José Ñúñez, J*** Ñ****"})
    void latinNamesKeepTheFirstLetterOfEachWord(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @Test
    void supplementaryCharactersAreMaskedWholeNeverHalfASurrogatePair() {
        // 𠮷 (U+20BB7) is outside the BMP: two chars, one character of a name.
        assertThat(Masking.name("𠮷明")).isEqualTo("𠮷*");
        assertThat(Masking.name("张𠮷")).isEqualTo("张*");
        assertThat(Masking.name("张𠮷华")).isEqualTo("张**");
    }

    @Test
    void aMixedNameIsMaskedAsAChineseOne() {
        assertThat(Masking.name("安娜 SMITH")).isEqualTo("安*******");
    }

    @Test
    void noNameGivesAnEmptyMask() {
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(" \u3000")).isEmpty();
    }

    @Test
    void aMaskedNameOfTwoOrMoreCharactersNeverHoldsTheWholeName() {
        for (String n : new String[] {"张三", "赖佳佳", "欧阳秀英", "Anna Li", "Li", "𠮷明"}) {
            assertThat(Masking.name(n)).as(n).doesNotContain(n);
        }
    }

    // ---- ID numbers: region code and the last four stay

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "35098219900101123X, 350982********123X",
            "11010519491231002X, 110105********002X",
            // 15-digit first-generation number
            "350982900101123, 350982*****1123",
            // 外国人永久居留身份证, 2017 layout
            "USA350085040901, USA350*****0901",
            "123456789, 12***6789",
            "12345678901234, 12********1234"})
    void idNumbersKeepTheRegionAndTheLastFour(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked).hasSameSizeAs(id);
    }

    @ParameterizedTest
    @CsvSource({"12345678, ********", "1234, ****", "X, *"})
    void shortIdNumbersAreMaskedWhole(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @Test
    void noIdNumberGivesAnEmptyMask() {
        assertThat(Masking.idNumber(null)).isEmpty();
        assertThat(Masking.idNumber("")).isEmpty();
    }

    @Test
    void aMaskedIdNumberHidesTheBirthDate() {
        assertThat(Masking.idNumber("35098219920314002X")).doesNotContain("19920314").doesNotContain("0314");
    }

    // ---- phone numbers

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13800138000, 138****8000",
            "0593-7800000, 059*****0000",
            "+8613800138000, +86*******8000"})
    void phoneNumbersKeepThreeAndFour(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"7800000, ***0000", "78000001, ****0001", "5937800000, ******0000"})
    void shorterNumbersKeepOnlyTheLastFour(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"123456, ******", "110, ***", "1, *"})
    void veryShortNumbersAreMaskedWhole(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @Test
    void noPhoneGivesAnEmptyMask() {
        assertThat(Masking.phone(null)).isEmpty();
        assertThat(Masking.phone("")).isEmpty();
    }

    @Test
    void aMaskedPhoneNumberIsNeverTheNumberItself() {
        for (int length = 1; length <= 16; length++) {
            String phone = "1234567890123456".substring(0, length);
            assertThat(Masking.phone(phone)).as("length %d", length).isNotEqualTo(phone).hasSameSizeAs(phone)
                    .contains("*");
        }
    }
}
