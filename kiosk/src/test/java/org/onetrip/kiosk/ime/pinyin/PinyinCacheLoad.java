package org.onetrip.kiosk.ime.pinyin;

import java.nio.file.Path;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;

/**
 * Run in a child JVM with a small heap by {@link PinyinCacheTest}: {@code cache CACHE RIME} reads
 * the cache as the kiosk does, {@code rime RIME} compiles Rime's text as the kiosk once did; then
 * both look up "xiwang" and print the first candidate. Exit 0 only when the look-up worked; an
 * OutOfMemoryError exits non-zero (the JVM runs with -XX:+ExitOnOutOfMemoryError).
 */
public final class PinyinCacheLoad {
    private PinyinCacheLoad() {
    }

    public static void main(String[] args) throws Exception {
        PinyinDictionary d = args[0].equals("cache")
                ? PinyinCache.read(Path.of(args[1]), PinyinCache.Source.of(Path.of(args[2])))
                : RimeDictionaryReader.read(Path.of(args[1]), new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG));
        String first = new PinyinConverter(d).candidates("xiwang").get(0).text();
        System.out.println(d.size() + " entries; xiwang: " + first);
        System.exit(first.equals("希望") ? 0 : 1);
    }
}
