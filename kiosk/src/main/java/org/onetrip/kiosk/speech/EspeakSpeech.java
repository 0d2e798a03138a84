package org.onetrip.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech by Debian's {@code espeak-ng} (Mandarin voice {@code cmn}, English {@code en}), run as a
 * process per stretch of text: the text goes in on stdin (never on the command line, where
 * {@code ps} would show it), WAV comes out of {@code --stdout} and is streamed, volume applied, to
 * the {@link AudioOut} as it arrives, so the first sound does not wait for the whole sentence.
 * A part the centre recorded ({@link RecordedPrompts}) is played from its file instead.
 *
 * <p>One worker thread speaks; {@link #say} only bumps a generation number, kills the processes of
 * the utterance playing and queues the new one, so it never blocks the JavaFX thread, and the old
 * utterance stops within a buffer.
 */
public final class EspeakSpeech implements Speech {
    private static final Logger log = LoggerFactory.getLogger(EspeakSpeech.class);

    /** {@code command}: espeak-ng's name or path; {@code rateWpm}: words a minute (espeak-ng's own default is 175). */
    public record Settings(String command, int rateWpm) {
    }

    private final Settings settings;
    private final AudioOut out;
    private final RecordedPrompts prompts;
    private final DeviceStatusHolder status = new DeviceStatusHolder("speech", DeviceStatus.unknown("not started"));
    /** Set by {@link #close}; guarded by {@code this}. */
    private boolean closed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "speech");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private volatile Process synth;
    private volatile AudioOut.Playback playing;
    private volatile int volume;
    private volatile String onlineMessage = "";

    public EspeakSpeech(Settings settings, AudioOut out, RecordedPrompts prompts, int volume) {
        this.settings = settings;
        this.out = out;
        this.prompts = prompts;
        this.volume = clamp(volume);
    }

    @Override
    public String id() {
        return "speech";
    }

    @Override
    public String name() {
        return "speech output (espeak-ng, " + out.describe() + ")";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        status.addListener(listener);
    }

    /** Looks for espeak-ng and the player; a missing one is the status, never an exception. */
    @Override
    public void start() {
        String problem = engineProblem();
        if (problem == null) {
            problem = out.problem();
        }
        if (problem != null) {
            log.warn("speech is offline: {}", problem);
            status.update(DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR, problem));
            return;
        }
        int recorded = prompts.count();
        String rest = "; " + out.describe() + (recorded > 0 ? "; " + recorded + " recorded prompt(s)" : "");
        onlineMessage = "espeak-ng" + rest;
        status.update(DeviceStatus.unknown("espeak-ng found; asking its version"));
        // The version is asked on the speech thread: starting a process (0.1-0.3 s) was on the main
        // thread's way to the home screen (issue 13, -Xlog:class+load); anything said waits behind
        // it. Online when espeak-ng has answered (selftest waits for that).
        worker.execute(() -> {
            String message = version() + rest;
            synchronized (this) {
                // Closed while espeak-ng was asked (shutdownNow does not stop a blocking read): a
                // closed device never reports itself online, nor logs that it did.
                if (!closed) {
                    onlineMessage = message;
                    status.update(DeviceStatus.online(onlineMessage));
                }
            }
        });
    }

    /** Why espeak-ng cannot be run, or null. */
    public String engineProblem() {
        return Programs.missing(settings.command(), "espeak-ng");
    }

    private String version() {
        try {
            Process p = new ProcessBuilder(settings.command(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readNBytes(400), StandardCharsets.UTF_8).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            // "eSpeak NG text-to-speech: 1.51  Data at: …"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("text-to-speech: (\\S+)").matcher(v);
            return "espeak-ng " + (m.find() ? m.group(1) : "(version unknown)");
        } catch (IOException e) {
            return "espeak-ng (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "espeak-ng";
        }
    }

    @Override
    public void say(Utterance u) {
        long gen = generation.incrementAndGet();
        cancelCurrent();
        if (u.isEmpty() || !status.get().isOnline() && status.get().detail() == StatusDetail.CONFIGURATION_ERROR) {
            return;
        }
        worker.execute(() -> speak(u, gen));
    }

    @Override
    public void stop() {
        generation.incrementAndGet();
        cancelCurrent();
    }

    @Override
    public void setVolume(int percent) {
        volume = clamp(percent);
    }

    @Override
    public int volume() {
        return volume;
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private void cancelCurrent() {
        Process p = synth;
        if (p != null) {
            p.destroy();
        }
        AudioOut.Playback b = playing;
        if (b != null) {
            b.cancel();
        }
    }

    private boolean current(long gen) {
        return generation.get() == gen;
    }

    /** On the worker: each stretch of synthesised text, and each recording, as one clip. */
    private void speak(Utterance u, long gen) {
        if (!current(gen)) {
            return;
        }
        try {
            for (Clip c : clips(u)) {
                if (!current(gen)) {
                    return;
                }
                String failure = c.recording == null ? synthesise(c.text, u.locale(), gen) : playRecording(c, u.locale(), gen);
                if (!current(gen)) {
                    return;
                }
                if (failure != null) {
                    log.warn("speech failed ({}): {}", u.forLog(), failure);
                    status.update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR, failure));
                    return;
                }
            }
            status.update(DeviceStatus.online(onlineMessage));
        } catch (IOException e) {
            if (current(gen)) {
                log.warn("speech failed ({}): {}", u.forLog(), e.getMessage());
                status.update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR, e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stretch of text to synthesise, or one recording (with the text to say if it will not play). */
    private record Clip(String text, Path recording) {
    }

    private List<Clip> clips(Utterance u) {
        List<Clip> clips = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String sep = Utterance.separator(u.locale());
        for (Utterance.Part p : u.parts()) {
            Optional<Path> rec = prompts.find(p.key(), u.locale());
            if (rec.isPresent()) {
                if (!text.isEmpty()) {
                    clips.add(new Clip(text.toString(), null));
                    text.setLength(0);
                }
                clips.add(new Clip(p.text(), rec.get()));
            } else if (!p.text().isBlank()) {
                if (!text.isEmpty()) {
                    text.append(sep);
                }
                text.append(p.text());
            }
        }
        if (!text.isEmpty()) {
            clips.add(new Clip(text.toString(), null));
        }
        return clips;
    }

    public static String voice(Locale l) {
        return "zh".equals(l.getLanguage()) ? "cmn" : "en";
    }

    private Process startEngine(String text, Locale locale) throws IOException {
        Process p = new ProcessBuilder(settings.command(), "-v", voice(locale), "-s", String.valueOf(settings.rateWpm()),
                "--stdout").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream w = p.getOutputStream()) {
            w.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private String synthesise(String text, Locale locale, long gen) throws IOException, InterruptedException {
        Process p = startEngine(text, locale);
        synth = p;
        try (InputStream in = p.getInputStream()) {
            if (!current(gen)) {
                return null;
            }
            Wav.Format f;
            try {
                f = Wav.readHeader(in);
            } catch (IOException e) {
                return current(gen) ? "espeak-ng gave no sound (" + e.getMessage() + ")" : null;
            }
            return play(f, in, gen);
        } finally {
            p.destroy();
            synth = null;
        }
    }

    private String playRecording(Clip c, Locale locale, long gen) throws IOException, InterruptedException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(c.recording))) {
            Wav.Format f = Wav.readHeader(in);
            return play(f, in, gen);
        } catch (Wav.NotWav | java.io.EOFException e) {
            log.warn("recorded prompt {} is not usable ({}); synthesising it", c.recording.getFileName(), e.getMessage());
            return synthesise(c.text, locale, gen);
        }
    }

    /** Streams one clip to a player, volume applied, and waits until it has been heard. */
    private String play(Wav.Format f, InputStream in, long gen) throws IOException, InterruptedException {
        AudioOut.Playback b = out.open();
        playing = b;
        try {
            if (!current(gen)) {
                b.cancel();
                return null;
            }
            try (OutputStream w = b.input()) {
                w.write(Wav.header(f, -1));
                copyScaled(f, in, w, gen);
            } catch (IOException e) {
                if (!current(gen)) {
                    return null; // cancelled: the player was killed under us
                }
                String ended = b.awaitEnd();
                return ended != null ? ended : "the player stopped reading: " + e.getMessage();
            }
            if (!current(gen)) {
                b.cancel();
                return null;
            }
            String ended = b.awaitEnd();
            return current(gen) ? ended : null;
        } finally {
            playing = null;
        }
    }

    private void copyScaled(Wav.Format f, InputStream in, OutputStream w, long gen) throws IOException {
        double gain = Wav.gain(volume);
        boolean scale = f.scalable();
        byte[] buf = new byte[4096];
        int carry = 0; // an odd byte left from the last read: half a sample
        int n;
        while ((n = in.read(buf, carry, buf.length - carry)) > 0) {
            if (!current(gen)) {
                return;
            }
            int have = carry + n;
            int even = scale ? have & ~1 : have;
            if (scale) {
                Wav.scale16(buf, 0, even, gain);
            }
            w.write(buf, 0, even);
            w.flush();
            carry = have - even;
            if (carry > 0) {
                buf[0] = buf[even];
            }
        }
    }

    /**
     * What the kiosk would say for {@code text}, as a whole WAV file with its real sizes and the
     * volume applied ({@code kiosk say}). Blocks; not for the JavaFX thread.
     */
    public byte[] render(String text, Locale locale) throws IOException {
        Process p = startEngine(text, locale);
        try (InputStream in = p.getInputStream()) {
            Wav.Format f = Wav.readHeader(in);
            ByteArrayOutputStream samples = new ByteArrayOutputStream();
            copyScaled(f, in, samples, generation.get());
            byte[] s = samples.toByteArray();
            return Wav.file(f, s, s.length & ~1);
        } finally {
            p.destroy();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
        worker.shutdownNow();
    }
}
