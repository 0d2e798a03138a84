package org.onetrip.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;
import org.onetrip.kiosk.ime.pinyin.Candidate;
import org.onetrip.kiosk.ime.pinyin.Composition;
import org.onetrip.kiosk.ime.pinyin.PinyinCache;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;
import org.onetrip.kiosk.ime.pinyin.PinyinDictionary;
import org.onetrip.kiosk.ime.pinyin.RimeDictionaryReader;

/**
 * Pinyin input on the kiosk's keyboard, with Debian's data: the taps a resident needs for a
 * 20-character suggestion (letters, candidate taps, page taps) beside the 20 characters, the
 * look-up time per keystroke (p50, p99), and the dictionary's load time and heap (peak and retained)
 * from Rime's text (what {@code kiosk ime prepare} does) and from the kiosk's cache file.
 *
 * <p>Two ways of typing, as a resident would: word by word (type a word's pinyin, find it on the
 * candidate pages, tap it), and a clause at a time (type a clause's pinyin, then tap on each page
 * the longest candidate that begins what is still to be typed, so a good sentence guess is one
 * tap). The page is the keyboard's: {@value #PAGE} candidates. The sentence's pinyin is the
 * bench's input, as a resident knows it; the candidates all come from the dictionary.
 */
public final class PinyinBench {
    static final int PAGE = 6;
    /** "Please add street lights at the estate gate: easier for older people to go out at night." */
    static final String[][] WORDS = {
        {"建议", "jianyi"}, {"在", "zai"}, {"小区", "xiaoqu"}, {"门口", "menkou"}, {"增设", "zengshe"},
        {"路灯", "ludeng"}, {"晚上", "wanshang"}, {"老人", "laoren"}, {"出门", "chumen"}, {"更", "geng"},
        {"方便", "fangbian"},
    };
    /** The same sentence a clause at a time, as a resident pauses. */
    static final int[][] CLAUSES = {{0, 4}, {4, 6}, {6, 11}};
    static final List<Long> keystrokes = new ArrayList<>();
    /** The same keystrokes in this thread's CPU time: the shared machine's load does not count. */
    static final List<Long> keystrokesCpu = new ArrayList<>();

