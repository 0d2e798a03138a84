package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bundled catalogue's rules for what a resident may enter, as the one validator used by the
 * touch screen, {@code kiosk submit} and the back office applies them: no invisible characters
 * in any text.
 */
class InputRulesTest {
    private final ServiceCatalog catalog = new CatalogLoader().loadBundled();
    private final FormValidator validator = new FormValidator();

    private FieldError check(String service, String field, String value) {
        return validator.validate(catalog.service(service).orElseThrow().attribute(field), value);
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
}
