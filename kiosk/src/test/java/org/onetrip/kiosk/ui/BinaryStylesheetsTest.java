package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stylesheet the kiosk ships has its binary form beside it (the build's BinaryStylesheets),
 * made from the stylesheet as it is now (the same bytes a fresh conversion gives): JavaFX loads the {@code .bss}
 * in place of the {@code .css}, so one left over from an older stylesheet would style the kiosk
 * with old rules.
 */
class BinaryStylesheetsTest {
    private static List<Path> stylesheets() throws Exception {
        Path ui = Path.of(BinaryStylesheetsTest.class.getResource(KioskUi.STYLESHEET).toURI()).getParent();
        try (Stream<Path> s = Files.list(ui)) {
            return s.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
    }

    @Test
    void eachStylesheetHasABinaryMadeFromItAsItIsNow(@TempDir Path tmp) throws Exception {
        List<Path> css = stylesheets();
        assertThat(css).extracting(p -> p.getFileName().toString()).contains("kiosk.css", "speech.css", "high-contrast.css");
        for (Path source : css) {
            Path binary = BinaryStylesheets.binaryOf(source);
            assertThat(binary).as(source + " has no binary form: build with mvn").exists();
            Path fresh = tmp.resolve(binary.getFileName());
            Stylesheet.convertToBinary(source.toFile(), fresh.toFile());
            assertThat(Files.readAllBytes(binary)).as(binary + " is stale: build again").isEqualTo(Files.readAllBytes(fresh));
            // And JavaFX reads it back with every rule.
            assertThat(Stylesheet.loadBinary(binary.toUri().toURL()).getRules())
                    .hasSameSizeAs(new CssParser().parse(source.toUri().toURL()).getRules());
        }
    }
}
