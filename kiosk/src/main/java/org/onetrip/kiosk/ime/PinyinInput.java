package org.onetrip.kiosk.ime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.ime.opencc.OpenCcSimplifier;
import org.onetrip.kiosk.ime.pinyin.PinyinCache;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;
import org.onetrip.kiosk.ime.pinyin.PinyinDictionary;
import org.onetrip.kiosk.ime.pinyin.RimeDictionaryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pinyin input method as the kiosk holds it: the dictionary is read on first use, on a thread
 * of its own (nothing is read at start-up for a resident who never types), once per process.
 * Missing data is a status, never a crash: the keyboard then offers no pinyin and
 * {@code selftest} says what to install.
 *
 * <p>The kiosk reads only the compiled cache ({@link PinyinCache}: peak heap ≈ its 12 MB of
 * arrays). A missing, stale (other Rime files, older format) or corrupt cache is made again by the
 * {@link Preparer} — out of this process, since compiling Rime's text needs ~112 MB of transient
 * heap that the Pi's -Xmx160m beside the UI cannot spare (-XX:+ExitOnOutOfMemoryError). Meanwhile
 * the keyboard shows its "preparing" note, as for any load.
 */
public final class PinyinInput {
    private static final Logger log = LoggerFactory.getLogger(PinyinInput.class);

    /** Makes the cache file {@code out} from Rime's text in {@code rimeData}, out of the kiosk's heap. */
    public interface Preparer {
        void prepare(Path rimeData, Path out) throws java.io.IOException;
    }

    private final Path rimeData;
    private final OpenCcSimplifier simplifier;
    private final Path cache;
    private final Preparer preparer;
    private CompletableFuture<PinyinConverter> loading;
    private volatile DeviceStatus status;

    public PinyinInput(Path rimeData, OpenCcSimplifier simplifier, Path cache, Preparer preparer) {
        this.rimeData = rimeData;
        this.simplifier = simplifier;
        this.cache = cache;
        this.preparer = preparer;
        this.status = DeviceStatus.unknown("not loaded yet (loads when a keyboard first shows)");
    }

    /** What is missing, without reading the dictionary: the files and OpenCC. Empty when all is there. */
    public Optional<String> missing() {
        if (!Files.isReadable(rimeData.resolve(RimeDictionaryReader.DICT))) {
            return Optional.of("rime-data-luna-pinyin not installed (no " + rimeData.resolve(RimeDictionaryReader.DICT) + ")");
        }
        if (!Files.isReadable(rimeData.resolve(RimeDictionaryReader.ESSAY))) {
            return Optional.of("rime-essay not installed (no " + rimeData.resolve(RimeDictionaryReader.ESSAY) + ")");
        }
        try {
            simplifier.check();
        } catch (OpenCcSimplifier.UnavailableException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** The status for selftest: OFFLINE with what to install, or what the loaded dictionary holds. */
    public DeviceStatus probe() {
        Optional<String> m = missing();
        return m.map(s -> DeviceStatus.offline(StatusDetail.GONE, s)).orElseGet(() -> {
            DeviceStatus s = status;
            return s.state() == org.onetrip.kiosk.device.DeviceState.UNKNOWN
                    ? DeviceStatus.online("installed in " + rimeData + " (loads on first use)") : s;
        });
    }

    public DeviceStatus status() {
        return status;
    }

    /** Starts loading on first call (on its own daemon thread); completes with the converter or fails. */
    public synchronized CompletableFuture<PinyinConverter> converter() {
        if (loading == null) {
            CompletableFuture<PinyinConverter> f = new CompletableFuture<>();
            loading = f;
            status = DeviceStatus.unknown("loading " + rimeData);
            Thread t = new Thread(() -> load(f), "pinyin-load");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return loading;
    }

    /** The converter when loaded, else empty (and loading starts). */
    public Optional<PinyinConverter> ready() {
        CompletableFuture<PinyinConverter> f = converter();
        return f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /**
     * Lets go of the dictionary (8.8 MB of heap retained, {@code ./scripts/bench ime}) when the
     * visit ends: the next keyboard reads it again from the cache file, in the background while the
     * form is read (55 ms median, 137 ms the first time, on the build machine). A keyboard still
     * holding the converter keeps it until it goes. A load under way or failed is kept (a failure
     * is the status, not retried per visit).
     */
    public synchronized void release() {
        if (loading != null && loading.isDone() && !loading.isCompletedExceptionally()) {
            loading = null;
            if (status.isOnline()) {
                status = DeviceStatus.unknown("not loaded (let go at the visit's end; loads when a keyboard next shows)");
            }
        }
    }

    /** Whether the dictionary is held now (loaded or loading). */
    public synchronized boolean isLoaded() {
        return loading != null;
    }

    /** About what the compiled cache of Rime's luna pinyin takes (7.3 MB measured), rounded up. */
    static final long CACHE_BYTES = 8L << 20;

    private void load(CompletableFuture<PinyinConverter> loading) {
        Optional<String> m = missing();
        if (m.isPresent()) {
            status = DeviceStatus.offline(StatusDetail.GONE, m.get());
            log.warn("pinyin input offline: {}", m.get());
            loading.completeExceptionally(new IllegalStateException(m.get()));
            return;
        }
        try {
            long t0 = System.nanoTime();
            String how = "";
            PinyinDictionary d;
            try {
                d = PinyinCache.read(cache, PinyinCache.Source.of(rimeData));
            } catch (java.io.IOException first) {
                how = first instanceof java.nio.file.NoSuchFileException ? ", cache made first"
                        : ", cache made again (" + first.getMessage() + ")";
                Path folder = cache.toAbsolutePath().getParent();
                if (!org.onetrip.kiosk.privacy.DataFolder.roomFor(folder, CACHE_BYTES)) {
                    // The store's last room is for residents' requests (DataFolder.KEEP_FREE): the
                    // keyboard keeps its letters and the writing pad; kiosk-launch checks the same.
                    String why = "no pinyin: the cache (" + (CACHE_BYTES >> 20) + " MiB) is not made where less than "
                            + (org.onetrip.kiosk.privacy.DataFolder.KEEP_FREE >> 20) + " MiB would stay free on " + folder;
                    status = DeviceStatus.offline(StatusDetail.DISABLED, why);
                    log.warn("pinyin input offline: {}", why);
                    loading.completeExceptionally(new IllegalStateException(why));
                    return;
                }
                log.info("pinyin cache {}: making it", first instanceof java.nio.file.NoSuchFileException
                        ? "missing" : first.getMessage());
                preparer.prepare(rimeData, cache);
                d = PinyinCache.read(cache, PinyinCache.Source.of(rimeData));
            }
            PinyinConverter c = new PinyinConverter(d);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            status = DeviceStatus.online(c.dictionary().size() + " words from " + cache + ", loaded in " + ms + " ms" + how);
            log.info("pinyin input: {}", status.message());
            loading.complete(c);
        } catch (Exception | OutOfMemoryError e) {
            status = DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR, "could not read " + rimeData + " (cache " + cache + "): " + e);
            log.warn("pinyin input offline", e);
            loading.completeExceptionally(e);
        }
    }
}
