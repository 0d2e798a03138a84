package org.onetrip.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.speech.EspeakSpeech;
import org.onetrip.kiosk.speech.Speech;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiosk say TEXT [--lang zh-CN|en] --out FILE.wav}: renders what the kiosk would say, with
 * the profile's voice settings (rate, volume), to a WAV file, so speech can be checked without a
 * sound card. Exit 0 written; 3 when the speech engine is missing or switched off.
 */
@Command(name = "say", description = "Render TEXT as the kiosk would speak it to a WAV file; exit 3 when the speech engine is missing.")
public final class SayCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "TEXT", description = "What to say.")
    String text;

    @Option(names = "--lang", paramLabel = "zh-CN|en", description = "The voice: zh-CN (Mandarin) or en. Default: the profile's kiosk.locale.")
    String lang;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the WAV file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        Locale locale;
        if (lang == null) {
            locale = config.locale();
        } else if (lang.equals("zh-CN")) {
            locale = Locale.SIMPLIFIED_CHINESE;
        } else if (lang.equals("en")) {
            locale = Locale.ENGLISH;
        } else {
            System.err.println("kiosk say: --lang takes zh-CN or en, not " + lang);
            return 2;
        }
        if (text.isBlank()) {
            System.err.println("kiosk say: nothing to say");
            return 2;
        }
        try (Speech speech = Wiring.speech(config)) {
            if (!(speech instanceof EspeakSpeech espeak)) {
                System.err.println("kiosk say: speech is switched off in the profile (" + KioskConfig.SPEECH_DEVICE + "=none)");
                return 3;
            }
            String missing = espeak.engineProblem();
            if (missing != null) {
                System.err.println("kiosk say: no speech engine: " + missing);
                return 3;
            }
            byte[] wav = espeak.render(text, locale);
            Files.write(out, wav);
            var f = org.onetrip.kiosk.speech.Wav.readHeader(new java.io.ByteArrayInputStream(wav));
            System.out.printf(Locale.ROOT, "%s: %d bytes, %.2f s at %d Hz, voice %s%n", out, wav.length,
                    (wav.length - org.onetrip.kiosk.speech.Wav.HEADER_BYTES) / (double) (f.sampleRate() * f.blockAlign()),
                    f.sampleRate(), EspeakSpeech.voice(locale));
            return 0;
        }
    }
}
