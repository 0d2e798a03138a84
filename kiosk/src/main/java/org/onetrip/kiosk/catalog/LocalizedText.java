package org.onetrip.kiosk.catalog;

import java.util.Locale;
import java.util.Map;

/** A text in the kiosk's languages, keyed by language tag ({@code zh-CN}, {@code en}). */
public record LocalizedText(Map<String, String> byTag) {

    public LocalizedText {
        byTag = Map.copyOf(byTag);
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(Map.of("zh-CN", zh, "en", en));
    }

    /** The text for {@code locale}, falling back to Chinese, then to any text there is. */
    public String get(Locale locale) {
        String tag = locale.getLanguage().equals("zh") ? "zh-CN" : locale.toLanguageTag();
        String v = byTag.get(tag);
        if (v == null) {
            v = byTag.get(locale.getLanguage());
        }
        if (v == null) {
            v = byTag.get("zh-CN");
        }
        if (v == null) {
            v = byTag.values().stream().findFirst().orElse("");
        }
        return v;
    }

    public String zh() {
        return get(Locale.SIMPLIFIED_CHINESE);
    }

    public String en() {
        return get(Locale.ENGLISH);
    }
}
