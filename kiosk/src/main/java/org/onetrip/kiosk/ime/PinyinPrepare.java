package org.onetrip.kiosk.ime;

import java.nio.file.Path;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;
import org.onetrip.kiosk.ime.pinyin.PinyinCache;

/**
 * The child JVM's entry point: {@code PinyinPrepare RIME_DATA OUT [OPENCC_CONFIG]} compiles Rime's
 * text into the cache file and exits 0, or prints why and exits 1. No profile, no logging set-up:
 * the kiosk passes everything it needs ({@link ChildJvmPinyinPreparer}).
 */
public final class PinyinPrepare {
    private PinyinPrepare() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PinyinPrepare RIME_DATA OUT [OPENCC_CONFIG]");
            System.exit(2);
        }
        Path config = args.length == 3 ? Path.of(args[2]) : OpenCcSimplifier.DEFAULT_CONFIG;
        try {
            int n = PinyinCache.prepare(Path.of(args[0]), new OpenCcSimplifier(config), Path.of(args[1])).size();
            System.out.println("pinyin cache " + args[1] + ": " + n + " entries");
            System.exit(0);
        } catch (Exception | OutOfMemoryError e) {
            System.err.println("pinyin cache not made: " + e);
            System.exit(1);
        }
    }
}
