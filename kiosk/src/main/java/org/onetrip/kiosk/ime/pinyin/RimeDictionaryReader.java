package org.onetrip.kiosk.ime.pinyin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Rime's Luna Pinyin dictionary ({@code luna_pinyin.dict.yaml}: text, pinyin, optional
 * weight) and its essay of word frequencies ({@code essay.txt}: word, count), as Rime's own
 * dictionary compiler does:
 * <ul>
 * <li>an entry without a weight takes the essay's count of its text; a weight "8.22%" is that share
 * of the count (a character's reading: 行 hang 8.22%, xing 91.78%);</li>
 * <li>the dictionary says {@code use_preset_vocabulary: true}: every essay word of two or more
 * characters that the dictionary does not spell is spelled from its characters' readings,
 * skipping a reading under 5% of its character's weight (librime's EntryCollector does the same).</li>
 * </ul>
 * Then every text is simplified in one batch, and entries that become equal are merged.
 */
public final class RimeDictionaryReader {
    public static final String DICT = "luna_pinyin.dict.yaml";
    public static final String ESSAY = "essay.txt";
    private static final double MIN_READING_SHARE = 0.05;
    /** A word whose characters have many readings is spelled at most this many ways. */
    private static final int MAX_SPELLINGS = 4;

    private RimeDictionaryReader() {
    }

    private record Row(String text, String code, String weight) {
    }

    public static PinyinDictionary read(Path rimeData, Simplifier simplifier) throws IOException {
        List<Row> rows = readDict(rimeData.resolve(DICT));
        Map<String, Long> essay = readEssay(rimeData.resolve(ESSAY));
        Set<String> syllableSet = new TreeSet<>();
        Map<String, Map<String, Double>> readings = new HashMap<>();
        Set<String> spelled = new HashSet<>();
        // (traditional text, code, frequency), before simplification
        List<String> texts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Double> freqs = new ArrayList<>();
        for (Row r : rows) {
            String[] syl = r.code.split(" ");
            boolean ok = true;
            for (String s : syl) {
                ok &= !s.isEmpty() && s.chars().allMatch(c -> c >= 'a' && c <= 'z');
            }
            if (!ok || syl.length != r.text.codePointCount(0, r.text.length())) {
                continue; // not one pinyin syllable per character
            }
            syllableSet.addAll(List.of(syl));
            long count = essay.getOrDefault(r.text, 0L);
            double f = r.weight == null ? count
                    : r.weight.endsWith("%") ? count * parse(r.weight.substring(0, r.weight.length() - 1)) / 100
                    : parse(r.weight);
            spelled.add(r.text);
            texts.add(r.text);
            codes.add(r.code);
            freqs.add(f);
            if (syl.length == 1) {
                double share = r.weight != null && r.weight.endsWith("%") ? parse(r.weight.substring(0, r.weight.length() - 1)) : 100;
                readings.computeIfAbsent(r.text, k -> new LinkedHashMap<>()).merge(r.code, share, Double::sum);
            }
        }
        for (Map.Entry<String, Long> e : essay.entrySet()) {
            String word = e.getKey();
            if (spelled.contains(word) || word.codePointCount(0, word.length()) < 2) {
                continue;
            }
            for (String code : spell(word, readings)) {
                texts.add(word);
                codes.add(code);
                freqs.add((double) e.getValue());
            }
        }
        // The Pi's JVM has 384 MB and exits on OutOfMemoryError: what is no longer needed goes
        // before the conversion, the load's peak.
        rows = null;
        essay = null;
        readings = null;
        spelled = null;
        List<String> simple = simplifier.simplify(texts);
        Syllables syllables = new Syllables(syllableSet);
        PinyinDictionary.Builder b = new PinyinDictionary.Builder(syllables);
        for (int i = 0; i < texts.size(); i++) {
            String[] syl = codes.get(i).split(" ");
            char[] code = new char[syl.length];
            for (int k = 0; k < syl.length; k++) {
                code[k] = syllables.id(syl[k]);
            }
            String s = simple.get(i);
            if (s.codePointCount(0, s.length()) == syl.length) {
                b.add(code, s, freqs.get(i));
            }
            // each word's strings go as the packed entries grow: the load's peak stays lower
            texts.set(i, null);
            codes.set(i, null);
            simple.set(i, null);
        }
        return b.build();
    }

    /** The spellings of a word from its characters' readings; none when a character has none. */
    static List<String> spell(String word, Map<String, Map<String, Double>> readings) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
            String ch = word.substring(i, word.offsetByCodePoints(i, 1));
            Map<String, Double> r = readings.get(ch);
            if (r == null) {
                return List.of();
            }
            double total = r.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (Map.Entry<String, Double> e : r.entrySet()) {
                    if (e.getValue() >= total * MIN_READING_SHARE && next.size() < MAX_SPELLINGS) {
                        next.add(prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey());
                    }
                }
            }
            out = next;
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The rows after the YAML header's "..." line; comments and blank lines skipped. */
    private static List<Row> readDict(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean body = false;
            while ((line = in.readLine()) != null) {
                if (!body) {
                    body = line.equals("...");
                    continue;
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    rows.add(new Row(f[0], f[1].trim(), f.length > 2 && !f[2].isBlank() ? f[2].trim() : null));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + " has no entries after its '...' header line");
        }
        return rows;
    }

    private static Map<String, Long> readEssay(Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>(400_000);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    counts.merge(line.substring(0, tab), (long) parse(line.substring(tab + 1)), Long::sum);
                }
            }
        }
        return counts;
    }
}
