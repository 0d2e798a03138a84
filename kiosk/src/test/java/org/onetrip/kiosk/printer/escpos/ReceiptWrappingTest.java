package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * Line breaking of every text of the catalogue and the receipt, in both languages, at the widths
 * a receipt wraps to on 58 and 80 mm paper: normal lines, double-size lines, and lines indented
 * under a list number. Chinese breaks only between words (ICU's dictionary is the judge), with
 * punctuation kept with the character before it and no lone character on a last line; English
 * breaks only at spaces unless a word is longer than a line.
 */
class ReceiptWrappingTest {
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:!?)]}";

    static Stream<Arguments> widths() {
        List<Arguments> out = new ArrayList<>();
        for (int paper : new int[] {58, 80}) {
            int columns = paper == 58 ? TextWidth.COLUMNS_58MM : TextWidth.COLUMNS_80MM;
            out.add(Arguments.of(paper, "normal", columns));
            out.add(Arguments.of(paper, "double size", columns / 2));
            out.add(Arguments.of(paper, "under '1. '", columns - 3));
            out.add(Arguments.of(paper, "under '10. '", columns - 4));
        }
        return out.stream();
    }

    @Test
    void theWordListHoldsEveryWordOfTheCatalogueAndTheReceipt() throws Exception {
        TreeSet<String> icu = new TreeSet<>();
        for (LocalizedText t : ReceiptTexts.all()) {
            icu.addAll(ReceiptTexts.icuWords(t.zh()));
        }
        if (System.getenv("ONETRIP_WRITE_WORDS") != null) {
            // ONETRIP_WRITE_WORDS=1 mvn -pl kiosk test -Dtest=ReceiptWrappingTest, after a catalogue change
            Path file = Path.of("src/main/resources" + TextWidth.WORDS);
            TreeSet<String> words = new TreeSet<>(icu);
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
            List<String> lines = new ArrayList<>(List.of(
                    "# Chinese words a receipt line must not break inside (printer/escpos/TextWidth), one a line.",
                    "# Made from ICU's segmentation of the catalogue's and the receipt's texts by ReceiptWrappingTest",
                    "# (ONETRIP_WRITE_WORDS=1); words may be added by hand."));
            lines.addAll(words);
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        List<String> missing = icu.stream().filter(w -> !TextWidth.isWord(w)).toList();
        assertThat(missing).as("words of the catalogue missing from " + TextWidth.WORDS
                + " (run this test with ONETRIP_WRITE_WORDS=1 set to add them)").isEmpty();
    }

    @ParameterizedTest(name = "{0} mm, {1}: {2} columns")
    @MethodSource("widths")
    void chineseBreaksOnlyBetweenWordsAndLeavesNoCharacterAlone(int paper, String how, int columns) {
        List<String> problems = new ArrayList<>();
        for (LocalizedText t : ReceiptTexts.all()) {
            String text = t.zh();
            List<String> lines = TextWidth.wrap(text, columns);
            TreeSet<Integer> words = ReceiptTexts.icuBoundaries(text);
            int p = 0;
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                assertThat(TextWidth.of(line)).as(line).isLessThanOrEqualTo(columns);
                while (k > 0 && p < text.length() && text.charAt(p) == ' ') {
                    p++;
                }
                assertThat(text.startsWith(line, p)).as("'%s' continues '%s' at %d", line, text, p).isTrue();
                if (k > 0) {
                    int at = p;
                    Integer before = words.floor(at);
                    Integer after = words.ceiling(at);
                    boolean inside = !words.contains(at) && after != null && before != null
                            && text.substring(before, after).codePoints().allMatch(TextWidth::isHan);
                    if (inside && TextWidth.of(text.substring(before, after)) <= columns) {
                        problems.add(lines.get(k - 1) + " / " + line + "   (inside '" + text.substring(before, after) + "')");
                    }
                    if (!line.isEmpty() && NO_LINE_START.indexOf(line.codePointAt(0)) >= 0) {
                        problems.add(lines.get(k - 1) + " / " + line + "   (punctuation starts a line)");
                    }
                }
                p += line.length();
            }
            String last = lines.get(lines.size() - 1);
            if (lines.size() > 1 && last.codePoints().filter(TextWidth::isHan).count() == 1
                    && last.codePoints().allMatch(c -> TextWidth.isHan(c) || NO_LINE_START.indexOf(c) >= 0)) {
                problems.add(String.join(" / ", lines) + "   (one character alone on the last line)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0} mm, {1}: {2} columns")
    @MethodSource("widths")
    void englishBreaksOnlyAtSpaces(int paper, String how, int columns) {
        List<String> problems = new ArrayList<>();
        for (LocalizedText t : ReceiptTexts.all()) {
            String text = t.get(Locale.ENGLISH);
            List<String> lines = TextWidth.wrap(text, columns);
            int p = 0;
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                assertThat(TextWidth.of(line)).as(line).isLessThanOrEqualTo(columns);
                boolean atSpace = k == 0 || p < text.length() && text.charAt(p) == ' ';
                while (k > 0 && p < text.length() && text.charAt(p) == ' ') {
                    p++;
                }
                assertThat(text.startsWith(line, p)).as("'%s' continues '%s'", line, text).isTrue();
                if (!atSpace) {
                    // Mid-word: allowed only for a word longer than the line, or after a Chinese character.
                    int s = text.lastIndexOf(' ', p) + 1;
                    int e = text.indexOf(' ', p);
                    String word = text.substring(s, e < 0 ? text.length() : e);
                    boolean cjk = TextWidth.of(text.codePointBefore(p)) > 1 || TextWidth.of(text.codePointAt(p)) > 1;
                    if (TextWidth.of(word) <= columns && !cjk) {
                        problems.add(lines.get(k - 1) + " / " + line + "   (inside '" + word + "')");
                    }
                }
                p += line.length();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCentresHoursNoLongerSplitSelfService() {
        String hours = "窗口办理：工作日 8:00-12:00 14:30-17:30，自助服务 24 小时";
        assertThat(TextWidth.wrap(hours, TextWidth.COLUMNS_80MM))
                .containsExactly("窗口办理：工作日 8:00-12:00 14:30-17:30，", "自助服务 24 小时");
    }
}
