package org.onetrip.kiosk.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The centre's own voice: a folder ({@code speech.prompts-dir}) of WAV files named by message key
 * that replace the synthesised text of that prompt. {@code home.title.zh-CN.wav} serves Chinese
 * sessions, {@code home.title.en.wav} English ones, and a plain {@code home.title.wav} the
 * kiosk's own language ({@code kiosk.locale}). None ship with the kiosk. A prompt whose text
 * carries a value (seconds left, a ticket) has no key, so a recording never says a wrong number.
 */
public final class RecordedPrompts {
    /** No folder: everything is synthesised. */
    public static final RecordedPrompts NONE = new RecordedPrompts(null, Locale.SIMPLIFIED_CHINESE);

    private final Path dir;
    private final Locale kioskLocale;

    public RecordedPrompts(Path dir, Locale kioskLocale) {
        this.dir = dir;
        this.kioskLocale = kioskLocale;
    }

    /** The recording standing for {@code key} in {@code locale}, if the centre made one. */
    public Optional<Path> find(String key, Locale locale) {
        if (dir == null || key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return Optional.empty();
        }
        Path own = dir.resolve(key + "." + tag(locale) + ".wav");
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        Path plain = dir.resolve(key + ".wav");
        if (locale.getLanguage().equals(kioskLocale.getLanguage()) && Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        return Optional.empty();
    }

    /** How many recordings the folder holds, for the technician (selftest). */
    public int count() {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".wav")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    static String tag(Locale l) {
        return "zh".equals(l.getLanguage()) ? "zh-CN" : "en";
    }
}
