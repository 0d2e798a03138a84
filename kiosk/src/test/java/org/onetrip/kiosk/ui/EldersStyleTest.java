package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The elders' mode's sizes derived from a stylesheet: each font size times 1.5, scoped when asked. */
class EldersStyleTest {
    private static final String CSS = """
            /* a comment { -fx-font-size: 99px; } */
            #keyboard .key.ime-mode { -fx-min-width: 88px; -fx-font-size: 24px; }
            #bottom-input #pad .hw-candidate, #pad .hw-candidate {
                -fx-min-width: 80px; -fx-font-size: 36px;
            }
            .plain { -fx-padding: 4; }
            """;

    @Test
    void sizesTimesOneAndAHalfWithTheSameSelectors() {
        String out = EldersStyle.scaledFonts(CSS, 1.5);
        assertThat(out).contains("#keyboard .key.ime-mode { -fx-font-size: 36px; }")
                .contains("#bottom-input #pad .hw-candidate, #pad .hw-candidate { -fx-font-size: 54px; }")
                .doesNotContain("99px").doesNotContain(".plain").doesNotContain("min-width");
    }

    @Test
    void aControlsOwnSheetIsScopedToTheModesRootClassSelectorBySelector() {
        String out = EldersStyle.scaledFonts(CSS, 1.5, ".elders ");
        assertThat(out).contains(".elders #keyboard .key.ime-mode { -fx-font-size: 36px; }")
                .contains(".elders #bottom-input #pad .hw-candidate, .elders #pad .hw-candidate { -fx-font-size: 54px; }");
    }

    @Test
    void theKeyboardsSheetIsScaledForTheMode() {
        String url = EldersStyle.ownSheet("/ui/keyboard-ime.css");
        assertThat(url).startsWith("data:text/css;base64,");
        String css = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(css).contains(".elders #keyboard .key.ime-mode { -fx-font-size: 36px; }")
                .contains(".elders #keyboard .key.candidate { -fx-font-size: 42px; }");
        assertThat(EldersStyle.ownSheet("/ui/keyboard-ime.css")).isSameAs(url); // made once
    }
}
