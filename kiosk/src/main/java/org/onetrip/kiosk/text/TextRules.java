package org.onetrip.kiosk.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What text the kiosk accepts from a person or a device, wherever it comes from (touch screen,
 * {@code kiosk submit}, a scanner, a profile file): printable characters only. Refused are control
 * characters (a line break only where a field allows several lines), format characters (bidi
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width characters U+200B–U+200D,
 * U+2060 and U+FEFF: they make a text read differently from what is stored), lone surrogates,
 * private-use and unassigned code points, line and paragraph separators, and U+FFFD, the mark of
 * bytes that were not UTF-8. Chinese, other scripts, punctuation, combining marks and emoji
 * without joiners stay. Accepted text is stored in NFC, line breaks as LF.
 */
public final class TextRules {
    private TextRules() {
    }

    /** NFC, CR LF and lone CR as LF, stripped of surrounding white space. */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String n = s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n").replace('\r', '\n') : s;
        return Normalizer.normalize(n, Normalizer.Form.NFC).strip();
    }

    /** The index (in chars) of the first refused code point of {@code s}, or -1 when all are accepted. */
    public static int firstRefused(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (refused(cp, multiLine)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** True when {@code s} holds nothing refused. */
    public static boolean acceptable(String s, boolean multiLine) {
        return firstRefused(s, multiLine) < 0;
    }

    public static boolean refused(int cp, boolean multiLine) {
        if (cp == '\n') {
            return !multiLine;
        }
        if (cp == 0xFFFD) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** {@code U+202E RIGHT-TO-LEFT OVERRIDE}: how an error names a character nobody can see. */
    public static String name(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    /**
     * Why {@code s} is refused, naming the character and its position (1-based, in characters as a
     * person counts them), or null when it is accepted.
     */
    public static String problem(String s, boolean multiLine) {
        int i = firstRefused(s, multiLine);
        if (i < 0) {
            return null;
        }
        int cp = s.codePointAt(i);
        return "character " + (s.codePointCount(0, i) + 1) + " is " + name(cp)
                + (cp == 0xFFFD ? " (the text was not valid UTF-8)" : ", which is not allowed");
    }
}
