package org.onetrip.kiosk.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onetrip.kiosk.idcard.CardCheck.Rejection.BAD_ID_NUMBER;
import static org.onetrip.kiosk.idcard.CardCheck.Rejection.EXPIRED;
import static org.onetrip.kiosk.idcard.CardCheck.Rejection.NOT_YET_VALID;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final String GOOD_NUMBER = IdNumbers.withCheck("35098219920314002");
    private static final String BAD_NUMBER = GOOD_NUMBER.substring(0, 17) + (GOOD_NUMBER.charAt(17) == '0' ? '1' : '0');

    private static Identity card(CardType type, String number, LocalDate from, LocalDate to) {
        return new Identity(type, "赖佳佳", Sex.FEMALE, "汉", LocalDate.of(1992, 3, 14), "福建省福鼎市", number,
                "福鼎市公安局", from, to, "", "");
    }

    private static Identity resident(LocalDate from, LocalDate to) {
        return card(CardType.RESIDENT, GOOD_NUMBER, from, to);
    }

    @Test
    void aCurrentCardWithAGoodNumberIsAccepted() {
        assertThat(CardCheck.check(FictionalCards.LAI_JIAJIA, TODAY)).isNull();
        assertThat(CardCheck.check(FictionalCards.HMT_PERMIT, TODAY)).isNull();
        assertThat(CardCheck.check(FictionalCards.FOREIGN_PERMANENT, TODAY)).isNull();
    }

    @Test
    void aCardIsValidThroughItsLastDayAndExpiredTheDayAfter() {
        assertThat(CardCheck.check(resident(TODAY.minusYears(10), TODAY), TODAY)).isNull();
        assertThat(CardCheck.check(resident(TODAY.minusYears(10), TODAY.minusDays(1)), TODAY)).isEqualTo(EXPIRED);
        assertThat(CardCheck.check(FictionalCards.EXPIRED, TODAY)).isEqualTo(EXPIRED);
    }

    @Test
    void aCardIsValidFromItsFirstDayAndNotBefore() {
        assertThat(CardCheck.check(resident(TODAY, TODAY.plusYears(10)), TODAY)).isNull();
        assertThat(CardCheck.check(resident(TODAY.plusDays(1), TODAY.plusYears(10)), TODAY)).isEqualTo(NOT_YET_VALID);
    }

    @Test
    void aCardValidForLifeHasNoEndDateAndNeverExpires() {
        Identity forLife = resident(LocalDate.of(2015, 1, 8), null);
        assertThat(forLife.validForLife()).isTrue();
        assertThat(CardCheck.check(forLife, TODAY)).isNull();
        assertThat(CardCheck.check(forLife, LocalDate.of(2099, 12, 31))).isNull();
        assertThat(FictionalCards.ZHAN_AGENT.validForLife()).isTrue();
        assertThat(CardCheck.check(FictionalCards.ZHAN_AGENT, TODAY)).isNull();
        assertThat(FictionalCards.LAI_JIAJIA.validForLife()).isFalse();
    }

    @Test
    void unknownDatesDoNotRefuseACard() {
        assertThat(CardCheck.check(resident(null, null), TODAY)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = CardType.class, names = {"RESIDENT", "HMT_RESIDENCE_PERMIT", "FOREIGN_PERMANENT_2023"})
    void aBadCheckCharacterIsRefusedOnCardsNumberedByGb11643(CardType type) {
        assertThat(CardCheck.check(card(type, GOOD_NUMBER, TODAY.minusYears(1), TODAY.plusYears(1)), TODAY)).isNull();
        assertThat(CardCheck.check(card(type, BAD_NUMBER, TODAY.minusYears(1), TODAY.plusYears(1)), TODAY))
                .isEqualTo(BAD_ID_NUMBER);
        assertThat(CardCheck.check(card(type, "", TODAY.minusYears(1), TODAY.plusYears(1)), TODAY))
                .isEqualTo(BAD_ID_NUMBER);
    }

    @Test
    void theBadNumberFixtureIsRefused() {
        assertThat(CardCheck.check(FictionalCards.BAD_NUMBER, TODAY)).isEqualTo(BAD_ID_NUMBER);
    }

    @Test
    void theOldForeignPermanentCardHasNoCheckCharacterToVerify() {
        // The 2017 layout's 15-character number (3 letters + 12 digits) is not a GB 11643 number.
        Identity old = card(CardType.FOREIGN_PERMANENT_2017, "USA350085040901", TODAY.minusYears(1), TODAY.plusYears(1));
        assertThat(CardCheck.check(old, TODAY)).isNull();
        assertThat(CardCheck.check(card(CardType.FOREIGN_PERMANENT_2017, BAD_NUMBER, TODAY.minusYears(1),
                TODAY.plusYears(1)), TODAY)).isNull();
    }

    @Test
    void anExpiredCardIsReportedAsExpiredEvenWithABadNumber() {
        Identity both = card(CardType.RESIDENT, BAD_NUMBER, TODAY.minusYears(20), TODAY.minusDays(1));
        assertThat(CardCheck.check(both, TODAY)).isEqualTo(EXPIRED);
    }
}
