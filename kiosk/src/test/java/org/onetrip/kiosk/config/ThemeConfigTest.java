package org.onetrip.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** {@code ui.theme}: normal by default, high-contrast on request, anything else refused at start. */
class ThemeConfigTest {

    @Test
    void theThemeIsNormalUnlessTheProfileAsksForHighContrast() {
        assertThat(KioskConfig.simulator().validate().highContrast()).isFalse();
        assertThat(KioskConfig.simulator("ui.theme=normal").validate().highContrast()).isFalse();
        assertThat(KioskConfig.simulator("ui.theme=high-contrast").validate().highContrast()).isTrue();
    }

    @Test
    void anUnknownThemeIsRefusedWithTheKeyTheValueAndWhatIsAllowed() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> KioskConfig.simulator("ui.theme=dark").validate());
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("ui.theme");
        assertThat(e.value()).isEqualTo("dark");
        assertThat(e.getMessage()).contains("normal | high-contrast");
    }
}