    private PinyinBench() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path data = Path.of(System.getProperty("kiosk.rime-data", "/usr/share/rime-data"));
        OpenCcSimplifier simplifier = new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG);
        simplifier.check();
        long before = usedHeapAfterGc();
        PinyinDictionary dict = null;
        long[] wall = new long[loads];
        long[] cpu = new long[loads];
        resetPeaks();
        dict = timedLoads(wall, cpu, () -> RimeDictionaryReader.read(data, simplifier));
        long peak = heapPeak() - before;
        long retained = usedHeapAfterGc() - before;
        System.out.printf(Locale.ROOT, "from Rime's text (kiosk ime prepare, out of the kiosk): %d entries; load %.0f ms median wall"
                        + " (%.0f ms CPU), first %.0f ms; heap retained %.1f MB (its arrays %.1f MB);"
                        + " heap pools' peak use while loading %.0f MB above the start, garbage included (max heap %d MB)%n",
                dict.size(), Stats.median(wall), Stats.median(cpu), wall[0] / 1e6, retained / 1048576.0,
                dict.arrayBytes() / 1048576.0, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        // The same dictionary through the kiosk's cache file, in the same run.
        java.nio.file.Path cache = java.nio.file.Files.createTempFile("pinyin-bench", ".bin");
        try {
            PinyinCache.Source source = PinyinCache.Source.of(data);
            PinyinCache.write(dict, source, cache);
            dict = null;
            before = usedHeapAfterGc();
            resetPeaks();
            dict = timedLoads(wall, cpu, () -> PinyinCache.read(cache, source));
            peak = heapPeak() - before;
            retained = usedHeapAfterGc() - before;
            System.out.printf(Locale.ROOT, "from the cache %s (%d KiB, the kiosk's load): load %.0f ms median wall (%.0f ms CPU),"
                            + " first %.0f ms; heap retained %.1f MB; heap pools' peak use while loading %.0f MB above the start%n",
                    PinyinCache.FILE, java.nio.file.Files.size(cache) / 1024, Stats.median(wall), Stats.median(cpu), wall[0] / 1e6,
                    retained / 1048576.0, peak / 1048576.0);
        } finally {
            java.nio.file.Files.deleteIfExists(cache);
        }
        PinyinConverter converter = new PinyinConverter(dict);
        String target = String.join("", java.util.Arrays.stream(WORDS).map(w -> w[0]).toList());
        int letters = java.util.Arrays.stream(WORDS).mapToInt(w -> w[1].length()).sum();
        for (int warm = 0; warm < 3; warm++) {
            wordByWord(converter);
            byClause(converter);
        }
        keystrokes.clear();
        keystrokesCpu.clear();
        int[] w = wordByWord(converter);
        int[] c = byClause(converter);
        System.out.printf(Locale.ROOT, "sentence: %s (%d characters, %d letters of pinyin)%n", target,
                target.length(), letters);
        report("word by word", w, target.length());
        report("a clause at a time", c, target.length());
        for (int r = 0; r < 20; r++) {
            wordByWord(converter);
            byClause(converter);
        }
        long[] k = keystrokes.stream().mapToLong(Long::longValue).toArray();
        long[] kc = keystrokesCpu.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(Locale.ROOT, "look-up per keystroke (%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms wall;"
                        + " CPU p50 %.2f ms, p99 %.2f ms%n", k.length,
                Stats.median(k), Stats.percentile(k, 99), Stats.percentile(k, 100), Stats.median(kc), Stats.percentile(kc, 99));
    }

    private static void report(String how, int[] taps, int chars) {
        int total = taps[0] + taps[1] + taps[2];
        System.out.printf(Locale.ROOT, "%-20s %3d taps = %d letters + %d candidate taps + %d page taps;"
                + " %.2f taps a character (%d characters)%n", how, total, taps[0], taps[1], taps[2], (double) total / chars, chars);
    }

    /** Types each word's pinyin, then pages to the word and taps it. Returns {letters, picks, pages}. */
    static int[] wordByWord(PinyinConverter converter) {
        int[] taps = new int[3];
        StringBuilder typed = new StringBuilder();
        for (String[] word : WORDS) {
            Composition comp = new Composition(converter, PAGE);
            type(comp, word[1], taps);
            typed.append(pickAll(comp, word[0], taps));
        }
        check(typed);
        return taps;
    }

    /** Types a clause's pinyin, then taps the longest candidate that begins the rest. */
    static int[] byClause(PinyinConverter converter) {
        int[] taps = new int[3];
        StringBuilder typed = new StringBuilder();
        for (int[] clause : CLAUSES) {
            Composition comp = new Composition(converter, PAGE);
            StringBuilder text = new StringBuilder();
            for (int i = clause[0]; i < clause[1]; i++) {
                type(comp, WORDS[i][1], taps);
                text.append(WORDS[i][0]);
            }
            typed.append(pickAll(comp, text.toString(), taps));
        }
        check(typed);
        return taps;
    }

    /** Taps candidates until {@code text} is typed; returns what was typed. */
    private static String pickAll(Composition comp, String text, int[] taps) {
        StringBuilder typed = new StringBuilder();
        while (typed.length() < text.length()) {
            typed.append(pickLongest(comp, text.substring(typed.length()), taps));
        }
        return typed.toString();
    }

    private static void type(Composition comp, String letters, int[] taps) {
        for (char ch : letters.toCharArray()) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            if (!comp.type(String.valueOf(ch))) {
                throw new IllegalStateException("refused " + ch);
            }
            keystrokes.add(System.nanoTime() - t0);
            keystrokesCpu.add(cpuNanos() - c0);
            taps[0]++;
        }
    }

    /**
     * Looks through the pages, from the first, for a candidate that begins {@code rest}: the first
     * page that has one of two characters or more (or the whole rest) is where the resident taps the
     * longest; after five pages without, the resident goes back to the page with a single
     * character that fits. Every page key pressed, forward or back, is a tap.
     */
    private static String pickLongest(Composition comp, String rest, int[] taps) {
        Candidate single = null;
        int singlePage = -1;
        for (int page = 0; page < 5; page++) {
            Candidate best = null;
            for (Candidate c : comp.page()) {
                if (rest.startsWith(c.text()) && (best == null || c.text().length() > best.text().length())) {
                    best = c;
                }
            }
            if (best != null && (best.text().length() > 1 || best.text().equals(rest))) {
                taps[1]++;
                return comp.choose(best);
            }
            if (best != null && single == null) {
                single = best;
                singlePage = page;
            }
            if (!comp.hasNext()) {
                break;
            }
            comp.next();
            taps[2]++;
        }
        if (single == null) {
            throw new IllegalStateException("nothing begins " + rest + " for " + comp.input());
        }
        while (comp.pageIndex() > singlePage) {
            comp.previous();
            taps[2]++;
        }
        taps[1]++;
        return comp.choose(single);
    }

    private static void check(StringBuilder typed) {
        String target = String.join("", java.util.Arrays.stream(WORDS).map(w -> w[0]).toList());
        if (!typed.toString().equals(target)) {
            throw new IllegalStateException("typed " + typed + ", not " + target);
        }
    }

    interface Load {
        PinyinDictionary load() throws Exception;
    }

    /** Loads {@code wall.length} times, each timed in wall and CPU time; the last dictionary. */
    private static PinyinDictionary timedLoads(long[] wall, long[] cpu, Load load) throws Exception {
        PinyinDictionary dict = null;
        for (int i = 0; i < wall.length; i++) {
            dict = null; // the previous one is not kept during the next load
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            dict = load.load();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = cpuNanos() - c0;
        }
        return dict;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
