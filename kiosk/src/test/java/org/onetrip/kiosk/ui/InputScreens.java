package org.onetrip.kiosk.ui;

import java.util.List;
import java.util.Locale;

/**
 * The screens with a keypad or a keyboard, reached the way a resident (or the technician) reaches
 * them, in a chosen language and mode: for the tests of how the keys are laid out.
 */
final class InputScreens {
    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private InputScreens() {
    }

    /** A new visit on home in {@code lang}, the elders' mode on or off; its name ("elders-zh", "en"). */
    static String visit(KioskUiTestBase t, boolean elders, Locale lang) {
        t.interact(() -> {
            t.ui.idle().activity();
            t.ui.flow().home();
        });
        t.awaitScreen("home");
        modeAndLanguage(t, elders, lang);
        return (elders ? "elders-" : "") + lang.getLanguage();
    }

    private static void modeAndLanguage(KioskUiTestBase t, boolean elders, Locale lang) {
        t.interact(() -> t.ui.flow().setEldersMode(elders));
        t.await("the elders' mode " + (elders ? "on" : "off"),
                () -> t.lookup("#kiosk").query().getStyleClass().contains(EldersStyle.ROOT_CLASS) == elders);
        t.interact(() -> t.ui.flow().texts().localeProperty().set(lang));
        t.await("the " + lang.getLanguage() + " screen",
                () -> t.lookup("#kiosk").query().getStyleClass().contains("lang-" + lang.getLanguage()));
    }
}
