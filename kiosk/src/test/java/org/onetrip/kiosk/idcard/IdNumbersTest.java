package org.onetrip.kiosk.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTest {
    /** The worked example of GB 11643-1999, annex A: check character X. */
    private static final String GB_EXAMPLE = "11010519491231002X";
    private static final String CHECK_CHARACTERS = "0123456789X";

    @Test
    void theStandardsExampleIsValid() {
        assertThat(IdNumbers.checkCharacter(GB_EXAMPLE.substring(0, 17))).isEqualTo('X');
        assertThat(IdNumbers.isValid(GB_EXAMPLE)).isTrue();
        assertThat(IdNumbers.isValid("440524188001010014")).as("a second published example, check 4").isTrue();
    }

    @Test
    void everyPositionCarriesItsIso7064Weight() {
        // ISO 7064 MOD 11-2: position i (0-based) weighs 2^(17-i) mod 11. With a single 1 at i the
        // sum is that weight, and the check character is "10X98765432"[weight].
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            StringBuilder digits = new StringBuilder("0".repeat(17));
            digits.setCharAt(i, '1');
            assertThat(IdNumbers.checkCharacter(digits.toString())).as("position %d, weight %d", i, weight)
                    .isEqualTo("10X98765432".charAt(weight));
        }
        assertThat(IdNumbers.checkCharacter("0".repeat(17))).isEqualTo('1');
    }

    @Test
    void changingAnyOneDigitOfAValidNumberMakesItInvalid() {
        List<String> valid = List.of(GB_EXAMPLE, "440524188001010014", IdNumbers.withCheck("35098219920314002"),
                IdNumbers.withCheck("83000019881224002"), IdNumbers.withCheck("91000019850409003"));
        int mutants = 0;
        for (String id : valid) {
            assertThat(IdNumbers.isValid(id)).as(id).isTrue();
            for (int i = 0; i < 17; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d == id.charAt(i)) {
                        continue;
                    }
                    String mutant = id.substring(0, i) + d + id.substring(i + 1);
                    assertThat(IdNumbers.isValid(mutant)).as("%s with %c at %d", id, d, i).isFalse();
                    mutants++;
                }
            }
            for (char c : CHECK_CHARACTERS.toCharArray()) {
                if (c != id.charAt(17)) {
                    assertThat(IdNumbers.isValid(id.substring(0, 17) + c)).as("%s with check %c", id, c).isFalse();
                    mutants++;
                }
            }
        }
        assertThat(mutants).isEqualTo(valid.size() * (17 * 9 + 10));
    }

    @Test
    void swappingTwoDifferentAdjacentDigitsIsCaughtToo() {
        String id = GB_EXAMPLE;
        List<Integer> caught = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            if (id.charAt(i) == id.charAt(i + 1)) {
                continue;
            }
            String swapped = id.substring(0, i) + id.charAt(i + 1) + id.charAt(i) + id.substring(i + 2);
            if (!IdNumbers.isValid(swapped)) {
                caught.add(i);
            }
        }
        long differentPairs = java.util.stream.IntStream.range(0, 16).filter(i -> id.charAt(i) != id.charAt(i + 1)).count();
        assertThat(caught).hasSize((int) differentPairs);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11010519491231002", "11010519491231002XX", "11010519491231002x",
            "1101051949123100 X", "A1010519491231002X", "110105194912310X2X", "１１010519491231002X",
            "11010519491231002Y"})
    void malformedNumbersAreInvalid(String id) {
        assertThat(IdNumbers.isValid(id)).isFalse();
    }

    @Test
    void checkCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1101051949123100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }

    @Test
    void withCheckAppendsTheRightCharacter() {
        assertThat(IdNumbers.withCheck("11010519491231002")).isEqualTo(GB_EXAMPLE);
        assertThat(IdNumbers.withCheck("44052418800101001")).isEqualTo("440524188001010014");
    }

    @Test
    void theBirthDateIsDigitsSevenToFourteen() {
        assertThat(IdNumbers.birthDate(GB_EXAMPLE)).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdNumbers.birthDate("440524188001010014")).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(IdNumbers.birthDate(IdNumbers.withCheck("35098220000229001"))).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"35098219490230002X", "35098219491301002X", "35098219490000002X", "35098219010229001X",
            "3509821949ab31002X", "11010519491231", "350982490101123"})
    void aNumberWithoutARealDateHasNoBirthDate(String id) {
        assertThat(IdNumbers.birthDate(id)).isNull();
    }

    @Test
    void everyFictionalCardNumberedByTheStandardIsValidExceptTheBadOne() {
        for (Identity card : FictionalCards.all()) {
            if (card.cardType() == CardType.FOREIGN_PERMANENT_2017) {
                continue;
            }
            assertThat(IdNumbers.isValid(card.idNumber())).as(card.toString()).isEqualTo(card != FictionalCards.BAD_NUMBER);
            assertThat(IdNumbers.birthDate(card.idNumber())).as(card.toString()).isEqualTo(card.birthDate());
        }
    }
}
