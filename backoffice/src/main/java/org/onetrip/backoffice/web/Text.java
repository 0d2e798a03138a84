package org.onetrip.backoffice.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * The pages' words in one language: {@code i18n/backoffice_zh.properties} and
 * {@code backoffice_en.properties} (UTF-8), the same keys in both (a test checks). A key that is
 * missing fails loudly rather than showing a blank.
 */
public final class Text {
    public static final Text ZH = new Text("zh", load("zh"));
    public static final Text EN = new Text("en", load("en"));

    private final String lang;
    private final Map<String, String> words;

    private Text(String lang, Map<String, String> words) {
        this.lang = lang;
        this.words = words;
    }

    public static Text of(String lang) {
        return "en".equals(lang) ? EN : ZH;
    }

    public String lang() {
        return lang;
    }

    public boolean en() {
        return lang.equals("en");
    }

    /** The other language's code, for the switch on every page. */
    public String other() {
        return en() ? "zh" : "en";
    }

    public String get(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + lang);
        }
        return w;
    }

    public boolean has(String key) {
        return words.containsKey(key);
    }

    /** {@code get(key)} with {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public String f(String key, Object... args) {
        String w = get(key);
        for (int i = 0; i < args.length; i++) {
            w = w.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return w;
    }

    /** A catalogue text in this language (Chinese when it has no English). */
    public String of(LocalizedText t) {
        if (t == null) {
            return "";
        }
        return en() ? t.byTag().getOrDefault("en", t.zh()) : t.zh();
    }

    public Map<String, String> all() {
        return words;
    }

    private static Map<String, String> load(String lang) {
        String name = "/i18n/backoffice_" + lang + ".properties";
        try (InputStream in = Text.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.forEach((k, v) -> m.put(k.toString(), v.toString()));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language a request asks for: {@code ?lang=}, else its cookie, else Accept-Language, else Chinese. */
    public static Text forRequest(String query, String cookie, String acceptLanguage) {
        if ("en".equals(query) || "zh".equals(query)) {
            return of(query);
        }
        if ("en".equals(cookie) || "zh".equals(cookie)) {
            return of(cookie);
        }
        if (acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).strip().startsWith("en")) {
            return EN;
        }
        return ZH;
    }
}
