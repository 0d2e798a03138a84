package org.onetrip.kiosk.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to say, in which language, in parts. A part with a message key may be replaced by the
 * centre's own recording of that prompt ({@link RecordedPrompts}); a part without one (a ticket
 * number, a service name, a formatted sentence) is always synthesised.
 */
public record Utterance(Locale locale, List<Part> parts) {

    /** One prompt or piece of text; {@code key} is null when no recording can stand for it. */
    public record Part(String key, String text) {
        public Part {
            Objects.requireNonNull(text, "text");
        }
    }

    public Utterance {
        Objects.requireNonNull(locale, "locale");
        parts = List.copyOf(parts);
    }

    public static Utterance of(Locale locale, String text) {
        return new Utterance(locale, List.of(new Part(null, text)));
    }

    /** The whole text, parts joined as sentences. */
    public String text() {
        return parts.stream().map(Part::text).filter(s -> !s.isBlank()).collect(Collectors.joining(separator(locale)));
    }

    public boolean isEmpty() {
        return parts.stream().allMatch(p -> p.text().isBlank());
    }

    /** This utterance followed by {@code more}'s parts (same language). */
    public Utterance then(Utterance more) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(more.parts);
        return new Utterance(locale, all);
    }

    /** A pause between sentences as the engine reads it: 。 in Chinese, ". " in English. */
    static String separator(Locale l) {
        return "zh".equals(l.getLanguage()) ? "。" : ". ";
    }

    /**
     * For logs: the keys and the length, never the text (a focused field's label is harmless, but
     * an utterance may carry a ticket or a name; personal data is never logged whole).
     */
    public String forLog() {
        return parts.size() + " part(s), " + text().length() + " chars, keys "
                + parts.stream().map(p -> p.key() == null ? "-" : p.key()).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "Utterance[" + locale.toLanguageTag() + ", " + forLog() + "]";
    }

    public static Builder in(Locale locale) {
        return new Builder(locale);
    }

    /** Builds an utterance part by part. */
    public static final class Builder {
        private final Locale locale;
        private final List<Part> parts = new ArrayList<>();

        Builder(Locale locale) {
            this.locale = locale;
        }

        /** A prompt a recording may replace: its message key and its text in {@link #locale}. */
        public Builder prompt(String key, String text) {
            parts.add(new Part(key, text));
            return this;
        }

        /** Text that is always synthesised. Blank text is left out. */
        public Builder text(String text) {
            if (text != null && !text.isBlank()) {
                parts.add(new Part(null, text));
            }
            return this;
        }

        public Builder add(Utterance u) {
            if (u != null) {
                parts.addAll(u.parts());
            }
            return this;
        }

        public Utterance build() {
            return new Utterance(locale, parts);
        }
    }
}
