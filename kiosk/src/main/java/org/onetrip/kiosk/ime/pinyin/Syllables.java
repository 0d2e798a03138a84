package org.onetrip.kiosk.ime.pinyin;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The pinyin syllables the dictionary spells with, sorted, each with a small id ({@code char}, from
 * 1). Sorted ids make every syllable that starts with a given prefix ("x" → xi, xia, xian…) one
 * contiguous id range, so a partly typed syllable or an initial-only abbreviation is a range.
 */
final class Syllables {
    /** The longest syllable, "zhuang" and "chuang", has six letters. */
    static final int MAX_LENGTH = 6;
    private static final String INITIALS = "bpmfdtnlgkhjqxrzcsyw";

    private final String[] sorted;

    Syllables(Collection<String> syllables) {
        this.sorted = new TreeSet<>(syllables).toArray(String[]::new);
        if (sorted.length >= Character.MAX_VALUE - 1) {
            throw new IllegalArgumentException("too many syllables: " + sorted.length);
        }
    }

    /** The syllables in id order (id 1 first), for {@link PinyinCache}. */
    String[] sorted() {
        return sorted.clone();
    }

    int size() {
        return sorted.length;
    }

    /** The id of a whole syllable, or 0. luna_pinyin spells ü as v (lve); "lue" is accepted for it. */
    char id(String syllable) {
        int i = Arrays.binarySearch(sorted, syllable);
        if (i < 0 && (syllable.equals("lue") || syllable.equals("nue"))) {
            i = Arrays.binarySearch(sorted, syllable.charAt(0) + "ve");
        }
        return i < 0 ? 0 : (char) (i + 1);
    }

    String spelling(char id) {
        return sorted[id - 1];
    }

    /** Ids of every syllable starting with {@code prefix}, as {@code [first, last]}; first > last when none. */
    char[] withPrefix(String prefix) {
        int i = Arrays.binarySearch(sorted, prefix);
        int from = i < 0 ? -i - 1 : i;
        int to = from;
        while (to < sorted.length && sorted[to].startsWith(prefix)) {
            to++;
        }
        return new char[] {(char) (from + 1), (char) to};
    }

    boolean anyStartsWith(String prefix) {
        char[] r = withPrefix(prefix);
        return r[0] <= r[1];
    }

    /** A consonant initial (b…w, or zh ch sh) that may stand for its syllables when typed alone. */
    static boolean isInitial(String s) {
        return s.length() == 1 && INITIALS.indexOf(s.charAt(0)) >= 0
                || s.equals("zh") || s.equals("ch") || s.equals("sh");
    }
}
