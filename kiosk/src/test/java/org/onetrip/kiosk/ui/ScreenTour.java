package org.onetrip.kiosk.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.ui.maintenance.MaintenanceScreen;
import org.onetrip.kiosk.ui.maintenance.PinScreen;

/**
 * Every screen a resident can see, walked in both languages at 1280x800: home, each window's
 * service list, identify (resident and proxy agent), the form with its keypad and keyboard, the
 * idle warning, review, done, status, out of service for each device, attract, and the
 * technician's PIN and maintenance screens (46 states). A test
 * says what to check in each state ({@link #inspect}); the screen audit and the contrast test walk
 * the same states, so a screen added here is checked by both.
 */
abstract class ScreenTour extends KioskUiTestBase {
    final List<String> audited = new ArrayList<>();

    /** Checks the current state; called on the test thread. */
    abstract void inspect(String state);

    void tour() {
        awaitScreen("home");
        auditBoth("home");
        // The speech bar unfolded over home (there when espeak-ng is, as scripts/test installs it).
        if (lookup("#speech").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)) {
            tap("#speech");
            await("the speech bar", () -> lookup("#speech-bar").query().isVisible());
            auditBoth("home-speech-bar");
            tap("#speech");
            await("the speech bar to fold", () -> !lookup("#speech-bar").query().isVisible());
        }

        // The service lists of every window.
        for (var w : kiosk.catalog().windows()) {
            interact(() -> ui.flow().openWindow(w));
            awaitScreen("services");
            auditBoth("services-" + w.code());
        }

        // Identify: the resident's card, and the proxy agent's step.
        startService("house-rebuild");
        awaitScreen("identify");
        auditBoth("identify-agent");
        // A card that is no agent's: the longest refusal, with its offer to book an agent.
        for (Locale lang : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            startService("house-rebuild");
            awaitScreen("identify");
            language(lang);
            reader().place(FictionalCards.LAI_JIAJIA);
            await("the refusal", () -> lookup("#book-agent").query().isVisible());
            audit("identify-agent-refused-" + lang.getLanguage());
        }
        language(Locale.SIMPLIFIED_CHINESE);
        startService("residence-certificate");
        awaitScreen("identify");
        auditBoth("identify");

        // The form, with the keypad and with the keyboard open; then the idle warning over it.
        reader().place(FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
        auditBoth("form");
        // The empty date field further down, its prompt (点此选择日期) the only instruction in it.
        scrollFormTo("#field-since");
        audit("form-date-zh");
        language(Locale.ENGLISH); // the English labels are longer: scroll again
        scrollFormTo("#field-since");
        audit("form-date-en");
        language(Locale.SIMPLIFIED_CHINESE);
        tap("#field-phone");
        await("the keypad", () -> lookup("#keypad").tryQuery().map(Node::isVisible).orElse(false));
        audit("form-keypad-zh");
        language(Locale.ENGLISH);
        tap("#field-phone");
        await("the keypad", () -> lookup("#keypad").tryQuery().map(Node::isVisible).orElse(false));
        audit("form-keypad-en");
        language(Locale.SIMPLIFIED_CHINESE);
        tap("#field-address");
        await("the keyboard", () -> lookup("#keyboard").tryQuery().map(Node::isVisible).orElse(false));
        audit("form-keyboard-zh");
        language(Locale.ENGLISH);
        tap("#field-address");
        await("the keyboard", () -> lookup("#keyboard").tryQuery().map(Node::isVisible).orElse(false));
        audit("form-keyboard-en");
        language(Locale.SIMPLIFIED_CHINESE);

        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", () -> lookup("#idle-overlay").query().isVisible());
        auditBoth("idle");
        tap("#more-time");
        await("the warning to go", () -> !lookup("#idle-overlay").query().isVisible());

        // Review and done.
        FormFiller.fillRequired(this, kiosk.catalog().service("residence-certificate").orElseThrow());
        tap("#next");
        awaitScreen("review");
        auditBoth("review");
        tap("#submit");
        awaitScreen("done");
        await("the receipt to print", () -> printer().printed().size() == 1);
        auditBoth("done");

        // The status screen for a receipt.
        Filing f = kiosk.filing().file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "福建省福鼎市桐城街道资国寺路88号", "since", "2020-09-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
        interact(() -> {
            ui.idle().activity();
            ui.flow().home();
        });
        awaitScreen("home");
        scanner().scan(f.statusUrl());
        await("the receipt's status", () -> lookup("#status-ticket").tryQuery().isPresent());
        auditBoth("status");

        // Out of service, for each device a step needs.
        for (String device : List.of("idcard", "printer", "scanner", "store", "other")) {
            interact(() -> ui.flow().outOfService(device));
            awaitScreen("out-of-service");
            auditBoth("out-of-service-" + device);
        }

        // The attract screen.
        interact(() -> ui.flow().attract());
        awaitScreen("attract");
        auditBoth("attract");
        interact(() -> ui.flow().attract(true));
        await("the night attract screen", () -> lookup("#attract").query().getStyleClass().contains("night"));
        auditBoth("attract-night");

        // The technician's screens: read at the same distance, so held to the same rules.
        interact(() -> ui.flow().nav().show(new PinScreen(ui.flow(), Wiring.pinVault(kiosk.config(), clock))));
        awaitScreen("pin");
        auditBoth("pin");
        interact(() -> ui.flow().nav().show(new MaintenanceScreen(ui.flow(), Wiring.pinVault(kiosk.config(), clock))));
        awaitScreen("maintenance");
        auditBoth("maintenance");
    }

    void startService(String code) {
        interact(() -> {
            ui.flow().home();
            ui.flow().startService(kiosk.catalog().service(code).orElseThrow());
        });
    }

    /** Scrolls the form so the node is in view, without focusing it (a tap on a date opens its picker). */
    void scrollFormTo(String query) {
        interact(() -> {
            javafx.scene.control.ScrollPane sp = lookup("#form-scroll").query();
            Node target = lookup(query).query();
            Node content = sp.getContent();
            double y = content.sceneToLocal(target.localToScene(target.getBoundsInLocal())).getMinY();
            double range = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - 80) / range)));
        });
        await(query + " in view", () -> {
            javafx.scene.control.ScrollPane sp = lookup("#form-scroll").query();
            Node target = lookup(query).query();
            return sp.localToScene(sp.getLayoutBounds()).contains(target.localToScene(target.getLayoutBounds()));
        });
    }

    void language(Locale l) {
        interact(() -> ui.flow().texts().localeProperty().set(l));
        String lang = l.getLanguage();
        await("the " + lang + " screen", () -> lookup("#kiosk").query().getStyleClass().contains("lang-" + lang));
    }

    /** Inspects the current screen in Chinese, then in English, and leaves it in Chinese. */
    void auditBoth(String name) {
        language(Locale.SIMPLIFIED_CHINESE);
        audit(name + "-zh");
        language(Locale.ENGLISH);
        audit(name + "-en");
        language(Locale.SIMPLIFIED_CHINESE);
    }

    void audit(String state) {
        inspect(state);
        audited.add(state);
    }
}
