package org.onetrip.kiosk.ime.pinyin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Words by their pinyin, in a few flat arrays rather than hundreds of thousands of objects (a 2 GB
 * Pi shares its heap with the kiosk): entry {@code i} has its code (syllable ids) and then its text
 * in {@link #pool} from {@code offset[i]}, and a frequency. Entries are sorted by code, shorter
 * codes first, then by frequency, highest first; so every code prefix is one contiguous range and
 * narrowing it by the next syllable is a binary search.
 */
public final class PinyinDictionary {
    private final Syllables syllables;
    private final char[] pool;
    private final int[] offset;
    private final byte[] codeLength;
    private final byte[] textLength;
    private final int[] weight;
    private final long totalWeight;

    private PinyinDictionary(Syllables syllables, char[] pool, int[] offset, byte[] codeLength, byte[] textLength,
            int[] weight) {
        this.syllables = syllables;
        this.pool = pool;
        this.offset = offset;
        this.codeLength = codeLength;
        this.textLength = textLength;
        this.weight = weight;
        long t = 0;
        for (int w : weight) {
            t += w;
        }
        this.totalWeight = t;
    }

    Syllables syllables() {
        return syllables;
    }

    /** The arrays as they are, for {@link PinyinCache} to write (never changed by anyone). */
    char[] pool() {
        return pool;
    }

    int[] offsets() {
        return offset;
    }

    byte[] codeLengths() {
        return codeLength;
    }

    byte[] textLengths() {
        return textLength;
    }

    int[] weights() {
        return weight;
    }

    /** A dictionary from arrays read back by {@link PinyinCache}, which has checked them. */
    static PinyinDictionary of(Syllables syllables, char[] pool, int[] offset, byte[] codeLength, byte[] textLength,
            int[] weight) {
        return new PinyinDictionary(syllables, pool, offset, codeLength, textLength, weight);
    }

    public int size() {
        return offset.length;
    }

    long totalWeight() {
        return totalWeight;
    }

    int codeLength(int i) {
        return codeLength[i];
    }

    int weight(int i) {
        return weight[i];
    }

    String text(int i) {
        return new String(pool, offset[i] + codeLength[i], textLength[i]);
    }

    /** The code of entry {@code i} spelled out, "xi wang". */
    String spelling(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < codeLength[i]; k++) {
            b.append(k == 0 ? "" : " ").append(syllables.spelling(pool[offset[i] + k]));
        }
        return b.toString();
    }

    /** The whole dictionary as one range: the start of a look-up. */
    long all() {
        return range(0, offset.length);
    }

    static long range(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    static int from(long range) {
        return (int) (range >>> 32);
    }

    static int to(long range) {
        return (int) range;
    }

    /**
     * Within {@code r}, whose entries share their first {@code depth} syllables, the entries whose
     * next syllable is {@code id}. Entries with only {@code depth} syllables sort first.
     */
    long narrow(long r, int depth, char id) {
        int lo = lowerBound(from(r), to(r), depth, id);
        int hi = lowerBound(lo, to(r), depth, (char) (id + 1));
        return range(lo, hi);
    }

    private int lowerBound(int lo, int hi, int depth, char id) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            char c = codeLength[mid] > depth ? pool[offset[mid] + depth] : 0;
            if (c < id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Approximate bytes the arrays hold (the measured heap is in the bench). */
    public long arrayBytes() {
        return pool.length * 2L + offset.length * 4L + codeLength.length + textLength.length + weight.length * 4L;
    }

    /** Collects entries, merging equal (code, text) pairs by adding their frequencies, then packs them. */
    static final class Builder {
        private final Syllables syllables;
        private final Map<String, Long> merged = new HashMap<>();

        Builder(Syllables syllables) {
            this.syllables = syllables;
        }

        /** {@code code} is syllable ids; the key keeps code and text apart with a NUL. */
        void add(char[] code, String text, double frequency) {
            if (code.length == 0 || code.length > Byte.MAX_VALUE || text.isEmpty() || text.length() > Byte.MAX_VALUE) {
                return;
            }
            String key = new String(code) + '\0' + text;
            merged.merge(key, Math.max(0, Math.round(frequency)), Long::sum);
        }

        /**
         * Compares the codes of two keys (up to their NUL) without copying them: the NUL sorts
         * before every syllable id, so a shorter code comes first.
         */
        private static int compareCodes(String a, String b) {
            for (int i = 0;; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    return Character.compare(x, y);
                }
                if (x == '\0') {
                    return 0;
                }
            }
        }

        PinyinDictionary build() {
            String[] keys = merged.keySet().toArray(String[]::new);
            long[] w = new long[keys.length];
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < keys.length; i++) {
                w[i] = merged.get(keys[i]);
                order[i] = i;
            }
            merged.clear();
            Arrays.sort(order, (a, b) -> {
                int c = compareCodes(keys[a], keys[b]);
                return c != 0 ? c : Long.compare(w[b], w[a]);
            });
            int poolSize = 0;
            for (String k : keys) {
                poolSize += k.length() - 1;
            }
            char[] pool = new char[poolSize];
            int[] offset = new int[keys.length];
            byte[] codeLength = new byte[keys.length];
            byte[] textLength = new byte[keys.length];
            int[] weight = new int[keys.length];
            int p = 0;
            for (int i = 0; i < order.length; i++) {
                String k = keys[order[i]];
                int nul = k.indexOf('\0');
                offset[i] = p;
                codeLength[i] = (byte) nul;
                textLength[i] = (byte) (k.length() - nul - 1);
                k.getChars(0, nul, pool, p);
                k.getChars(nul + 1, k.length(), pool, p + nul);
                p += k.length() - 1;
                weight[i] = (int) Math.min(Integer.MAX_VALUE, w[order[i]]);
            }
            return new PinyinDictionary(syllables, pool, offset, codeLength, textLength, weight);
        }
    }
}
