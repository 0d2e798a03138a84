package org.onetrip.kiosk.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.InputKind;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.ui.maintenance.PinScreen;

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

    /**
     * The residence certificate's form (LAI Jiajia's card read), and on it each field typed on the
     * keypad with its keypad shown: {@code atKeypad} hears the field's code. In the elders' mode (one
     * question a page) the pages before are filled on the way.
     */
    static void eachKeypadOfTheForm(KioskUiTestBase t, boolean elders, Locale lang, Consumer<String> atKeypad) {
        visit(t, elders, lang);
        ServiceDefinition s = t.kiosk.catalog().service("residence-certificate").orElseThrow();
        t.interact(() -> t.ui.flow().startService(s));
        t.awaitScreen("identify");
        t.reader().place(FictionalCards.LAI_JIAJIA);
        t.awaitScreen("form");
        if (elders) {
            t.tap("#next"); // past the page of who is asking
        }
        for (Attribute a : s.attributes()) {
            if (elders) {
                t.await("the page of " + a.code(), () -> t.lookup("#card-" + a.code()).query().isVisible());
            }
            if (a.inputKind() == InputKind.KEYPAD) {
                t.tap("#field-" + a.code());
                t.await("the keypad", () -> t.lookup("#keypad").tryQuery().map(Node::isVisible).orElse(false));
                atKeypad.accept(a.code());
            }
            if (elders) {
                if (a.required()) {
                    FormFiller.fill(t, a);
                }
                t.interact(() -> t.lookup("#kiosk").query().requestFocus()); // puts a keypad away
                t.tap("#next");
            }
        }
    }

    /** The technician's PIN screen, as the hidden gesture shows it, in {@code lang}. */
    static String pin(KioskUiTestBase t, boolean elders, Locale lang) {
        String name = visit(t, elders, lang);
        t.interact(() -> t.ui.flow().nav().show(new PinScreen(t.ui.flow(), Wiring.pinVault(t.kiosk.config(), t.clock))));
        t.awaitScreen("pin");
        return name;
    }
}
