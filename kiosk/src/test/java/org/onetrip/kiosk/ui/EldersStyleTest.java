package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    void theKeyboardsSheetIsScaledForTheMode() throws Exception {
        String url = EldersStyle.ownSheet("/ui/keyboard-ime.css");
        String css = new String(new java.net.URL(url).openStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(css).contains(".elders #keyboard .key.ime-mode { -fx-font-size: 36px; }")
                .contains(".elders #keyboard .key.candidate { -fx-font-size: 42px; }");
        assertThat(EldersStyle.ownSheet("/ui/keyboard-ime.css")).isEqualTo(url); // the build's one sheet
    }

    /**
     * The build writes the mode's sheets from the theme (BinaryStylesheets): the ones in the build
     * are what the theme's sources make now, so a size changed in kiosk.css is scaled too.
     */
    @Test
    void theBuildsScaledSheetsAreTheSourcesScaled() throws Exception {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/resources");
        java.util.Map<String, String> now = EldersStyle.generated(p -> {
            try {
                return java.nio.file.Files.readString(sources.resolve(p.substring(1)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(now).containsOnlyKeys("elders-fonts.css", "keyboard-ime-elders.css", "handwriting-elders.css");
        for (java.util.Map.Entry<String, String> e : now.entrySet()) {
            try (java.io.InputStream in = EldersStyleTest.class.getResourceAsStream("/ui/" + e.getKey())) {
                assertThat(in).as(e.getKey() + " in the build (mvn compile writes it)").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(EldersStyle.stylesheets()).allMatch(u -> !u.startsWith("data:"));
    }

    @Test
    void aSheetWithoutAnEldersVersionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EldersStyle.ownSheet("/ui/home.css"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
