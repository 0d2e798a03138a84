package org.onetrip.kiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * Every string on screen, from {@code i18n/messages_*.properties} (UTF-8). Switching the locale
 * applies at once: the navigator rebuilds the visible screen when {@link #localeProperty()} changes.
 */
public final class Texts {
    /** The prefix of the elders' mode's plainer words in the bundles. */
    public static final String ELDERS = "elders.";
    private final ObjectProperty<Locale> locale;
    private ResourceBundle bundle;
    /** The elders' mode's plainer words: {@code elders.KEY} where the bundle has it, else KEY. */
    private boolean plain;

    public Texts(Locale initial) {
        locale = new SimpleObjectProperty<>(initial);
        bundle = load(initial);
        locale.addListener((o, a, b) -> bundle = load(b));
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle("i18n.messages", l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean isChinese() {
        return locale.get().getLanguage().equals("zh");
    }

    /** The other of the two languages, for the switch button. */
    public Locale otherLocale() {
        return isChinese() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * Switches the elders' words on or off (issue 12): short sentences, one instruction each, under
     * {@code elders.}-prefixed keys that fall back to the normal text. The caller rebuilds the screen.
     */
    public void setPlain(boolean on) {
        plain = on;
    }

    public boolean plain() {
        return plain;
    }

    /** The text for {@code key}, formatted with {@code args}; a missing key fails loudly in tests. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = plain && bundle.containsKey(ELDERS + key) ? bundle.getString(ELDERS + key) : bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' for " + locale.get(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** Whether there is a text for {@code key} (an optional one: a device the texts do not name). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String of(LocalizedText t) {
        return t == null ? "" : t.get(locale.get());
    }
}
