package org.onetrip.kiosk.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void toStringNeverHoldsTheWholeNameOrIdNumber() {
        for (Identity card : FictionalCards.all()) {
            String s = card.toString();
            assertThat(s).as(card.cardType() + " " + card.maskedName())
                    .doesNotContain(card.name())
                    .doesNotContain(card.idNumber())
                    .doesNotContain(card.idNumber().substring(6, 14))
                    .contains(card.maskedName())
                    .contains(card.maskedIdNumber());
            if (!card.address().isEmpty()) {
                assertThat(s).doesNotContain(card.address());
            }
            if (!card.englishName().isEmpty()) {
                assertThat(s).doesNotContain(card.englishName());
            }
            if (card.birthDate() != null) {
                assertThat(s).doesNotContain(card.birthDate().toString());
            }
        }
    }

    @Test
    void toStringOfALatinNamedCardHidesTheName() {
        Identity id = new Identity(CardType.FOREIGN_PERMANENT_2023, "Anna Smith", Sex.FEMALE, "",
                LocalDate.of(1985, 4, 9), "", IdNumbers.withCheck("91000019850409003"), "国家移民管理局",
                LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), "SMITH, ANNA", "USA");
        assertThat(id.toString()).doesNotContain("Anna").doesNotContain("Smith").doesNotContain("SMITH")
                .contains("A*** S****");
    }

    @Test
    void theMaskedFormsAreTheOnesOfMasking() {
        assertThat(FictionalCards.LAI_JIAJIA.maskedName()).isEqualTo("赖**");
        assertThat(FictionalCards.OUYANG_ELDER.maskedName()).isEqualTo("欧***");
        assertThat(FictionalCards.LAI_JIAJIA.maskedIdNumber()).isEqualTo("350982********" + FictionalCards.LAI_JIAJIA
                .idNumber().substring(14));
    }

    @Test
    void missingOptionalFieldsBecomeEmptyNotNull() {
        Identity id = new Identity(CardType.RESIDENT, "张三", null, null, null, null, "11010519491231002X", null,
                null, null, null, null);
        assertThat(id.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(id.ethnicity()).isEmpty();
        assertThat(id.address()).isEmpty();
        assertThat(id.issuingAuthority()).isEmpty();
        assertThat(id.englishName()).isEmpty();
        assertThat(id.nationality()).isEmpty();
    }

    @Test
    void typeNameAndNumberAreRequired() {
        assertThatThrownBy(() -> new Identity(null, "张三", null, null, null, null, "1", null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("cardType");
        assertThatThrownBy(() -> new Identity(CardType.RESIDENT, null, null, null, null, null, "1", null, null, null,
                null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Identity(CardType.RESIDENT, "张三", null, null, null, null, null, null, null, null,
                null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("idNumber");
    }
}
