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
    private final ObjectProperty<Locale> locale;
    private ResourceBundle bundle;

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

    /** The text for {@code key}, formatted with {@code args}; a missing key fails loudly in tests. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' for " + locale.get(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    public String of(LocalizedText t) {
        return t == null ? "" : t.get(locale.get());
    }
}
