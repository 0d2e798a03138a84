package org.onetrip.kiosk.ui.form;

import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.Datatype;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * How a tapped common phrase goes into its field. The catalogue's phrases are of two kinds, told
 * apart by the field's datatype:
 * <ul>
 * <li>A one-line field ({@code string}: an address, where something is, a Party organisation's
 * name) holds one Chinese name, and its phrases are pieces of it: 桐城街道, 社区, 号楼, 室. A
 * piece joins the text before it as it is ("7" then 号楼 is 7号楼), and it is always the Chinese
 * piece, even in an English session: the name goes to Chinese-speaking staff and onto Chinese
 * papers. The chip shows the English meaning beside it.</li>
 * <li>A text area ({@code text}: what happened, a suggestion) holds sentences, and its phrases are
 * whole ones in the session's language (路灯不亮, "Street light out"), set apart from the text
 * around them by a comma.</li>
 * </ul>
 * Either goes in at the caret, as a key would.
 */
final class Phrases {
    private Phrases() {
    }

    /** Whether {@code a}'s phrases are pieces of one Chinese name rather than sentences. */
    static boolean pieces(Attribute a) {
        return a.datatype() == Datatype.STRING;
    }

    /** What tapping {@code p} writes into {@code a}: a piece in Chinese, a sentence in the session's language. */
    static String written(Attribute a, LocalizedText p, boolean chinese) {
        return pieces(a) || chinese ? p.zh() : p.en();
    }

    /** A change to a field: {@code text} replaces what is from {@code from} to {@code to}; the caret then stands after it. */
    record Insertion(int from, int to, String text) {
    }

    /**
     * What to insert for {@code phrase} into {@code current} at {@code caret}: a piece as it is; a
     * sentence with the session's comma before it and after it where it meets other words (spaces
     * typed before the caret give way to the comma).
     */
    static Insertion insert(String current, int caret, String phrase, boolean piece, boolean chinese) {
        int at = Math.max(0, Math.min(caret, current.length()));
        if (piece) {
            return new Insertion(at, at, phrase);
        }
        String before = current.substring(0, at).stripTrailing();
        String after = current.substring(at);
        StringBuilder s = new StringBuilder();
        if (!before.isEmpty()) {
            s.append(endsSentence(before) ? (chinese ? "" : " ") : chinese ? "，" : ", ");
        }
        s.append(phrase);
        if (!after.isBlank() && !startsWithPunctuation(after)) {
            s.append(chinese ? "，" : ",");
            if (!chinese && !Character.isWhitespace(after.charAt(0))) {
                s.append(' ');
            }
        }
        return new Insertion(before.length(), at, s.toString());
    }

    /** Ends with a mark after which a new sentence needs no comma (。！？，；： and their Latin forms). */
    private static boolean endsSentence(String s) {
        return "。！？，；：、.!?,;:".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    private static boolean startsWithPunctuation(String s) {
        String t = s.stripLeading();
        return !t.isEmpty() && "。！？，；：、.!?,;:".indexOf(t.charAt(0)) >= 0;
    }
}
