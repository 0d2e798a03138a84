package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;
import org.onetrip.kiosk.ime.pinyin.PinyinCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk ime prepare [--out FILE] [--force]}: compiles Rime's pinyin data into the cache the
 * kiosk reads ({@code DATA_DIR/pinyin-luna.bin}), in this process: run it with its own heap
 * (kiosk-launch gives it -Xmx256m at first boot and after an update). A fresh cache is left as it
 * is. Exit 0 when the cache is fresh, 1 when it could not be made, 3 when the data is missing.
 */
@Command(name = "prepare", description = "Compile Rime's pinyin data into the kiosk's cache file (out of the kiosk's heap).")
public final class ImePrepareCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "The cache file (default DATA_DIR/pinyin-luna.bin).")
    Path out;

    @Option(names = "--force", description = "Make it again even when it is fresh.")
    boolean force;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        Optional<String> missing = Wiring.pinyinInput(config).missing();
        if (missing.isPresent()) {
            System.err.println("kiosk ime prepare: OFFLINE – " + missing.get());
            return 3;
        }
        Path file = out != null ? out : Wiring.pinyinCache(config);
        Path rime = config.rimeDataDir();
        try {
            PinyinCache.Source source = PinyinCache.Source.of(rime);
            if (!force) {
                try {
                    int n = PinyinCache.read(file, source).size();
                    System.out.println(file + " is fresh: " + n + " entries");
                    return 0;
                } catch (java.io.IOException stale) {
                    System.out.println(file + ": " + (stale instanceof java.nio.file.NoSuchFileException ? "none yet" : stale.getMessage()));
                }
            }
            long t0 = System.nanoTime();
            int n = PinyinCache.prepare(rime, new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG), file).size();
            System.out.printf("%s made: %d entries, %d KiB, in %d ms%n", file, n, java.nio.file.Files.size(file) / 1024,
                    (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            System.err.println("kiosk ime prepare: could not make " + file + ": " + e);
            return 1;
        }
    }
}
