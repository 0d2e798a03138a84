package org.onetrip.kiosk.bench;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.ime.handwriting.Candidate;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;
import org.onetrip.kiosk.ime.handwriting.Ink;
import org.onetrip.kiosk.ime.handwriting.ZinniaRecognizer;

/**
 * Handwriting recognition time per character, through the kiosk's adapter ({@link ZinniaRecognizer})
 * beside the bare JNA calls on the same library (the points scaled beforehand, nothing else), the
 * same fixtures interleaved in the same run; writes the scaled points for the bare C call that
 * scripts/bench runs next. Then the keystroke-level cost of a 20-character suggestion written on
 * the pad: gestures (strokes) and taps beside the characters.
 *
 * <p>usage: HandwritingBench ROUNDS [POINTS_FILE]
 */
public final class HandwritingBench {
    /** 20 characters the fixtures write (each fixture at least once): the suggestion whose cost is counted. */
    static final String SUGGESTION = "工人上工十日大中小口木王人日上小工十一大";

    private HandwritingBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ZinniaRecognizer zinnia = ZinniaRecognizer.open();
        if (!zinnia.isOnline()) {
            System.out.println("handwriting input: " + zinnia.status());
            System.exit(3);
        }
        List<String> names = new ArrayList<>();
        List<Ink> inks = new ArrayList<>();
        List<int[][]> scaled = new ArrayList<>();
        for (String[] f : HandwritingFixtures.ALL) {
            names.add(f[1]);
            Ink ink = HandwritingFixtures.ink(f[0]);
            inks.add(ink);
            scaled.add(scale(ink));
        }
        if (args.length > 1) {
            writePoints(Path.of(args[1]), scaled);
        }
        ZinniaRecognizer.Zinnia lib = zinnia.library();
        Pointer bare = lib.zinnia_recognizer_new();
        if (lib.zinnia_recognizer_open(bare, ZinniaRecognizer.DEBIAN_MODEL.toString()) == 0) {
            throw new IllegalStateException(lib.zinnia_recognizer_strerror(bare));
        }
        int n = inks.size();
        long[] adapter = new long[rounds * n];
        long[] jna = new long[rounds * n];
        long[] whole = new long[rounds * n];
        int k = 0;
        for (int round = -20; round < rounds; round++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                List<Candidate> a = zinnia.recognise(inks.get(i), 10);
                long t1 = System.nanoTime();
                String b = bareCall(lib, bare, scaled.get(i));
                long t2 = System.nanoTime();
                // The pad asks after every stroke: a character costs the recognitions of its prefixes.
                Ink ink = inks.get(i);
                for (int s = 1; s <= ink.strokes().size(); s++) {
                    zinnia.recognise(new Ink(ink.width(), ink.height(), ink.strokes().subList(0, s)), 10);
                }
                long t3 = System.nanoTime();
                if (!a.get(0).character().equals(b)) {
                    throw new IllegalStateException("adapter and bare call disagree on " + names.get(i) + ": " + a.get(0) + " / " + b);
                }
                if (round >= 0) {
                    adapter[k] = t1 - t0;
                    jna[k] = t2 - t1;
                    whole[k] = t3 - t2;
                    k++;
                }
            }
        }
        lib.zinnia_recognizer_destroy(bare);
        System.out.printf(Locale.ROOT, "kiosk adapter (ZinniaRecognizer)  p50 %7.3f ms   p99 %7.3f ms   (%d recognitions of %d characters)%n",
                Stats.median(adapter), Stats.percentile(adapter, 99), adapter.length, n);
        System.out.printf(Locale.ROOT, "bare JNA call, same library       p50 %7.3f ms   p99 %7.3f ms%n",
                Stats.median(jna), Stats.percentile(jna, 99));
        System.out.printf(Locale.ROOT, "ratio adapter / bare JNA (p50)    %7.2f%n", Stats.median(adapter) / Stats.median(jna));
        System.out.printf(Locale.ROOT, "per character as the pad asks it (after every stroke)  p50 %7.3f ms   p99 %7.3f ms%n",
                Stats.median(whole), Stats.percentile(whole, 99));
        keystrokes(zinnia);
        zinnia.close();
    }

    /** Gestures and taps for {@link #SUGGESTION}; the candidate's rank says whether it was on the pad at all. */
    private static void keystrokes(ZinniaRecognizer zinnia) {
        int strokes = 0;
        int taps = 2; // 手写 to open the pad, 完成 to put it away
        int first = 0;
        int missed = 0;
        for (int i = 0; i < SUGGESTION.length(); i++) {
            String ch = SUGGESTION.substring(i, i + 1);
            Ink ink = HandwritingFixtures.ink(HandwritingFixtures.nameOf(ch));
            strokes += ink.strokes().size();
            List<String> offered = zinnia.recognise(ink, 10).stream().map(Candidate::character).toList();
            int rank = offered.indexOf(ch);
            if (rank < 0) {
                missed++;
            } else {
                taps++;
                first += rank == 0 ? 1 : 0;
            }
        }
        int chars = SUGGESTION.length();
        System.out.printf(Locale.ROOT, "== keystroke-level cost of a %d-character suggestion by handwriting (%s)%n", chars, SUGGESTION);
        System.out.printf(Locale.ROOT, "strokes drawn %d, taps %d (a candidate each, 手写 and 完成), actions %d = %.2f per character%n",
                strokes, taps, strokes + taps, (strokes + taps) / (double) chars);
        System.out.printf(Locale.ROOT, "the right character first %d of %d, among the 10 shown %d of %d%n", first, chars, chars - missed, chars);
    }

    /** The ink's points in Zinnia's 300x300, as the adapter scales them. */
    private static int[][] scale(Ink ink) {
        double s = 300 / Math.max(ink.width(), ink.height());
        int[][] out = new int[ink.strokes().size()][];
        for (int i = 0; i < out.length; i++) {
            List<Ink.Point> st = ink.strokes().get(i);
            out[i] = new int[st.size() * 2];
            for (int j = 0; j < st.size(); j++) {
                out[i][2 * j] = (int) Math.round(st.get(j).x() * s);
                out[i][2 * j + 1] = (int) Math.round(st.get(j).y() * s);
            }
        }
        return out;
    }

    /** zinnia.h's calls and nothing else: a character, its points, classify, the values, free both. */
    private static String bareCall(ZinniaRecognizer.Zinnia z, Pointer recognizer, int[][] strokes) {
        Pointer c = z.zinnia_character_new();
        z.zinnia_character_set_width(c, new NativeLong(300));
        z.zinnia_character_set_height(c, new NativeLong(300));
        for (int s = 0; s < strokes.length; s++) {
            NativeLong id = new NativeLong(s);
            for (int j = 0; j < strokes[s].length; j += 2) {
                z.zinnia_character_add(c, id, strokes[s][j], strokes[s][j + 1]);
            }
        }
        Pointer r = z.zinnia_recognizer_classify(recognizer, c, new NativeLong(10));
        long n = z.zinnia_result_size(r).longValue();
        String first = null;
        for (long i = 0; i < n; i++) {
            String v = z.zinnia_result_value(r, new NativeLong(i)).getString(0, "UTF-8");
            z.zinnia_result_score(r, new NativeLong(i));
            if (i == 0) {
                first = v;
            }
        }
        z.zinnia_result_destroy(r);
        z.zinnia_character_destroy(c);
        return first;
    }

    private static void writePoints(Path file, List<int[][]> scaled) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int[][] ch : scaled) {
                StringBuilder b = new StringBuilder();
                for (int[] stroke : ch) {
                    for (int v : stroke) {
                        b.append(v).append(' ');
                    }
                    b.append("-1 ");
                }
                w.println(b.toString().strip());
            }
        }
    }
}
