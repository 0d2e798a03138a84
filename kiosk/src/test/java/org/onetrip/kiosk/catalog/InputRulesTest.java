package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalogue's rules for what a resident may enter, as the one validator used by the
 * touch screen, {@code kiosk submit} and the back office applies them: dates per field, and no
 * invisible characters in any text.
 */
class InputRulesTest {
    private final ServiceCatalog catalog = new CatalogLoader().loadBundled();
    /** 2026-11-29 in Fuding. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T18:05:00Z"), ZoneId.of("Asia/Shanghai"));
    private final FormValidator validator = new FormValidator(clock);

    private FieldError check(String service, String field, String value) {
        return validator.validate(catalog.service(service).orElseThrow().attribute(field), value);
    }

    @Test
    void aMarriageDateIsNotInTheFutureNorAbsurdlyOld() {
        assertThat(check("birth-registration", "marriage_date", "2999-01-01"))
                .isEqualTo(new FieldError("marriage_date", FieldError.Kind.DATE_TOO_LATE, null, null, "2026-11-29"));
        assertThat(check("birth-registration", "marriage_date", "2026-11-30").kind()).isEqualTo(FieldError.Kind.DATE_TOO_LATE);
        assertThat(check("birth-registration", "marriage_date", "2026-11-29")).isNull();
        assertThat(check("birth-registration", "marriage_date", "2019-10-01")).isNull();
        assertThat(check("birth-registration", "marriage_date", "1899-12-31"))
                .isEqualTo(new FieldError("marriage_date", FieldError.Kind.DATE_TOO_EARLY, null, null, "1956-11-29"));
        assertThat(check("birth-registration", "marriage_date", "2999-01-01").describe())
                .isEqualTo("marriage_date: must not be after 2026-11-29");
    }

    @Test
    void aBookingIsNotInThePastNorMonthsAhead() {
        assertThat(check("venue-booking", "use_date", "2026-11-28").kind()).isEqualTo(FieldError.Kind.DATE_TOO_EARLY);
        assertThat(check("venue-booking", "use_date", "2026-11-29")).isNull();
        assertThat(check("venue-booking", "use_date", "2027-05-29")).isNull();
        assertThat(check("venue-booking", "use_date", "2027-05-30").kind()).isEqualTo(FieldError.Kind.DATE_TOO_LATE);
    }

    @Test
    void everyDateFieldOfTheCatalogueHasItsOwnRangeAndRefusesTheYear2999() {
        int dateFields = 0;
        for (ServiceDefinition s : catalog.services()) {
            for (Attribute a : s.attributes()) {
                if (a.datatype() == Datatype.DATETIME) {
                    dateFields++;
                    assertThat(a.validation().minDate()).as("%s.%s min_date", s.code(), a.code()).isNotNull();
                    assertThat(a.validation().maxDate()).as("%s.%s max_date", s.code(), a.code()).isNotNull();
                    assertThat(validator.validate(a, "2999-01-01").kind()).isEqualTo(FieldError.Kind.DATE_TOO_LATE);
                    assertThat(validator.validate(a, "1800-01-01").kind()).isEqualTo(FieldError.Kind.DATE_TOO_EARLY);
                    LocalDate earliest = a.validation().earliest(LocalDate.now(clock));
                    assertThat(validator.validate(a, earliest.toString())).isNull();
                }
            }
        }
        assertThat(dateFields).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aDateFieldWithoutARuleStillRefusesTheAbsurd() {
        Attribute bare = new Attribute("d", Datatype.DATETIME, true, LocalizedText.of("日期", "Date"),
                LocalizedText.of("", ""), 1, null, null, null, false);
        assertThat(validator.validate(bare, "2999-01-01").kind()).isEqualTo(FieldError.Kind.DATE_TOO_LATE);
        assertThat(validator.validate(bare, "1850-01-01").kind()).isEqualTo(FieldError.Kind.DATE_TOO_EARLY);
        assertThat(validator.validate(bare, "2030-01-01")).isNull();
    }

    @Test
    void theBackOfficeChecksAgainstTheDayOfFilingNotTheDayOfDelivery() {
        Attribute useDate = catalog.service("venue-booking").orElseThrow().attribute("use_date");
        // Filed for the same day, delivered three days later from the outbox.
        assertThat(FormValidator.asFiledAt("2026-11-28T18:05:00Z").validate(useDate, "2026-11-29")).isNull();
        assertThat(new FormValidator(Clock.offset(clock, java.time.Duration.ofDays(3))).validate(useDate, "2026-11-29"))
                .isNotNull();
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRefusedInEveryTextField() {
        FieldError e = check("hazard-report", "description", "红绿灯不亮\u202E车辆抢行");
        assertThat(e.kind()).isEqualTo(FieldError.Kind.REFUSED_CHARACTER);
        assertThat(e.describe()).isEqualTo("description: character 6 is U+202E RIGHT-TO-LEFT OVERRIDE, which is not allowed");
        assertThat(check("hazard-report", "location", "东门\u200B路口").kind()).isEqualTo(FieldError.Kind.REFUSED_CHARACTER);
        assertThat(check("residence-certificate", "address", "桐城\uFFFD街道").describe()).contains("not valid UTF-8");
        assertThat(check("hazard-report", "description", "红绿灯不亮，\n车辆抢行！")).isNull();
    }

    @Test
    void aDateRuleInTheCatalogueIsCheckedWhenItLoads() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String base = """
                {"windows": [{"code": "w", "letter": "A", "name": "窗口"}],
                 "services": [{"service_code": "s", "service_name": "服务", "group": "w",
                   "attributes": [{"code": "d", "datatype": "%s", "validation": {"max_date": "%s"}}]}]}""";
        assertThat(new CatalogLoader().parse(m.readTree(base.formatted("datetime", "today+2y")), "t.json")
                .service("s").orElseThrow().attribute("d").validation().maxDate().text()).isEqualTo("today+2y");
        assertThatThrownBy(() -> new CatalogLoader().parse(m.readTree(base.formatted("datetime", "tomorrow")), "t.json"))
                .hasMessageContaining("attribute 'd'").hasMessageContaining("date bound 'tomorrow'");
        assertThatThrownBy(() -> new CatalogLoader().parse(m.readTree(base.formatted("string", "today")), "t.json"))
                .hasMessageContaining("for datetime fields only");
        ObjectNode root = (ObjectNode) m.readTree(base.formatted("datetime", "today+2y"));
        ServiceCatalog c = new CatalogLoader().parse(root, "t.json");
        // Both ways through Open311: the back office serves the rule, a kiosk reads it back.
        assertThat(Open311Catalog.serviceDefinition(c.service("s").orElseThrow()).toString()).contains("\"max_date\":\"today+2y\"");
    }
}
