package org.onetrip.kiosk.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.speech.CapturingAudioOut;
import org.onetrip.kiosk.speech.EspeakSpeech;
import org.onetrip.kiosk.speech.RecordedPrompts;
import org.onetrip.kiosk.speech.Speech;
import org.onetrip.kiosk.speech.Utterance;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.KioskUi;

/**
 * From a screen shown to its first spoken sample, beside a bare {@code espeak-ng --stdout} of the
 * same text in the same run.
 *
 * <p>The real kiosk (headless UI on Monocle) with speech on and the real espeak-ng adapter, whose
 * player is a capturing one (no sound card needed): the clock starts on the JavaFX thread just
 * before the navigator shows a screen (home, each window's service list, "check my request"; in
 * Chinese and in English) and stops when the first bytes of samples past the WAV header reach the
 * player. That covers the narrator's wait for the pulse after layout, the espeak-ng process start,
 * its synthesis of the first stretch, the pipe and the volume. The baseline, right after each
 * round: {@code espeak-ng -v VOICE -s RATE --stdout TEXT} with the same text, from the process
 * start to its first bytes of samples.
 */
public final class SpeechBench {
    private SpeechBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The real adapter, and the last utterance it was given (for the baseline). */
    private static final class Recording implements Speech {
        final EspeakSpeech real;
        final AtomicReference<Utterance> last = new AtomicReference<>();
        volatile long saidAt;

        Recording(EspeakSpeech real) {
            this.real = real;
        }

        @Override
        public void say(Utterance u) {
            last.set(u);
            saidAt = System.nanoTime();
            real.say(u);
        }

        @Override
        public void stop() {
            real.stop();
        }

        @Override
        public void setVolume(int percent) {
            real.setVolume(percent);
        }

        @Override
        public int volume() {
            return real.volume();
        }

        @Override
        public String id() {
            return real.id();
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public DeviceStatus status() {
            return real.status();
        }

        @Override
        public void addStatusListener(Consumer<DeviceStatus> listener) {
            real.addStatusListener(listener);
        }

        @Override
        public void start() {
            real.start();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path dir = Files.createTempDirectory("onetrip-speechbench");
        KioskConfig config = KioskConfig.simulator("data.dir=" + dir.resolve("data"), "ui.simulator-panel=false",
                "speech.enabled=true");
        CapturingAudioOut out = new CapturingAudioOut(false);
        Recording speech = new Recording(new EspeakSpeech(new EspeakSpeech.Settings(config.speechEspeakCommand(),
                config.speechRateWpm()), out, RecordedPrompts.NONE, config.speechVolume()));
        Kiosk kiosk = Wiring.wire(config, Clock.systemDefaultZone()).withSpeech(speech);
        kiosk.startDevices();
        if (!speech.status().isOnline()) {
            throw new IllegalStateException("speech is not online: " + speech.status());
        }
        ExecutorService background = Executors.newFixedThreadPool(2);
        CompletableFuture<KioskUi> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            KioskUi ui = new KioskUi(kiosk, stage, Clock.systemDefaultZone(), background);
            ui.start();
            stage.show();
            started.complete(ui);
        });
        KioskUi ui = started.get();
        Flow flow = ui.flow();
        List<ServiceWindow> windows = kiosk.catalog().windows();

        long[] kioskNanos = new long[n];
        long[] bareNanos = new long[n];
        long[] toSay = new long[n];
        long chars = 0;
        int warmup = 4;
        for (int i = -warmup; i < n; i++) {
            int k = Math.floorMod(i, 12);
            boolean english = k >= 6;
            int step = k % 6; // 0 home (Chinese only: home resets the language), 1-4 a window, 5 check my request
            if (english && step == 0) {
                // The language switch rebuilds the screen (and speaks it): let that pass before measuring.
                SessionsRssBench.fx(() -> flow.texts().localeProperty().set(Locale.ENGLISH));
                settle(out);
                step = 5;
            }
            int s = step;
            int before = out.clips().size();
            long[] t0 = new long[1];
            SessionsRssBench.fx(() -> {
                ui.idle().activity();
                t0[0] = System.nanoTime();
                if (s == 0) {
                    flow.home();
                } else if (s == 5) {
                    flow.checkStatus(null);
                } else {
                    flow.openWindow(windows.get((s - 1) % windows.size()));
                }
            });
            long giveUp = System.nanoTime() + 30_000_000_000L;
            long first;
            while ((first = firstSample(out, before)) == 0) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("nothing spoken after screen step " + s + "; speech " + speech.status());
                }
                Thread.sleep(1);
            }
            Utterance u = speech.last.get();
            long bare = bare(config, u);
            if (i >= 0) {
                kioskNanos[i] = first - t0[0];
                toSay[i] = speech.saidAt - t0[0];
                bareNanos[i] = bare;
                chars += u.text().length();
            }
            settle(out);
            if (english && Math.floorMod(i, 12) == 11) {
                SessionsRssBench.fx(() -> flow.home()); // back to Chinese for the next round
                settle(out);
            }
        }
        System.out.printf(Locale.ROOT, "screens measured: %d (home, 4 service lists, check my request; Chinese and English), %.0f characters on average%n",
                n, chars / (double) n);
        System.out.printf(Locale.ROOT, "screen shown → first spoken sample (kiosk)   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
                Stats.median(kioskNanos), Stats.percentile(kioskNanos, 99), Stats.percentile(kioskNanos, 100));
        System.out.printf(Locale.ROOT, "  of which: screen built, laid out, say()   p50 %7.1f ms   p99 %7.1f ms%n",
                Stats.median(toSay), Stats.percentile(toSay, 99));
        System.out.printf(Locale.ROOT, "bare espeak-ng --stdout → first sample       p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
                Stats.median(bareNanos), Stats.percentile(bareNanos, 99), Stats.percentile(bareNanos, 100));
        System.out.printf(Locale.ROOT, "ratio of p50s                                %7.2f%n", Stats.median(kioskNanos) / Stats.median(bareNanos));
        kiosk.close();
    }

    /** The first-sample time of a clip that started after {@code before} clips, or 0. */
    private static long firstSample(CapturingAudioOut out, int before) {
        List<CapturingAudioOut.Clip> clips = out.clips();
        for (int c = before; c < clips.size(); c++) {
            if (clips.get(c).firstByteNanos() > 0) {
                return clips.get(c).firstByteNanos();
            }
        }
        return 0;
    }

    /** Waits until no clip has started for 300 ms, so one round's speech does not overlap the next. */
    private static void settle(CapturingAudioOut out) throws InterruptedException {
        int seen = -1;
        while (out.clips().size() != seen) {
            seen = out.clips().size();
            Thread.sleep(300);
        }
    }

    /** Nanoseconds from starting {@code espeak-ng --stdout TEXT} to its first bytes of samples. */
    private static long bare(KioskConfig config, Utterance u) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(config.speechEspeakCommand(), "-v", EspeakSpeech.voice(u.locale()),
                "-s", String.valueOf(config.speechRateWpm()), "--stdout", u.text()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[4096];
            int total = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                total += r;
                if (total > 44) {
                    return System.nanoTime() - t0;
                }
            }
            throw new IllegalStateException("espeak-ng gave no samples");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
