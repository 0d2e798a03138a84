package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormValidatorTest {

    private final FormValidator validator = new FormValidator();

    private static Attribute attr(String code, Datatype type, boolean required, Validation rule, AttributeValue... values) {
        return new Attribute(code, type, required, LocalizedText.of(code, code), LocalizedText.of("", ""), 0,
                List.of(values), rule, List.of(), false);
    }

    private static AttributeValue value(String key) {
        return new AttributeValue(key, LocalizedText.of("名" + key, "name " + key));
    }

    private static final Attribute PHONE = attr("phone", Datatype.STRING, true, new Validation("phone", null, null, null, 11));
    private static final Attribute COUNT = attr("count", Datatype.NUMBER, true, new Validation("integer", 1L, 15L, null, 0));
    private static final Attribute KIND = attr("kind", Datatype.SINGLEVALUELIST, true, Validation.NONE,
            value("noise"), value("fire"), value("other"));
    private static final Attribute TIMES = attr("times", Datatype.MULTIVALUELIST, false, Validation.NONE,
            value("morning"), value("afternoon"), value("evening"));
    private static final Attribute DAY = attr("day", Datatype.DATETIME, true, Validation.NONE);
    private static final Attribute NOTE = attr("note", Datatype.TEXT, false, new Validation("none", null, null, null, 10));
    private static final Attribute PLACE = attr("place", Datatype.STRING, false, Validation.NONE);
    private static final Attribute SPOUSE_ID = attr("spouse_id", Datatype.STRING, false,
            new Validation("pattern", null, null, "[1-9]\\d{16}[\\dXx]", 18));

    private static final ServiceDefinition FORM = new ServiceDefinition("test-form", LocalizedText.of("测试", "Test"),
            LocalizedText.of("", ""), "opinion", List.of(), IdentityRequirement.NONE, List.of(),
            List.of(PHONE, COUNT, KIND, TIMES, DAY, NOTE, PLACE, SPOUSE_ID));

    private FieldError.Kind kind(Attribute a, String v) {
        FieldError e = validator.validate(a, v);
        return e == null ? null : e.kind();
    }

    // ---- required

    @Test
    void requiredFieldMustBeFilled() {
        assertThat(validator.validate(KIND, null)).isEqualTo(FieldError.of("kind", FieldError.Kind.REQUIRED));
        assertThat(kind(KIND, "")).isEqualTo(FieldError.Kind.REQUIRED);
        assertThat(kind(KIND, "  \u3000 ")).as("blank, with an ideographic space").isEqualTo(FieldError.Kind.REQUIRED);
    }

    @Test
    void optionalFieldMayBeLeftEmpty() {
        assertThat(validator.validate(TIMES, null)).isNull();
        assertThat(validator.validate(NOTE, " ")).isNull();
    }

    // ---- phone

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", " 15060001234 "})
    void goodMobileNumbers(String phone) {
        assertThat(validator.validate(PHONE, phone)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "23800138000", "1380013800a", "+8613800138000", "138-0013-8000",
            "0593-7812345"})
    void badMobileNumbers(String phone) {
        FieldError e = validator.validate(PHONE, phone);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isIn(FieldError.Kind.NOT_A_PHONE, FieldError.Kind.TOO_LONG);
    }

    @Test
    void twelveDigitsAreNotAPhone() {
        assertThat(kind(attr("p", Datatype.STRING, true, new Validation("phone", null, null, null, 20)), "138001380001"))
                .isEqualTo(FieldError.Kind.NOT_A_PHONE);
    }

    // ---- integers

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "15", "007"})
    void integerInRange(String v) {
        assertThat(validator.validate(COUNT, v)).isNull();
    }

    @Test
    void integerOutOfRangeSaysTheRange() {
        assertThat(validator.validate(COUNT, "0")).isEqualTo(new FieldError("count", FieldError.Kind.OUT_OF_RANGE, 1L, 15L));
        assertThat(validator.validate(COUNT, "16")).isEqualTo(new FieldError("count", FieldError.Kind.OUT_OF_RANGE, 1L, 15L));
        assertThat(validator.validate(COUNT, "-3").describe()).isEqualTo("count: must be from 1 to 15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5", "abc", "1e3", "五", "１２", "99999999999999999999"})
    void notAWholeNumber(String v) {
        assertThat(kind(COUNT, v)).isEqualTo(FieldError.Kind.NOT_A_NUMBER);
    }

    @Test
    void integerRuleOnAStringField() {
        Attribute years = attr("years", Datatype.STRING, true, new Validation("integer", 0L, 99L, null, 0));
        assertThat(validator.validate(years, "42")).isNull();
        assertThat(kind(years, "100")).isEqualTo(FieldError.Kind.OUT_OF_RANGE);
        assertThat(years.inputKind()).isEqualTo(InputKind.KEYPAD);
    }

    // ---- lists

    @Test
    void singleChoiceMustBeAListedKey() {
        assertThat(validator.validate(KIND, "fire")).isNull();
        assertThat(kind(KIND, "flood")).isEqualTo(FieldError.Kind.NOT_A_CHOICE);
        assertThat(kind(KIND, "名fire")).as("the display name is not the key").isEqualTo(FieldError.Kind.NOT_A_CHOICE);
        assertThat(kind(KIND, "fire,noise")).as("one choice only").isEqualTo(FieldError.Kind.NOT_A_CHOICE);
    }

    @Test
    void multiChoiceTakesCommaSeparatedKeys() {
        assertThat(validator.validate(TIMES, "morning")).isNull();
        assertThat(validator.validate(TIMES, "morning,evening")).isNull();
        assertThat(validator.validate(TIMES, "morning, afternoon, evening")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"morning,morning", "evening, morning ,evening", "morning,night", "morning,,evening", "morning,",
            ",morning"})
    void multiChoiceRefusesDuplicatesUnknownAndEmptyPieces(String v) {
        assertThat(kind(TIMES, v)).isEqualTo(FieldError.Kind.NOT_A_CHOICE);
    }

    // ---- dates

    @ParameterizedTest
    @ValueSource(strings = {"2024-08-08", "2024-02-29", "1950-01-01"})
    void goodDates(String v) {
        assertThat(validator.validate(DAY, v)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024/08/08", "08-08-2024", "2024-8-8", "2024年8月8日",
            "2024-08-08T10:00"})
    void badDates(String v) {
        assertThat(kind(DAY, v)).isEqualTo(FieldError.Kind.NOT_A_DATE);
    }

    // ---- length

    @Test
    void tooLongSaysTheLimit() {
        assertThat(validator.validate(NOTE, "路灯不亮井盖缺失垃圾")).as("exactly 10").isNull();
        assertThat(validator.validate(NOTE, "路灯不亮井盖缺失垃圾多"))
                .isEqualTo(new FieldError("note", FieldError.Kind.TOO_LONG, null, 10L));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String tenRareHan = "𠀀".repeat(10); // outside the BMP: two chars each
        assertThat(tenRareHan).hasSize(20);
        assertThat(validator.validate(NOTE, tenRareHan)).isNull();
        assertThat(kind(NOTE, tenRareHan + "a")).isEqualTo(FieldError.Kind.TOO_LONG);
    }

    @Test
    void defaultLimitIsTwoHundred() {
        assertThat(validator.validate(PLACE, "街".repeat(200))).isNull();
        assertThat(validator.validate(PLACE, "街".repeat(201)))
                .isEqualTo(new FieldError("place", FieldError.Kind.TOO_LONG, null, 200L));
    }

    // ---- control characters

    @ParameterizedTest
    @ValueSource(strings = {"东门\u0000路口", "东门\t路口", "\u001b[2J清屏", "东门\r路口", "东门\u007f", "东门\u0085路口"})
    void controlCharactersAreRefused(String v) {
        assertThat(kind(PLACE, v)).isEqualTo(FieldError.Kind.REFUSED_CHARACTER);
        // A lone CR is a line break, which a multi-line text may hold (stored as LF).
        if (!v.contains("\r")) {
            assertThat(kind(NOTE, v.length() > 10 ? v.substring(0, 10) : v)).isEqualTo(FieldError.Kind.REFUSED_CHARACTER);
        }
    }

    @Test
    void lineBreaksOnlyInMultiLineText() {
        assertThat(validator.validate(NOTE, "路灯不亮\n井盖缺失")).isNull();
        assertThat(validator.validate(NOTE, "路灯不亮\r\n井盖缺失")).isNull();
        assertThat(kind(PLACE, "东门\n路口")).isEqualTo(FieldError.Kind.REFUSED_CHARACTER);
    }

    // ---- pattern

    @Test
    void patternMustMatchTheWholeValue() {
        assertThat(validator.validate(SPOUSE_ID, "35098219900101123X")).isNull();
        assertThat(kind(SPOUSE_ID, "05098219900101123X")).isEqualTo(FieldError.Kind.PATTERN);
        assertThat(kind(SPOUSE_ID, "3509821990010112")).isEqualTo(FieldError.Kind.PATTERN);
    }

    // ---- whole forms

    @Test
    void aGoodFormHasNoErrors() {
        Map<String, String> values = Map.of("phone", "13800138000", "count", "3", "kind", "noise",
                "times", "morning,evening", "day", "2024-08-08", "note", "井盖缺失");
        assertThat(validator.validate(FORM, values)).isEmpty();
    }

    @Test
    void unknownFieldsAreReportedWithTheOthers() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phone", "123");
        values.put("count", "3");
        values.put("kind", "noise");
        values.put("day", "2024-08-08");
        values.put("id_number", "350982199001011234");
        assertThat(validator.validate(FORM, values)).containsExactly(
                FieldError.of("id_number", FieldError.Kind.UNKNOWN_FIELD),
                FieldError.of("phone", FieldError.Kind.NOT_A_PHONE));
    }

    @Test
    void anEmptyFormListsEveryRequiredField() {
        assertThat(validator.validate(FORM, Map.of())).extracting(FieldError::attributeCode, FieldError::kind)
                .containsExactly(
                        tuple("phone", FieldError.Kind.REQUIRED),
                        tuple("count", FieldError.Kind.REQUIRED),
                        tuple("kind", FieldError.Kind.REQUIRED),
                        tuple("day", FieldError.Kind.REQUIRED));
    }

    @Test
    void bundledHazardReportCanBeFiledAnonymously() {
        ServiceDefinition hazard = new CatalogLoader().loadBundled().service("hazard-report").orElseThrow();
        Map<String, String> report = Map.of("category", "public_facility", "location", "桐城街道 菜市场 门口",
                "description", "路灯不亮", "since", "today", "danger", "no");
        assertThat(validator.validate(hazard, report)).isEmpty();

        Map<String, String> noCategory = new LinkedHashMap<>(report);
        noCategory.remove("category");
        noCategory.put("phone", "1380013800");
        assertThat(validator.validate(hazard, noCategory)).extracting(FieldError::attributeCode, FieldError::kind)
                .containsExactlyInAnyOrder(
                        tuple("category", FieldError.Kind.REQUIRED),
                        tuple("phone", FieldError.Kind.NOT_A_PHONE));
    }

    @Test
    void bundledHouseRebuildChecksItsRanges() {
        ServiceDefinition rebuild = new CatalogLoader().loadBundled().service("house-rebuild").orElseThrow();
        assertThat(validator.validate(rebuild.attribute("floors"), "5"))
                .isEqualTo(new FieldError("floors", FieldError.Kind.OUT_OF_RANGE, 1L, 4L));
        assertThat(validator.validate(rebuild.attribute("floors"), "4")).isNull();
    }
}
