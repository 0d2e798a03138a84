package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.idcard.CardCheck;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdNumbers;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;

class TextBlockTest {

    // --- golden layouts, written at the reference's literal offsets (not the shared layout table) ---

    static byte[] spaces() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i += 2) {
            b[i] = ' ';
        }
        return b;
    }

    static void at(byte[] b, int offset, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(t, 0, b, offset, t.length);
    }

    @Test
    void residentLayoutMatchesTheReference() {
        byte[] expected = spaces();
        at(expected, 0, "赖佳佳");
        at(expected, 30, "2");
        at(expected, 32, "01");
        at(expected, 36, "19920314");
        at(expected, 52, "福建省福鼎市桐城街道资国寺路88号");
        at(expected, 122, FictionalCards.LAI_JIAJIA.idNumber());
        at(expected, 158, "福鼎市公安局");
        at(expected, 188, "20160520");
        at(expected, 204, "20360520");
        assertArrayEquals(expected, TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA));
        assertThat(TextBlockParser.parse(expected).value()).isEqualTo(FictionalCards.LAI_JIAJIA);
    }

    @Test
    void hmtPermitLayoutMatchesTheReference() {
        Identity hmt = FictionalCards.HMT_PERMIT;
        byte[] expected = spaces();
        at(expected, 0, hmt.name());
        at(expected, 30, "2");
        at(expected, 36, "19881224");
        at(expected, 52, hmt.address());
        at(expected, 122, hmt.idNumber());
        at(expected, 158, hmt.issuingAuthority());
        at(expected, 188, "20210303");
        at(expected, 204, "20310303");
        at(expected, 220, "H60123456");
        at(expected, 238, "01");
        at(expected, 248, "J");
        assertArrayEquals(expected, TextBlockEncoder.encode(hmt, SamTestCards.HMT_EXTRAS));
        assertThat(TextBlockParser.parse(expected).value()).isEqualTo(hmt);
        assertThat(TextBlockParser.extras(expected)).isEqualTo(SamTestCards.HMT_EXTRAS);
    }

    @Test
    void foreign2017LayoutMatchesTheReference() {
        Identity i = FictionalCards.FOREIGN_PERMANENT;
        byte[] expected = spaces();
        at(expected, 0, "SMITH, ANNA");
        at(expected, 120, "2");
        at(expected, 122, "USA350085040901");
        at(expected, 152, "USA");
        at(expected, 158, "安娜");
        at(expected, 188, "20190701");
        at(expected, 204, "20290701");
        at(expected, 220, "19850409");
        at(expected, 236, "02");
        at(expected, 240, "公安部");
        at(expected, 248, "I");
        CardExtras x = new CardExtras("", "", "02", "", "");
        assertArrayEquals(expected, TextBlockEncoder.encode(i, x));
        assertThat(TextBlockParser.parse(expected).value()).isEqualTo(i);
        assertThat(TextBlockParser.extras(expected)).isEqualTo(x);
    }

    @Test
    void foreign2023LayoutFollowsReadinfoAfterOffset220() {
        Identity y = SamTestCards.FOREIGN_2023_LONG_NAME;
        byte[] expected = spaces();
        at(expected, 0, ""); // no Chinese name: the English name stands for it
        at(expected, 30, "2");
        at(expected, 32, "01");
        at(expected, 36, "19680721");
        at(expected, 52, SamTestCards.ENGLISH_46.substring(0, 35));
        at(expected, 122, y.idNumber());
        at(expected, 158, "国家移民管理局");
        at(expected, 188, "20240305");
        at(expected, 204, "长期");
        at(expected, 220, SamTestCards.ENGLISH_46.substring(35));
        at(expected, 242, "NLD");
        at(expected, 248, "Y");
        at(expected, 250, "110");
        CardExtras x = new CardExtras("", "", "", "01", "110");
        assertArrayEquals(expected, TextBlockEncoder.encode(y, x));
        Identity parsed = TextBlockParser.parse(expected).value();
        assertThat(parsed).isEqualTo(y);
        assertThat(parsed.englishName()).hasSize(46);
        assertThat(TextBlockParser.extras(expected)).isEqualTo(x);
    }

    // --- round trips ---

    static Stream<Identity> encodable() {
        return SamTestCards.encodable().stream();
    }

    @ParameterizedTest
    @MethodSource("encodable")
    void everyFictionalCardRoundTrips(Identity card) {
        byte[] block = TextBlockEncoder.encode(card);
        assertThat(block).hasSize(256);
        Parsed<Identity> parsed = TextBlockParser.parse(block);
        assertThat(parsed.reason()).isEmpty();
        assertThat(parsed.value()).isEqualTo(card);
        assertThat(TextBlockParser.cardType(block).value()).isEqualTo(card.cardType());
    }

    @Test
    void everyCardTypeIsCovered() {
        assertThat(SamTestCards.encodable()).extracting(Identity::cardType).contains(CardType.values());
    }

    @Test
    void anAddressFillingThe70ByteFieldRoundTrips() {
        byte[] block = TextBlockEncoder.encode(SamTestCards.FULL_ADDRESS);
        String field = new String(block, 52, 70, StandardCharsets.UTF_16LE);
        assertThat(field).isEqualTo(SamTestCards.ADDRESS_35).doesNotEndWith(" ");
        assertThat(TextBlockParser.parse(block).value().address()).isEqualTo(SamTestCards.ADDRESS_35);
        // The next field starts right after, untouched.
        assertThat(new String(block, 122, 36, StandardCharsets.UTF_16LE))
                .isEqualTo(SamTestCards.FULL_ADDRESS.idNumber());
    }

    @Test
    void aFifteenCharacterNameFillsItsField() {
        byte[] block = TextBlockEncoder.encode(SamTestCards.LONG_NAME);
        assertThat(new String(block, 0, 30, StandardCharsets.UTF_16LE)).isEqualTo(SamTestCards.LONG_NAME.name());
        assertThat(TextBlockParser.parse(block).value().ethnicity()).isEqualTo("维吾尔");
    }

    @Test
    void anAddressLongerThanTheFieldCannotBeACard() {
        Identity tooLong = withAddress(FictionalCards.OUYANG_ELDER, "桐".repeat(36));
        assertThat(TextBlockEncoder.fits(tooLong)).isFalse();
        assertThatThrownBy(() -> TextBlockEncoder.encode(tooLong))
                .hasMessage("address is 36 characters; the card holds 35");
        assertThat(TextBlockEncoder.fits(FictionalCards.OUYANG_ELDER)).isTrue();
    }

    /** {@code id} with another address, for fixtures that must not fit. */
    static Identity withAddress(Identity id, String address) {
        return new Identity(id.cardType(), id.name(), id.sex(), id.ethnicity(), id.birthDate(), address, id.idNumber(),
                id.issuingAuthority(), id.validFrom(), id.validTo(), id.englishName(), id.nationality());
    }

    @Test
    void validForLifeIsChangQiOnTheWireAndNullInTheIdentity() {
        byte[] block = TextBlockEncoder.encode(FictionalCards.ZHAN_AGENT);
        // 长 U+957F, 期 U+671F, little-endian, then spaces.
        assertThat(java.util.Arrays.copyOfRange(block, 204, 212))
                .containsExactly(0x7F, 0x95, 0x1F, 0x67, 0x20, 0x00, 0x20, 0x00);
        Identity parsed = TextBlockParser.parse(block).value();
        assertThat(parsed.validTo()).isNull();
        assertThat(parsed.validForLife()).isTrue();
        assertThat(parsed.ethnicity()).isEqualTo("畲");
    }

    @Test
    void anExpiredCardReadsFineAndIsRefusedByTheCardCheck() {
        Identity parsed = TextBlockParser.parse(TextBlockEncoder.encode(FictionalCards.EXPIRED)).value();
        assertThat(parsed.validTo()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(CardCheck.check(parsed, LocalDate.of(2026, 6, 1))).isEqualTo(CardCheck.Rejection.EXPIRED);
        assertThat(CardCheck.check(parsed, LocalDate.of(2024, 6, 1))).isNull();
    }

    @Test
    void aBadCheckCharacterReadsFineAndIsRefusedByTheCardCheck() {
        Identity parsed = TextBlockParser.parse(TextBlockEncoder.encode(FictionalCards.BAD_NUMBER)).value();
        assertThat(CardCheck.check(parsed, LocalDate.of(2026, 6, 1))).isEqualTo(CardCheck.Rejection.BAD_ID_NUMBER);
    }

    // --- the ID number ---

    @Test
    void theReferenceExampleHasCheckCharacterX() {
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValid("11010519491231002x")).isFalse();
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        // Σ dᵢ·wᵢ = 167, 167 mod 11 = 2, "10X98765432"[2] = X: worked by hand.
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String d = "11010519491231002";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        assertThat(sum).isEqualTo(167);
    }

    @Test
    void everyFixtureNumberChecksExceptTheOneMadeToFail() {
        for (Identity id : SamTestCards.encodable()) {
            boolean numbered = id.cardType() != CardType.FOREIGN_PERMANENT_2017;
            if (numbered) {
                assertThat(IdNumbers.isValid(id.idNumber())).as(id.toString()).isEqualTo(id != FictionalCards.BAD_NUMBER);
            }
        }
    }

    // --- bad blocks are read failures, never exceptions ---

    @Test
    void badDatesAreReadFailuresWithAReason() {
        byte[] good = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.BIRTH, "19921314")).reason())
                .isEqualTo("birth date is not a real date");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.BIRTH, "1992031")).reason())
                .isEqualTo("birth date is not a YYYYMMDD date");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.VALID_FROM, "2O160520"))
                .reason()).isEqualTo("valid from is not a YYYYMMDD date");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.VALID_TO, "20230229"))
                .reason()).isEqualTo("valid to is not a real date");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.VALID_TO, "")).reason())
                .isEqualTo("valid to is not a YYYYMMDD date");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.VALID_TO, "长")).isOk())
                .isFalse();
        // Full-width digits are digits to Character.isDigit, not to the card.
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.BIRTH, "１９９２０３１４")).isOk())
                .isFalse();
    }

    @Test
    void aBlankNameOrNumberIsAReadFailure() {
        byte[] good = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.NAME, "")).reason())
                .isEqualTo("name is blank");
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.ID_NUMBER, "")).reason())
                .isEqualTo("ID number is blank");
    }

    @Test
    void anUnknownTypeOrSizeIsAReadFailure() {
        byte[] good = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        assertThat(TextBlockParser.parse(TextBlockEncoder.withField(good, TextBlockLayout.TYPE, "Q")).reason())
                .isEqualTo("unknown card type character U+0051 at offset 248");
        assertThat(TextBlockParser.parse(new byte[255]).reason()).isEqualTo("text block is 255 bytes, not 256");
        assertThat(TextBlockParser.parse(null).isOk()).isFalse();
    }

    @Test
    void paddingIsTrimmedButInnerSpacesKept() {
        byte[] good = TextBlockEncoder.encode(FictionalCards.FOREIGN_PERMANENT);
        // NUL padding, as some readers give, is trimmed like spaces.
        byte[] nul = good.clone();
        for (int i = 22; i < 120; i++) {
            nul[i] = 0;
        }
        assertThat(TextBlockParser.parse(nul).value().englishName()).isEqualTo("SMITH, ANNA");
        byte[] zeroType = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        zeroType[248] = 0;
        assertThat(TextBlockParser.parse(zeroType).value().cardType()).isEqualTo(CardType.RESIDENT);
    }

    @Test
    void unknownSexAndEthnicityCodesAreKeptNotRefused() {
        byte[] good = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        Identity odd = TextBlockParser.parse(TextBlockEncoder.withField(
                TextBlockEncoder.withField(good, TextBlockLayout.SEX, "9"), TextBlockLayout.ETHNICITY, "57")).value();
        assertThat(odd.sex()).isEqualTo(Sex.NOT_STATED);
        assertThat(odd.ethnicity()).isEqualTo("57");
        assertThat(TextBlockParser.parse(TextBlockEncoder.encode(odd)).value()).isEqualTo(odd);
    }

    @Test
    void aLoneSurrogateDoesNotThrow() {
        byte[] b = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);
        b[0] = 0x00;
        b[1] = (byte) 0xD8; // high surrogate with no low one after it
        assertThat(TextBlockParser.parse(b).value().name()).startsWith("\uFFFD");
    }

    @Test
    void theEncoderRefusesWhatACardCannotHold() {
        Identity tooLongName = Identity.resident("一二三四五六七八九十一二三四五六", Sex.MALE, "汉", LocalDate.of(2000, 1, 1), "",
                IdNumbers.withCheck("35098220000101001"), "", LocalDate.of(2020, 1, 1), null);
        assertThatThrownBy(() -> TextBlockEncoder.encode(tooLongName)).hasMessage("name is 16 characters; the card holds 15");
        Identity rareCharacter = Identity.resident("王\uD840\uDC0C", Sex.MALE, "汉", LocalDate.of(2000, 1, 1), "",
                IdNumbers.withCheck("35098220000101001"), "", LocalDate.of(2020, 1, 1), null);
        assertThatThrownBy(() -> TextBlockEncoder.encode(rareCharacter)).hasMessage("name has a character outside UCS-2");
        Identity unknownEthnicity = Identity.resident("王一", Sex.MALE, "火星", LocalDate.of(2000, 1, 1), "",
                IdNumbers.withCheck("35098220000101001"), "", LocalDate.of(2020, 1, 1), null);
        assertThatThrownBy(() -> TextBlockEncoder.encode(unknownEthnicity)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- ethnicities ---

    @Test
    void theEthnicityTableHas56GroupsAndTwoOthers() {
        assertThat(Ethnicities.all()).hasSize(58);
        assertThat(Ethnicities.nameOf("01")).isEqualTo("汉");
        assertThat(Ethnicities.nameOf("22")).isEqualTo("畲");
        assertThat(Ethnicities.nameOf("29")).isEqualTo("柯尔克孜");
        assertThat(Ethnicities.nameOf("56")).isEqualTo("基诺");
        assertThat(Ethnicities.nameOf("97")).isEqualTo("其他");
        assertThat(Ethnicities.nameOf("98")).isEqualTo("外国血统");
        assertThat(Ethnicities.nameOf("57")).isNull();
        assertThat(Ethnicities.codeOf("土")).isEqualTo("30");
        assertThat(Ethnicities.codeOf("土家")).isEqualTo("15");
        assertThat(Ethnicities.all().values()).doesNotHaveDuplicates();
    }

    // --- fuzz: arbitrary blocks never throw ---

    @Test
    void aHundredThousandRandomBlocksNeverThrow() {
        Random r = new Random(256256L);
        byte[][] seeds = SamTestCards.encodable().stream().map(TextBlockEncoder::encode).toArray(byte[][]::new);
        int ok = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] b;
            if (r.nextBoolean()) {
                b = new byte[r.nextInt(20) == 0 ? r.nextInt(300) : 256];
                r.nextBytes(b);
            } else {
                b = seeds[r.nextInt(seeds.length)].clone();
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    b[r.nextInt(256)] = (byte) r.nextInt(256);
                }
            }
            final byte[] block = b;
            Parsed<Identity> p = TextBlockParser.parse(block);
            TextBlockParser.extras(block);
            if (p.isOk()) {
                ok++;
                assertThat(p.value().name()).isNotEmpty();
            } else {
                assertThat(p.reason()).isNotEmpty();
            }
        }
        assertThat(ok).isPositive();
    }
}
