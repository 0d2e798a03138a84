package org.onetrip.kiosk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.ime.PinyinInput;
import org.onetrip.kiosk.ime.pinyin.Candidate;
import org.onetrip.kiosk.ime.pinyin.Composition;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiosk ime pinyin SYLLABLES}: the candidates the on-screen keyboard would show for typed
 * pinyin, a page at a time, with the same dictionary and ranking. Exit 2 on input that is not
 * pinyin, 3 when Rime's data (or OpenCC) is not installed.
 */
@Command(name = "pinyin", description = "Print the candidates for typed pinyin (e.g. xiwang), as the keyboard shows them.")
public final class ImePinyinCommand implements java.util.concurrent.Callable<Integer> {
    /** The keyboard's page: six big buttons fit beside the page keys on a 1280 px screen. */
    public static final int PAGE_SIZE = 6;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "SYLLABLES", description = "Letters a-z; ' separates syllables (xi'an).")
    String syllables;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Which page of candidates (from 1; default 1).")
    int page;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        String input = syllables.toLowerCase(Locale.ROOT);
        if (input.isEmpty() || !PinyinConverter.isPinyin(input) || input.length() > Composition.MAX_INPUT) {
            System.err.println("kiosk ime pinyin: '" + syllables + "' is not pinyin: use the letters a-z, ' between syllables,"
                    + " at most " + Composition.MAX_INPUT + " in all");
            return 2;
        }
        if (page < 1) {
            System.err.println("kiosk ime pinyin: --page counts from 1");
            return 2;
        }
        KioskConfig config = options.load();
        PinyinInput ime = Wiring.pinyinInput(config);
        Optional<String> missing = ime.missing();
        if (missing.isPresent()) {
            System.err.println("kiosk ime pinyin: OFFLINE – " + missing.get());
            return 3;
        }
        PinyinConverter converter;
        try {
            converter = ime.converter().join();
        } catch (java.util.concurrent.CompletionException e) {
            System.err.println("kiosk ime pinyin: OFFLINE – " + ime.status().message());
            return 3;
        }
        Composition c = new Composition(converter, PAGE_SIZE);
        c.type(input);
        for (int i = 1; i < page; i++) {
            c.next();
        }
        int pages = (c.all().size() + PAGE_SIZE - 1) / PAGE_SIZE;
        List<Candidate> shown = c.pageIndex() == page - 1 ? c.page() : List.of();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("input", input);
            out.put("page", page);
            out.put("pages", pages);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Candidate k : shown) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", k.text());
                m.put("pinyin", k.pinyin());
                m.put("consumed", k.consumed());
                m.put("rest", input.substring(k.consumed()));
                m.put("frequency", k.frequency());
                m.put("approximate", k.approximate());
                list.add(m);
            }
            out.put("candidates", list);
            System.out.println(Json.write(out));
            return 0;
        }
        if (shown.isEmpty()) {
            System.out.println(pages == 0 ? "no candidates for " + input : "page " + page + " of " + pages + ": empty");
            return 0;
        }
        System.out.println(input + "  page " + page + " of " + pages);
        int n = 1;
        for (Candidate k : shown) {
            String rest = input.substring(k.consumed());
            System.out.printf("%d. %s  (%s%s)%s%n", n++, k.text(), k.pinyin(), k.approximate() ? ", completed" : "",
                    rest.isEmpty() ? "" : "  then: " + rest);
        }
        return 0;
    }
}
