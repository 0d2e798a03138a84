package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet the kiosk ships has its binary form beside it (the build's BinaryStylesheets),
 * with the rules the stylesheet says now (a fresh parse, rule by rule and value by value): JavaFX loads the {@code .bss}
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

    /**
     * A rule as JavaFX uses it: its selectors and each declaration's property, importance and
     * value, nested values and converters spelled out (a binary rule unpacks its declarations only
     * when asked, and the two forms' arrays differ by identity only).
     */
    private static String rules(Stylesheet s) {
        StringBuilder b = new StringBuilder();
        for (Rule r : s.getRules()) {
            b.append(r.getSelectors()).append(" {");
            for (Declaration d : r.getDeclarations()) {
                b.append(' ').append(d.getProperty()).append(": ").append(describe(d.getParsedValue()))
                        .append(d.isImportant() ? " !important" : "").append(';');
            }
            b.append(" }\n");
        }
        return b.toString();
    }

    private static String describe(Object v) {
        if (v instanceof ParsedValue<?, ?> p) {
            return "(" + describe(p.getValue()) + " as " + (p.getConverter() == null ? "-" : p.getConverter().getClass().getName()) + ")";
        }
        if (v instanceof Object[] a) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : a) {
                b.append(describe(o)).append(',');
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }

    @Test
    void eachStylesheetHasABinaryWithTheRulesItSaysNow() throws Exception {
        List<Path> css = stylesheets();
        assertThat(css).extracting(p -> p.getFileName().toString()).contains("kiosk.css", "speech.css", "high-contrast.css");
        for (Path source : css) {
            Path binary = BinaryStylesheets.binaryOf(source);
            assertThat(binary).as(source + " has no binary form: build with mvn").exists();
            Stylesheet parsed = new CssParser().parse(source.toUri().toURL());
            Stylesheet loaded = Stylesheet.loadBinary(binary.toUri().toURL());
            assertThat(loaded.getRules()).as(binary.toString()).hasSameSizeAs(parsed.getRules());
            assertThat(rules(loaded)).as(binary + " is stale: build again").isEqualTo(rules(parsed));
        }
    }

    @Test
    void aChangedValueIsToldApart() throws Exception {
        // The comparison above sees one value changed (the test's own check that it can fail).
        Path kiosk = Path.of(BinaryStylesheetsTest.class.getResource(KioskUi.STYLESHEET).toURI());
        String text = Files.readString(kiosk);
        Stylesheet parsed = new CssParser().parse(text);
        Stylesheet changed = new CssParser().parse(text.replaceFirst("-fx-font-size: *\\d+px", "-fx-font-size: 7px"));
        assertThat(rules(changed)).isNotEqualTo(rules(parsed));
    }
}
