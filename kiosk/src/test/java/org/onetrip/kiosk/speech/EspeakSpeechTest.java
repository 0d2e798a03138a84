package org.onetrip.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.testing.Eventually;

/** espeak-ng for real (Debian's package, scripts/lib.sh), played into a capturing player. */
class EspeakSpeechTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final EspeakSpeech.Settings ESPEAK = new EspeakSpeech.Settings("espeak-ng", 150);

    @TempDir
    Path prompts;

    private EspeakSpeech speech;

    @AfterEach
    void close() {
        if (speech != null) {
            speech.close();
        }
    }

    private EspeakSpeech started(CapturingAudioOut out, RecordedPrompts recorded, int volume) {
        speech = new EspeakSpeech(ESPEAK, out, recorded, volume);
        speech.start();
        // Online once espeak-ng has told its version, on the speech thread.
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (speech.status().state() == DeviceState.UNKNOWN && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(speech.status().state()).as(speech.status().toString()).isEqualTo(DeviceState.ONLINE);
        assertThat(speech.status().message()).contains("espeak-ng 1.");
        return speech;
    }

    @Test
    void aRecordedPromptReplacesTheSynthesisedTextOfItsKeyAndTheRestIsSynthesised() throws Exception {
        byte[] recording = tone(16_000, 3_200, 9_000);
        Files.write(prompts.resolve("home.title.zh-CN.wav"), recording);
        CapturingAudioOut out = new CapturingAudioOut(false);
        started(out, new RecordedPrompts(prompts, ZH), 100);

        speech.say(Utterance.in(ZH).prompt("home.title", "您好，请问要做什么？").text("D 0 1 7").build());

        Eventually.until("two clips played", () -> out.clips().size() == 2 && out.clips().get(1).ended(), () -> out.clips().size() + " clip(s)");
        // The centre's voice, sample for sample (volume 100), in its own format.
        byte[] played = out.clips().get(0).bytes();
        assertThat(Wav.readHeader(new ByteArrayInputStream(played))).isEqualTo(new Wav.Format(1, 16_000, 16));
        assertThat(Arrays.equals(samples(played), samples(recording))).as("the recording's samples, unchanged").isTrue();
        Wav.Format synthesised = Wav.readHeader(new ByteArrayInputStream(out.clips().get(1).bytes()));
        assertThat(synthesised.sampleRate()).isEqualTo(22_050);
        assertThat(nonZeroSamples(out.clips().get(1).bytes())).isGreaterThan(1000);
    }

    @Test
    void withoutARecordingInTheSessionsLanguageTheTextIsSynthesised() throws Exception {
        Files.write(prompts.resolve("home.title.zh-CN.wav"), tone(16_000, 3_200, 9_000));
        Files.write(prompts.resolve("home.subtitle.wav"), tone(16_000, 3_200, 9_000)); // the kiosk's language only
        CapturingAudioOut out = new CapturingAudioOut(false);
        started(out, new RecordedPrompts(prompts, ZH), 100);

        speech.say(Utterance.in(Locale.ENGLISH).prompt("home.title", "Welcome").prompt("home.subtitle", "Touch what you need").build());

        Eventually.until("one clip played", () -> out.clips().size() == 1 && out.clips().get(0).ended(), () -> out.clips().size() + " clip(s)");
        assertThat(Wav.readHeader(new ByteArrayInputStream(out.clips().get(0).bytes())).sampleRate()).isEqualTo(22_050);
        assertThat(new RecordedPrompts(prompts, ZH).find("home.subtitle", ZH)).contains(prompts.resolve("home.subtitle.wav"));
        assertThat(new RecordedPrompts(prompts, ZH).find("../home.subtitle", ZH)).isEmpty();
    }

    @Test
    void aBrokenRecordingIsSynthesisedInstead() throws Exception {
        Files.writeString(prompts.resolve("home.title.zh-CN.wav"), "not a wave file at all, a text file");
        CapturingAudioOut out = new CapturingAudioOut(false);
        started(out, new RecordedPrompts(prompts, ZH), 100);

        speech.say(Utterance.in(ZH).prompt("home.title", "您好").build());

        Eventually.until("one clip played", () -> out.clips().size() == 1 && out.clips().get(0).ended(), () -> out.clips().size() + " clip(s)");
        assertThat(Wav.readHeader(new ByteArrayInputStream(out.clips().get(0).bytes())).sampleRate()).isEqualTo(22_050);
    }

    @Test
    void theVolumeScalesTheSamples() throws Exception {
        byte[] recording = tone(16_000, 1_600, 8_000);
        Files.write(prompts.resolve("done.title.zh-CN.wav"), recording);
        CapturingAudioOut out = new CapturingAudioOut(false);
        started(out, new RecordedPrompts(prompts, ZH), 50);

        speech.say(Utterance.in(ZH).prompt("done.title", "已提交").build());

        Eventually.until("played", () -> out.clips().size() == 1 && out.clips().get(0).ended(), () -> out.clips().size() + " clip(s)");
        short[] in = samples(recording);
        short[] played = samples(out.clips().get(0).bytes());
        assertThat(played).hasSameSizeAs(in);
        for (int i = 0; i < in.length; i += 97) {
            assertThat((int) played[i]).isEqualTo((int) Math.round(in[i] * 0.25)); // 50 % is a quarter of the power
        }
    }

    @Test
    void aNewUtteranceInterruptsTheOnePlayingAndSayNeverBlocks() throws Exception {
        CapturingAudioOut out = new CapturingAudioOut(true);
        started(out, RecordedPrompts.NONE, 80);

        speech.say("这是一段很长的话，" .repeat(20), ZH);
        Eventually.until("the first utterance playing", () -> out.clips().size() == 1 && out.clips().get(0).firstByteNanos() > 0, () -> out.clips().size() + " clip(s)");
        speech.say("Next", Locale.ENGLISH); // returns while the first is still "playing": say never waits for sound

        Eventually.until("the first cancelled, the second playing", () -> out.clips().size() == 2 && out.clips().get(0).cancelled() && out.clips().get(1).firstByteNanos() > 0, () -> out.clips().size() + " clip(s)");
        speech.stop();
        Eventually.until("the second stopped", () -> out.clips().get(1).cancelled(), () -> out.clips().size() + " clip(s)");
    }

    /**
     * Closed while espeak-ng was still telling its version: the answer that comes after must not
     * make a closed device online (its log line reached the next command's standard error).
     */
    @Test
    void aSpeechClosedBeforeEspeakNgAnsweredNeverComesOnline() throws Exception {
        Path done = prompts.resolve("answered");
        Path slow = prompts.resolve("slow-espeak-ng");
        Files.writeString(slow, "#!/bin/sh\nsleep 1\necho 'eSpeak NG text-to-speech: 9.99  Data at: /nowhere'\n: > '"
                + done + "'\n");
        slow.toFile().setExecutable(true);
        speech = new EspeakSpeech(new EspeakSpeech.Settings(slow.toString(), 150), new CapturingAudioOut(false),
                RecordedPrompts.NONE, 80);
        speech.start();
        assertThat(speech.status().state()).isEqualTo(DeviceState.UNKNOWN);
        speech.close();
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(done) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(done).as("the slow engine answered").exists();
        // The answer is read within milliseconds of being written; give it ample room to (wrongly) land.
        for (int i = 0; i < 100; i++) {
            assertThat(speech.status().state()).as(speech.status().toString()).isNotEqualTo(DeviceState.ONLINE);
            Thread.sleep(20);
        }
    }

    @Test
    void aMissingEngineIsAStatusAndSayingDoesNothing() {
        CapturingAudioOut out = new CapturingAudioOut(false);
        speech = new EspeakSpeech(new EspeakSpeech.Settings(prompts.resolve("no-espeak-ng").toString(), 150), out,
                RecordedPrompts.NONE, 80);
        speech.start();

        assertThat(speech.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(speech.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(speech.status().message()).contains("not installed").contains("apt-get install espeak-ng");
        speech.say("你好", ZH);
        speech.stop();
        assertThat(out.clips()).isEmpty();
    }

    @Test
    void aplayPlaysToAnAlsaDeviceAndSaysWhyItCannotOpenAnother() throws Exception {
        AplayOut nul = new AplayOut("aplay", "null");
        assertThat(nul.problem()).isNull();
        AudioOut.Playback ok = nul.open();
        try (var in = ok.input()) {
            in.write(tone(16_000, 1_600, 8_000));
        }
        assertThat(ok.awaitEnd()).isNull();

        AudioOut.Playback bad = new AplayOut("aplay", "no_such_alsa_device").open();
        try (var in = bad.input()) {
            in.write(tone(16_000, 1_600, 8_000));
        } catch (IOException closedEarly) {
            // aplay may have gone before the bytes were written
        }
        assertThat(bad.awaitEnd()).startsWith("aplay exited with").contains("aplay:");
        assertThat(new AplayOut("/usr/lib/nowhere/aplay", "null").problem()).contains("apt-get install alsa-utils");
    }

    @Test
    void aTicketIsSpelledSignBySign() {
        assertThat(SpokenText.spell("D-017")).isEqualTo("D 0 1 7");
        assertThat(SpokenText.spell("c-120")).isEqualTo("C 1 2 0");
        assertThat(Utterance.in(ZH).prompt("done.title", "已提交").text("D 0 1 7").build().forLog())
                .doesNotContain("已提交").doesNotContain("D 0 1 7").contains("done.title");
    }

    /** A 16-bit mono WAV of a sine tone. */
    static byte[] tone(int rate, int samples, int amplitude) {
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return Wav.file(new Wav.Format(1, rate, 16), b.array(), b.capacity());
    }

    static short[] samples(byte[] wav) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(wav);
        Wav.readHeader(in);
        byte[] rest = in.readAllBytes();
        short[] s = new short[rest.length / 2];
        ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }

    static long nonZeroSamples(byte[] wav) throws IOException {
        short[] s = samples(wav);
        return Arrays.stream(toInts(s)).filter(v -> v != 0).count();
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }
}
