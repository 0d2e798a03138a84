package org.onetrip.kiosk.ime.pinyin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.ime.ChildJvmPinyinPreparer;
import org.onetrip.kiosk.ime.PinyinInput;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;

/**
 * The compiled dictionary file: read back equal, stale when Rime's files change, refused when
 * corrupt (and then made again, never a crash), made by a child JVM, and — with Debian's real
 * data — read within a heap where compiling Rime's text fails.
 */
class PinyinCacheTest {
    static final Path RIME = Path.of("/usr/share/rime-data");
    /** The cache's arrays are ~12 MB; the kiosk's budget for the load is far above this. */
    static final String SMALL_HEAP = "-Xmx32m";
    /** Compiling Rime's text in-process failed at -Xmx96m (peak ~112 MB): surely at 48m. */
    static final String OLD_PATH_FAILS = "-Xmx48m";

    @TempDir
    Path dir;

    private static final Simplifier SAME = texts -> new ArrayList<>(texts);

    /** A tiny Rime data folder: traditional text, pinyin, weight; and an essay of counts. */
    private Path tinyRime() throws IOException {
        Path rime = Files.createDirectories(dir.resolve("rime"));
        Files.writeString(rime.resolve(RimeDictionaryReader.DICT), String.join("\n", "---", "name: luna_pinyin", "...", "",
                "希\txi", "望\twang", "西\txi", "王\twang", "希望\txi wang", "行\thang\t8%", "行\txing\t92%", ""),
                StandardCharsets.UTF_8);
        Files.writeString(rime.resolve(RimeDictionaryReader.ESSAY), String.join("\n", "希\t500", "望\t400", "西\t900",
                "王\t300", "希望\t800", "行\t1000", "西王\t5", ""), StandardCharsets.UTF_8);
        return rime;
    }

    private static List<String> firsts(PinyinDictionary d, String input) {
        return new PinyinConverter(d).candidates(input).stream().limit(4).map(Candidate::text).toList();
    }

    @Test
    void readsBackWhatItWroteAndIsStaleWhenRimeChanges() throws Exception {
        Path rime = tinyRime();
        Path file = dir.resolve(PinyinCache.FILE);
        PinyinDictionary made = PinyinCache.prepare(rime, SAME, file);
        PinyinDictionary read = PinyinCache.read(file, PinyinCache.Source.of(rime));
        assertThat(read.size()).isEqualTo(made.size()).isGreaterThan(5);
        assertThat(firsts(read, "xiwang")).isEqualTo(firsts(made, "xiwang")).startsWith("希望");
        assertThat(firsts(read, "hang")).isEqualTo(firsts(made, "hang"));
        assertThat(Files.exists(dir.resolve(PinyinCache.FILE + ".tmp"))).isFalse();

        Path essay = rime.resolve(RimeDictionaryReader.ESSAY);
        Files.setLastModifiedTime(essay, FileTime.fromMillis(Files.getLastModifiedTime(essay).toMillis() + 60_000));
        assertThatThrownBy(() -> PinyinCache.read(file, PinyinCache.Source.of(rime)))
                .isInstanceOf(PinyinCache.StaleException.class).hasMessageContaining("other Rime files");
    }

    @Test
    void anOlderFormatIsStaleAndACorruptFileIsRefused() throws Exception {
        Path rime = tinyRime();
        Path file = dir.resolve(PinyinCache.FILE);
        PinyinDictionary d = PinyinCache.prepare(rime, SAME, file);
        byte[] good = Files.readAllBytes(file);
        PinyinCache.Source source = PinyinCache.Source.of(rime);

        byte[] older = good.clone();
        older[7] = (byte) (PinyinCache.VERSION - 1); // the version's low byte
        Files.write(file, older);
        assertThatThrownBy(() -> PinyinCache.read(file, source)).isInstanceOf(PinyinCache.StaleException.class);

        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x40; // inside the weights
        Files.write(file, flipped);
        assertThatThrownBy(() -> PinyinCache.read(file, source)).isInstanceOf(IOException.class)
                .isNotInstanceOf(PinyinCache.StaleException.class).hasMessageContaining("checksum");

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> PinyinCache.read(file, source)).hasMessageContaining("corrupt");

