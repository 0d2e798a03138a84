package org.onetrip.kiosk.ime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the pinyin cache in a child JVM with a heap of its own ({@link #HEAP}): compiling Rime's
 * text needs about 112 MB transient, which the kiosk's {@code -Xmx160m} beside its UI cannot
 * spare; the child's garbage goes when it exits. The same java and class path as the kiosk's
 * (java.home, java.class.path); its output goes to {@code OUT.log} beside the cache.
 */
public final class ChildJvmPinyinPreparer implements PinyinInput.Preparer {
    /** Twice the measured peak (it fails at 96m, passes at 112m): margin for a bigger essay. */
    public static final String HEAP = "-Xmx256m";
    /** A Pi 4 with C1 only compiles in 10–20 s; a hung child must not hold the keyboard for ever. */
    private static final long TIMEOUT_MINUTES = 5;

    private final Path openccConfig;

    public ChildJvmPinyinPreparer(Path openccConfig) {
        this.openccConfig = openccConfig;
    }

    @Override
    public void prepare(Path rimeData, Path out) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = out.toAbsolutePath().resolveSibling(out.getFileName() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                PinyinPrepare.class.getName(), rimeData.toString(), out.toString(), openccConfig.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the child JVM making " + out + " took over " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + out, e);
        }
        if (p.exitValue() != 0) {
            String said = Files.readString(log, StandardCharsets.UTF_8).strip();
            throw new IOException("the child JVM making " + out + " exited " + p.exitValue() + ": "
                    + (said.length() > 300 ? said.substring(said.length() - 300) : said));
        }
    }
}
