package org.onetrip.kiosk.ime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;
import org.onetrip.kiosk.ime.pinyin.PinyinCache;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;
import org.onetrip.kiosk.ime.pinyin.RimeDictionaryReader;

/**
 * Issue 13: the dictionary is read on first use and let go at the visit's end; the next visit's
 * keyboard reads it again from the cache (not made again). A tiny Rime folder; OpenCC only for
 * the presence check the kiosk makes.
 */
class PinyinInputTest {
    @TempDir
    Path dir;

    private Path tinyRime() throws Exception {
        Path rime = Files.createDirectories(dir.resolve("rime"));
        Files.writeString(rime.resolve(RimeDictionaryReader.DICT), String.join("\n", "---", "name: luna_pinyin", "...", "",
                "希\txi", "望\twang", "希望\txi wang", ""), StandardCharsets.UTF_8);
        Files.writeString(rime.resolve(RimeDictionaryReader.ESSAY), String.join("\n", "希\t500", "望\t400", "希望\t800", ""),
                StandardCharsets.UTF_8);
        return rime;
    }

    @Test
    void theDictionaryIsLetGoAtTheVisitsEndAndReadAgainFromTheCache() throws Exception {
        // OpenCC from scripts/lib.sh's IME_PINYIN_PACKAGES, as the other pinyin tests.
        OpenCcSimplifier opencc = new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG);
        AtomicInteger prepared = new AtomicInteger();
        PinyinInput ime = new PinyinInput(tinyRime(), opencc, dir.resolve(PinyinCache.FILE), (rime, out) -> {
            prepared.incrementAndGet();
            PinyinCache.prepare(rime, texts -> new ArrayList<>(texts), out);
        });
        assertThat(ime.isLoaded()).isFalse();
        ime.release(); // nothing loaded: nothing to do
        PinyinConverter first = ime.converter().get(30, TimeUnit.SECONDS);
        assertThat(first.candidates("xiwang").get(0).text()).isEqualTo("希望");
        assertThat(ime.isLoaded()).isTrue();
        assertThat(ime.status().isOnline()).isTrue();

        ime.release();
        assertThat(ime.isLoaded()).isFalse();
        assertThat(ime.status().state()).isEqualTo(DeviceState.UNKNOWN);
        assertThat(ime.probe().isOnline()).as("selftest: installed, loads on first use").isTrue();

        PinyinConverter second = ime.converter().get(30, TimeUnit.SECONDS);
        assertThat(second).isNotSameAs(first);
        assertThat(second.candidates("xiwang").get(0).text()).isEqualTo("希望");
        assertThat(prepared).as("made once, then read from the cache").hasValue(1);
    }

    @Test
    void aFailedLoadIsKeptAsTheStatusNotRetriedEveryVisit() throws Exception {
        PinyinInput ime = new PinyinInput(dir.resolve("no-rime"), new OpenCcSimplifier(OpenCcSimplifier.DEFAULT_CONFIG),
                dir.resolve(PinyinCache.FILE), (rime, out) -> {
                    throw new AssertionError("nothing to prepare from");
                });
        assertThat(ime.converter()).failsWithin(30, TimeUnit.SECONDS);
        ime.release();
        assertThat(ime.isLoaded()).isTrue();
        assertThat(ime.status().state()).isEqualTo(DeviceState.OFFLINE);
    }
}