        // the entry count (before the pool length and the arrays) says a billion: refused before allocating
        int n = d.size();
        int countAt = good.length - 8 - (2 * d.pool().length + 4 * n + n + n + 4 * n) - 8;
        byte[] huge = good.clone();
        java.nio.ByteBuffer.wrap(huge).putInt(countAt, 1_000_000_000);
        Files.write(file, huge);
        assertThatThrownBy(() -> PinyinCache.read(file, source)).hasMessageContaining("1000000000 entries");

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> PinyinCache.read(file, source)).isInstanceOf(IOException.class);
        Files.write(file, good);
        assertThat(PinyinCache.read(file, source).size()).isEqualTo(n);
    }

    /** The cache is made when a keyboard first shows, but never from the store's last room. */
    @Test
    void noCacheIsMadeOnANearlyFullDisk() throws Exception {
        try (org.onetrip.kiosk.testing.SmallDisk disk = org.onetrip.kiosk.testing.SmallDisk.mount(dir.resolve("disk"), 48L << 20)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(disk != null, "this process may mount a tmpfs (root, as in CI)");
            AtomicInteger made = new AtomicInteger();
            PinyinInput input = new PinyinInput(tinyRime(), new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG),
                    disk.path().resolve(PinyinCache.FILE), (r, out) -> made.incrementAndGet());

            assertThatThrownBy(() -> input.converter().get(30, TimeUnit.SECONDS)).hasMessageContaining("would stay free");
            assertThat(made).hasValue(0);
            assertThat(input.status().state()).isEqualTo(org.onetrip.kiosk.device.DeviceState.OFFLINE);
            assertThat(input.status().detail()).isEqualTo(org.onetrip.kiosk.device.StatusDetail.DISABLED);
        }
    }

    @Test
    void theKioskMakesAMissingStaleOrCorruptCacheAgainAndThenReadsIt() throws Exception {
        Path rime = tinyRime();
        Path file = dir.resolve("cache").resolve(PinyinCache.FILE);
        AtomicInteger made = new AtomicInteger();
        PinyinInput.Preparer counting = (r, out) -> {
            made.incrementAndGet();
            PinyinCache.prepare(r, SAME, out);
        };
        OpenCcSimplifier opencc = new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG);

        PinyinInput missing = new PinyinInput(rime, opencc, file, counting);
        assertThat(firsts(missing.converter().get(30, TimeUnit.SECONDS).dictionary(), "xiwang")).startsWith("希望");
        assertThat(made).hasValue(1);
        assertThat(missing.status().message()).contains("cache made first");

        PinyinInput fresh = new PinyinInput(rime, opencc, file, counting);
        fresh.converter().get(30, TimeUnit.SECONDS);
        assertThat(made).as("a fresh cache is only read").hasValue(1);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        PinyinInput corrupt = new PinyinInput(rime, opencc, file, counting);
        assertThat(firsts(corrupt.converter().get(30, TimeUnit.SECONDS).dictionary(), "xiwang")).startsWith("希望");
        assertThat(made).hasValue(2);
        assertThat(corrupt.status().message()).contains("made again").contains("corrupt");

        Path dict = rime.resolve(RimeDictionaryReader.DICT);
        Files.writeString(dict, Files.readString(dict) + "喜\txi\n");
        PinyinInput stale = new PinyinInput(rime, opencc, file, counting);
        assertThat(firsts(stale.converter().get(30, TimeUnit.SECONDS).dictionary(), "xi")).contains("喜");
        assertThat(made).hasValue(3);

        PinyinInput failing = new PinyinInput(rime, opencc, dir.resolve("other.bin"), (r, out) -> {
            throw new IOException("no room");
        });
        assertThatThrownBy(() -> failing.converter().get(30, TimeUnit.SECONDS)).hasMessageContaining("no room");
        assertThat(failing.status().state()).isEqualTo(org.onetrip.kiosk.device.DeviceState.OFFLINE);
    }

    @Test
    void aChildJvmMakesTheCache() throws Exception {
        Path rime = tinyRime();
        Path file = dir.resolve(PinyinCache.FILE);
        new ChildJvmPinyinPreparer(OpenCcSimplifier.DEFAULT_CONFIG).prepare(rime, file);
        assertThat(firsts(PinyinCache.read(file, PinyinCache.Source.of(rime)), "xiwang")).startsWith("希望");
        assertThatThrownBy(() -> new ChildJvmPinyinPreparer(OpenCcSimplifier.DEFAULT_CONFIG).prepare(dir.resolve("none"),
                dir.resolve("x.bin"))).isInstanceOf(IOException.class).hasMessageContaining("exited 1");
    }

    private static int runChild(String heap, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                PinyinCacheLoad.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    /** With Debian's data: the kiosk's load fits a small heap; compiling the text there does not. */
    @Test
    void debiansDictionaryLoadsFromTheCacheInASmallHeapWhereCompilingFails() throws Exception {
        Path file = dir.resolve(PinyinCache.FILE);
        PinyinCache.prepare(RIME, new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG), file);
        Path log = dir.resolve("child.log");
        int fromCache = runChild(SMALL_HEAP, log, "cache", file.toString(), RIME.toString());
        assertThat(fromCache).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("xiwang: 希望");
        int fromText = runChild(OLD_PATH_FAILS, log, "rime", RIME.toString());
        assertThat(fromText).as("compiling Rime's text in " + OLD_PATH_FAILS + ": " + Files.readString(log)).isNotZero();
        assertThat(Files.readString(log)).contains("OutOfMemoryError");
    }
}
