package org.onetrip.kiosk.ime.pinyin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed pinyin to candidates. The letters are cut into syllables every way the dictionary allows
 * ({@code xian} is 先 or 西安; an apostrophe forces a cut: {@code xi'an}); the last syllable may be
 * partly typed ({@code xiwan} finds 希望), and a consonant that cannot begin a syllable with the
 * letter after it stands for any syllable it begins ({@code xw} → 希望). Candidates that use up more
 * of the input come first, then exact spellings before approximate ones, then by frequency; so
 * phrases come before their single characters. When no one word covers the whole input, the best
 * sentence of words (the most probable by word frequency) comes first.
 */
public final class PinyinConverter {
    /** Longer words are rare, and a look-up must stay fast on a Pi. */
    static final int MAX_WORD_SYLLABLES = 12;
    /** At most this many candidates: beyond them a resident types more letters, not more pages. */
    static final int MAX_CANDIDATES = 600;

    static final Comparator<Candidate> RANK = Comparator.comparingInt(Candidate::consumed).reversed()
            .thenComparing(Candidate::approximate)
            .thenComparing(Comparator.comparingLong(Candidate::frequency).reversed());

    private final PinyinDictionary dict;
    private final Syllables syllables;

    public PinyinConverter(PinyinDictionary dict) {
        this.dict = dict;
        this.syllables = dict.syllables();
    }

    public PinyinDictionary dictionary() {
        return dict;
    }

    /** True for what can be typed: the letters a–z and the apostrophe that separates syllables. */
    public static boolean isPinyin(String input) {
        return input.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '\'');
    }

    /** The candidates for {@code input} (lower-case letters and apostrophes), best first. */
    public List<Candidate> candidates(String input) {
        if (!isPinyin(input)) {
            throw new IllegalArgumentException("pinyin is the letters a-z (and ' between syllables): " + input);
        }
        int start = skipApostrophes(input, 0);
        if (start == input.length()) {
            return List.of();
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        words(input, start, true, c -> best.merge(c.text(), c, (a, b) -> RANK.compare(a, b) <= 0 ? a : b));
        List<Candidate> out = new ArrayList<>(best.values());
        out.sort(RANK);
        if (out.isEmpty() || out.get(0).consumed() < input.length()) {
            Candidate s = sentence(input, start);
            if (s != null) {
                out.removeIf(c -> c.text().equals(s.text()));
                out.add(0, s);
            }
        }
        return out.size() > MAX_CANDIDATES ? List.copyOf(out.subList(0, MAX_CANDIDATES)) : out;
    }

    /** A token: the syllable ids {@code [first, last]} that input from a position may spell, and where it ends. */
    private record Token(char first, char last, int end, boolean approximate) {
    }

    private List<Token> tokensAt(String in, int p, boolean approximations) {
        List<Token> out = new ArrayList<>();
        int n = in.length();
        int stop = p;
        while (stop < n && in.charAt(stop) != '\'' && stop - p < Syllables.MAX_LENGTH) {
            stop++;
        }
        for (int q = p + 1; q <= stop; q++) {
            char id = syllables.id(in.substring(p, q));
            if (id != 0) {
                out.add(new Token(id, id, skipApostrophes(in, q), false));
            }
        }
        if (!approximations) {
            return out;
        }
        int wordEnd = p;
        while (wordEnd < n && in.charAt(wordEnd) != '\'') {
            wordEnd++;
        }
        if (wordEnd - p <= Syllables.MAX_LENGTH) {
            // the rest of the input (up to an apostrophe) begins a syllable: finish it
            String rest = in.substring(p, wordEnd);
            if (wordEnd == n || rest.length() < Syllables.MAX_LENGTH) {
                char[] r = syllables.withPrefix(rest);
                char exact = syllables.id(rest);
                for (char id = r[0]; id <= r[1] && id != 0; id++) {
                    if (id != exact) {
                        out.add(new Token(id, id, skipApostrophes(in, wordEnd), true));
                    }
                }
            }
        }
        for (int len = 1; len <= 2 && p + len < wordEnd; len++) {
            String initial = in.substring(p, p + len);
            // an initial alone, where the next letter cannot continue a syllable: "xw" is x… w…
            if (Syllables.isInitial(initial) && !syllables.anyStartsWith(in.substring(p, p + len + 1))) {
                char[] r = syllables.withPrefix(initial);
                for (char id = r[0]; id <= r[1]; id++) {
                    out.add(new Token(id, id, p + len, true));
                }
            }
        }
        return out;
    }

    private static int skipApostrophes(String in, int q) {
        while (q < in.length() && in.charAt(q) == '\'') {
            q++;
        }
        return q;
    }

    /** Every dictionary word whose spelling starts the input at {@code start}. */
    private void words(String in, int start, boolean approximations, java.util.function.Consumer<Candidate> sink) {
        walk(in, start, 0, dict.all(), false, approximations, sink);
    }

    private void walk(String in, int p, int depth, long range, boolean approximate, boolean approximations,
            java.util.function.Consumer<Candidate> sink) {
        for (Token t : tokensAt(in, p, approximations)) {
            long r = dict.narrow(range, depth, t.first);
            if (PinyinDictionary.from(r) == PinyinDictionary.to(r)) {
                continue;
            }
            boolean approx = approximate || t.approximate;
            for (int i = PinyinDictionary.from(r); i < PinyinDictionary.to(r) && dict.codeLength(i) == depth + 1; i++) {
                sink.accept(new Candidate(dict.text(i), t.end, dict.spelling(i), dict.weight(i), approx));
            }
            if (t.end < in.length() && depth + 1 < MAX_WORD_SYLLABLES) {
                walk(in, t.end, depth + 1, r, approx, approximations, sink);
            }
        }
    }

    /**
     * The most probable sentence covering the whole input: words chained end to start, each scored
     * by the log of its share of all frequencies (a unigram model, as a first guess). Null when the
     * input cannot be covered or one word would do.
     */
    private Candidate sentence(String in, int start) {
        int n = in.length();
        double[] score = new double[n + 1];
        Candidate[] word = new Candidate[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        score[start] = 0;
        double logTotal = Math.log(dict.totalWeight() + 1.0);
        for (int p = start; p < n; p++) {
            if (score[p] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            Map<Integer, Candidate> bestTo = new java.util.HashMap<>();
            // approximations only where the word reaches the end (a partly typed last syllable)
            words(in, p, true, c -> {
                int end = c.consumed();
                if (c.approximate() && end < n) {
                    return;
                }
                bestTo.merge(end, c, (a, b) -> a.frequency() >= b.frequency() ? a : b);
            });
            for (Map.Entry<Integer, Candidate> e : bestTo.entrySet()) {
                double s = score[p] + Math.log(e.getValue().frequency() + 1.0) - logTotal
                        - (e.getValue().approximate() ? 2 : 0);
                if (s > score[e.getKey()]) {
                    score[e.getKey()] = s;
                    word[e.getKey()] = e.getValue();
                    from[e.getKey()] = p;
                }
            }
        }
        if (word[n] == null || from[n] == start) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        List<String> pinyin = new ArrayList<>();
        long freq = Long.MAX_VALUE;
        boolean approx = false;
        for (int e = n; e > start; e = from[e]) {
            text.insert(0, word[e].text());
            pinyin.add(0, word[e].pinyin());
            freq = Math.min(freq, word[e].frequency());
            approx |= word[e].approximate();
        }
        return new Candidate(text.toString(), n, String.join(" ", pinyin), freq, approx);
    }
}
