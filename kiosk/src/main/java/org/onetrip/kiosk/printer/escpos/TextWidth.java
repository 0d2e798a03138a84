package org.onetrip.kiosk.printer.escpos;

import java.util.ArrayList;
import java.util.List;

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

    /** Characters a line must not start with (Chinese line-breaking rules, kinsoku). */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:!?)]}";
    /** Characters a line must not end with. */
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    private TextWidth() {
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
        StringBuilder line = new StringBuilder();
        int width = 0;
        for (String token : tokens(paragraph)) {
            boolean space = token.isBlank();
            int w = of(token);
            if (space) {
                if (width > 0 && width + w <= columns) {
                    line.append(token);
                    width += w;
                }
                continue;
            }
            if (width + w > columns && width > 0) {
                lines.add(stripEnd(line));
                line.setLength(0);
                width = 0;
            }
            if (w > columns) {
                // Longer than a whole line (a long URL or number): split it where the line ends.
                for (int i = 0; i < token.length(); ) {
                    int cp = token.codePointAt(i);
                    int cw = of(cp);
                    if (width + cw > columns) {
                        lines.add(stripEnd(line));
                        line.setLength(0);
                        width = 0;
                    }
                    line.appendCodePoint(cp);
                    width += cw;
                    i += Character.charCount(cp);
                }
            } else {
                line.append(token);
                width += w;
            }
        }
        lines.add(stripEnd(line));
    }

    /**
     * Splits a paragraph into units that are never broken (unless longer than a line): runs of
     * spaces, Latin words, and single wide characters, with line-start punctuation glued to the
     * unit before it and line-end punctuation glued to the unit after it.
     */
    static List<String> tokens(String s) {
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

    private static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
