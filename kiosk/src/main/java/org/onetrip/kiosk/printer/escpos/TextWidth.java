package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Widths and line wrapping in printer columns. A column is one ASCII character of the printer's
 * 12×24 font; 58 mm paper holds {@value #COLUMNS_58MM}, 80 mm {@value #COLUMNS_80MM}.
 *
 * <p>In Chinese mode a printer draws every two-byte GB code, not only Hanzi, from its 24×24 font,
 * so {@code é}, {@code ·} or {@code “} take two columns there just like {@code 中}. Hence the rule
 * is ASCII = 1, any other printable character = 2 (which covers "CJK and full-width = 2"); the
 * raster fallback ({@link TextRaster}) draws with the same cells so the two agree.
 */
public final class TextWidth {
    public static final int COLUMNS_58MM = 32;
    public static final int COLUMNS_80MM = 48;

    /**
     * Chinese words a line must not break inside ({@value #WORDS}, one a line): the words of every
     * text in the bundled catalogue, the centre's texts and the receipt's labels, as ICU's
     * dictionary segments them (the receipt tests keep the list complete), plus common words of
     * the centre's business.
     */
    static final String WORDS = "/printer/words-zh.txt";
    private static final Set<String> LEXICON = loadWords();
    private static final int LONGEST_WORD = LEXICON.stream().mapToInt(w -> w.codePointCount(0, w.length())).max().orElse(1);

    /** Characters a line must not start with (Chinese line-breaking rules, kinsoku). */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:!?)]}";
    /** Characters a line must not end with. */
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    private TextWidth() {
    }

    private static Set<String> loadWords() {
        try (InputStream in = TextWidth.class.getResourceAsStream(WORDS)) {
            if (in == null) {
                throw new IllegalStateException("the word list " + WORDS + " is missing from the build");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the word list " + WORDS, e);
        }
    }

    /** A Chinese character (Han script): the letters of Chinese words. */
    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** True when {@code w} is in the word list. */
    static boolean isWord(String w) {
        return LEXICON.contains(w);
    }

    /** Columns of one code point: 0 for controls, 1 for ASCII, 2 for anything else. */
    public static int of(int codePoint) {
        if (Gb18030.isControl(codePoint)) {
            return 0;
        }
        return codePoint < 0x80 ? 1 : 2;
    }

    /** Columns of {@code text}. */
    public static int of(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * Breaks {@code text} into lines of at most {@code columns}. Lines break between Chinese
     * characters and at spaces; a Latin word moves whole to the next line unless it is longer
     * than a line by itself. Punctuation stays with the character before it ("材料，" never
     * leaves "，" alone at the start of a line). {@code \n} forces a break. Spaces at the end of a
     * line and at the start of a continued line are dropped.
     */
    public static List<String> wrap(String text, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("a line is at least 2 columns, not " + columns);
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, columns, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, int columns, List<String> lines) {
        List<String> out = new ArrayList<>();
        List<List<String>> outTokens = new ArrayList<>(); // the units of each line, for avoidOrphan
        List<String> units = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = 0;
        for (String token : tokens(paragraph, columns / 2)) {
            boolean space = token.isBlank();
            int w = of(token);
            if (space) {
                if (width > 0 && width + w <= columns) {
                    line.append(token);
                    units.add(token);
                    width += w;
                }
                continue;
            }
            if (width + w > columns && width > 0) {
                out.add(stripEnd(line));
                outTokens.add(List.copyOf(units));
                line.setLength(0);
                units.clear();
                width = 0;
            }
            if (w > columns) {
                // Longer than a whole line (a long URL or number): split it where the line ends.
                StringBuilder piece = new StringBuilder();
                for (int i = 0; i < token.length(); ) {
                    int cp = token.codePointAt(i);
                    int cw = of(cp);
                    if (width + cw > columns) {
                        out.add(stripEnd(line));
                        units.add(piece.toString());
                        outTokens.add(List.copyOf(units));
                        line.setLength(0);
                        units.clear();
                        piece.setLength(0);
                        width = 0;
                    }
                    line.appendCodePoint(cp);
                    piece.appendCodePoint(cp);
                    width += cw;
                    i += Character.charCount(cp);
                }
                units.add(piece.toString());
            } else {
                line.append(token);
                units.add(token);
                width += w;
            }
        }
        out.add(stripEnd(line));
        outTokens.add(List.copyOf(units));
        avoidOrphan(out, outTokens, columns);
        lines.addAll(out);
    }

    /**
     * A last line of one Chinese character (with its punctuation) reads badly ("务"): take the
     * previous line's last unit down with it when that line keeps something.
     */
    private static void avoidOrphan(List<String> lines, List<List<String>> lineTokens, int columns) {
        int n = lines.size();
        if (n < 2 || lineTokens.size() != n) {
            return;
        }
        String last = lines.get(n - 1);
        int han = (int) last.codePoints().filter(TextWidth::isHan).count();
        boolean rest = last.codePoints().allMatch(c -> isHan(c) || NO_LINE_START.indexOf(c) >= 0);
        List<String> prev = lineTokens.get(n - 2);
        if (han != 1 || !rest || prev.size() < 2) {
            return;
        }
        String moved = prev.get(prev.size() - 1);
        String joined = moved.stripLeading() + last;
        if (of(joined) > columns || moved.isBlank()) {
            return;
        }
        StringBuilder before = new StringBuilder();
        prev.subList(0, prev.size() - 1).forEach(before::append);
        lines.set(n - 2, stripEnd(before));
        lines.set(n - 1, joined);
    }

    /**
     * Splits a paragraph into units that are never broken (unless longer than a line): runs of
     * spaces, Latin words, and single wide characters, with line-start punctuation glued to the
     * unit before it and line-end punctuation glued to the unit after it.
     */
    static List<String> tokens(String s) {
        return tokens(s, Integer.MAX_VALUE);
    }

    /** As {@link #tokens(String)}, with no word longer than {@code maxWord} characters (what fits a line). */
    static List<String> tokens(String s, int maxWord) {
        List<String> atoms = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int start = i;
            if (cp == ' ' || cp == '\t') {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                atoms.add(s.substring(start, i).replace('\t', ' '));
            } else if (of(cp) <= 1) {
                while (i < s.length()) {
                    int c = s.codePointAt(i);
                    if (c == ' ' || c == '\t' || of(c) > 1) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                atoms.add(s.substring(start, i));
            } else if (isHan(cp)) {
                while (i < s.length() && isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                atoms.addAll(words(s.substring(start, i), maxWord));
            } else {
                i += Character.charCount(cp);
                atoms.add(s.substring(start, i));
            }
        }
        List<String> tokens = new ArrayList<>();
        boolean glueNext = false;
        for (String atom : atoms) {
            boolean space = atom.isBlank();
            boolean glue = !tokens.isEmpty() && !space && !tokens.get(tokens.size() - 1).isBlank()
                    && (glueNext || NO_LINE_START.indexOf(atom.codePointAt(0)) >= 0);
            if (glue) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + atom);
            } else {
                tokens.add(atom);
            }
            int last = atom.codePointBefore(atom.length());
            glueNext = !space && NO_LINE_END.indexOf(last) >= 0;
        }
        return tokens;
    }

    /**
     * A run of Chinese characters as words: at each place the longest word of the list that starts
     * there (forward maximum matching), else one character.
     */
    static List<String> words(String run) {
        return words(run, Integer.MAX_VALUE);
    }

    /** As {@link #words(String)}, with words of at most {@code maxWord} characters ("自助服务" is "自助", "服务" on 3). */
    static List<String> words(String run, int maxWord) {
        List<String> out = new ArrayList<>();
        int longest = Math.min(LONGEST_WORD, maxWord);
        int i = 0;
        while (i < run.length()) {
            int end = run.offsetByCodePoints(i, 1);
            int limit = i;
            for (int k = 0; k < longest && limit < run.length(); k++) {
                limit = run.offsetByCodePoints(limit, 1);
                if (k >= 1 && LEXICON.contains(run.substring(i, limit))) {
                    end = limit;
                }
            }
            out.add(run.substring(i, end));
            i = end;
        }
        return out;
    }

    private static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
