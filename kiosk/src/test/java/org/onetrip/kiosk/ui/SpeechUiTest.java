package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.speech.FakeSpeech;
import org.onetrip.kiosk.speech.SpokenText;
import org.onetrip.kiosk.ui.speech.Narrator;

/**
 * What the kiosk says on a whole visit, in both languages, through a fake speech port that keeps
 * the texts in order: each screen's prompt as it shows, a control the keyboard focuses, errors,
 * and the ticket sign by sign; the idle countdown; and speech on/off lasting one session.
 */
class SpeechUiTest extends KioskUiTestBase {
    final FakeSpeech speech = new FakeSpeech();
    /** Utterances before this index have been matched already: each expected one comes later. */
    private int mark;

    @Override
    Kiosk adapt(Kiosk wired) {
        return wired.withSpeech(speech);
    }

    @Override
    List<String> overrides() {
        return List.of("speech.enabled=true");
    }

    @Test
    void aVisitInChineseSpeaksEveryScreenFocusErrorsAndTheTicket() {
        visit(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aVisitInEnglishSpeaksEveryScreenFocusErrorsAndTheTicket() {
        visit(Locale.ENGLISH);
    }

    private void visit(Locale l) {
        Texts t = new Texts(l);
        awaitScreen("home");
        if (l.getLanguage().equals("en")) {
            heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("home.title"));
            tap("#language");
        }
        int home = heard(t.get("home.title"));
        assertThat(speech.texts().get(home)).contains(t.get("home.check"));

        tap("#tile-livelihood");
        awaitScreen("services");
        int services = heard(t.get("services.subtitle"));
        assertThat(speech.texts().get(services)).contains(t.of(kiosk.catalog().window("livelihood").orElseThrow().name()));

        tap("#service-birth-registration");
        awaitScreen("identify");
        heard(t.get("identify.prompt"));
        reader().place(FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
        heard(t.get("form.subtitle"));
        // The form says nothing of the card it read: the name is the resident's own, not for the queue behind.
        assertThat(String.join(" ", speech.texts())).doesNotContain("赖佳佳");

        // A control the keyboard moves to is said by its text.
        type(KeyCode.TAB);
        String focused = onFx(() -> Narrator.accessibleText(lookup("#kiosk").query().getScene().getFocusOwner()),
                System.nanoTime() + WAIT.toNanos());
        assertThat(focused).isNotBlank();
        heard(focused);
        // A field tapped is said by its caption, never by what it holds.
        tap("#field-phone");
        heard(onFx(() -> Narrator.accessibleText(lookup("#field-phone").query()), System.nanoTime() + WAIT.toNanos()));

        // Next with nothing filled: the errors are said.
        tap("#next");
        heard(t.get("field.error.required"));

        ServiceDefinition s = kiosk.catalog().service("birth-registration").orElseThrow();
        FormFiller.fillRequired(this, s);
        assertThat(String.join(" ", speech.texts())).doesNotContain("13800138000");
        tap("#next");
        awaitScreen("review");
        heard(t.get("review.title"));

        tap("#submit");
        awaitScreen("done");
        String ticket = text("#ticket");
        int done = heard(t.get("done.ticket"));
        assertThat(speech.texts().get(done)).contains(t.get("done.title")).contains(SpokenText.spell(ticket))
                .contains("D 0 0 1");
        assertThat(speech.said().get(done).locale()).isEqualTo(l);

        tap("#finish");
        awaitScreen("home");
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("home.title")); // the kiosk's language again
    }

    @Test
    void theCountdownIsSaidWhenItStartsWarning() {
        awaitScreen("home");
        // The warning's card joins the scene when first shown, not before the first frame (issue 13).
        assertThat(lookup("#more-time").tryQuery()).isEmpty();
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("form.subtitle"));
        clock.advance(Duration.ofSeconds(41)); // idle timeout 60 s, warning 20 s
        interact(() -> ui.tick());
        int warned = heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("idle.question"));
        assertThat(speech.texts().get(warned)).contains(new Texts(Locale.SIMPLIFIED_CHINESE).get("idle.more"));
        int before = speech.texts().size();
        clock.advance(Duration.ofSeconds(1));
        interact(() -> ui.tick());
        interact(() -> ui.tick());
        awaitNode("#idle-overlay");
        assertThat(speech.texts()).hasSize(before); // said once, not every second
        assertThat(lookup("#idle-overlay").query().isVisible()).isTrue();
        assertThat(lookup("#more-time").tryQuery()).isPresent();
    }

    @Test
    void speechCanBeTurnedOffAndOnWithTheBarAndTheSessionEndResetsIt() {
        awaitScreen("home");
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("home.title"));
        // The folded bar's controls join it when it first unfolds, not before the first frame (issue 13).
        assertThat(lookup("#speech-toggle").tryQuery()).isEmpty();
        tap("#speech");
        tap("#speech-toggle");
        await("speech off", () -> !ui.flow().speech().isOn());
        assertThat(speech.stops()).isPositive();
        tap("#tile-opinion"); // a tap elsewhere folds the bar away and opens the window
        awaitScreen("services");
        await("the bar folded", () -> !lookup("#speech-bar").query().isVisible());
        assertThat(speech.texts()).noneMatch(s -> s.contains(new Texts(Locale.SIMPLIFIED_CHINESE).get("services.subtitle")));

        tap("#speech");
        tap("#speech-toggle"); // on again: says where the resident is
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("services.subtitle"));
        int volume = ui.flow().speech().volume();
        tap("#volume-down");
        await("quieter", () -> ui.flow().speech().volume() == volume - 10 && speech.volume() == volume - 10);
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("speech.volume.said", volume - 10));
        assertThat(text("#volume-level")).isEqualTo((volume - 10) + "%");

        tap("#speech-toggle");
        await("speech off", () -> !ui.flow().speech().isOn());
        interact(() -> ui.flow().home());
        awaitScreen("home");
        // The next resident starts with the profile's choice (on) and volume.
        await("speech on again", () -> ui.flow().speech().isOn() && ui.flow().speech().volume() == volume);
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("home.title"));
    }

    @Test
    void theElderlyModeTurnsSpeechOnForTheSessionThroughSpeechControl() {
        awaitScreen("home");
        interact(() -> ui.flow().speech().setOn(false));
        speech.clear();
        interact(() -> ui.flow().speech().setOn(true)); // what the elders' mode calls
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("home.title"));
        tap("#tile-opinion");
        awaitScreen("services");
        heard(new Texts(Locale.SIMPLIFIED_CHINESE).get("services.subtitle"));
    }

    @Test
    void everyScreenHasTheSpeakerButtonAndItsBarHasBigTargetsAndWholeTextsInBothLanguages() {
        awaitScreen("home");
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            interact(() -> ui.flow().texts().localeProperty().set(l));
            bigAndWhole("#speech");
            tap("#speech");
            for (String q : List.of("#speech-toggle", "#volume-down", "#volume-up")) {
                bigAndWhole(q);
            }
            bigAndWhole("#volume-level");
            tap("#speech");
            await("the bar folded", () -> !lookup("#speech-bar").query().isVisible());
        }
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        bigAndWhole("#speech");
    }

    /** A target at least 64 px each way (a label: its text whole), as ScreenAuditTest checks screens. */
    private void bigAndWhole(String query) {
        Node n = awaitNode(query);
        interact(() -> {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            if (!(n instanceof javafx.scene.control.Label)) {
                assertThat(b.getWidth()).as(query + " width").isGreaterThanOrEqualTo(ScreenAuditTest.MIN_TARGET - 0.5);
                assertThat(b.getHeight()).as(query + " height").isGreaterThanOrEqualTo(ScreenAuditTest.MIN_TARGET - 0.5);
            }
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()) {
                String drawn = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text)
                        .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
                assertThat(drawn).as(query + " drawn whole").isEqualTo(l.getText());
            }
        });
    }

    /** Waits for an utterance after the last one matched that contains {@code fragment}; returns its index. */
    /** Waits for an utterance that is exactly {@code text}, after index {@code after}; returns its index. */
    private int saidExactly(String text, int after) {
        int[] at = {-1};
        await("speech saying exactly \"" + text + "\" after utterance " + after + " (said so far: " + speech.texts() + ")", () -> {
            List<String> said = speech.texts();
            for (int i = after + 1; i < said.size(); i++) {
                if (said.get(i).equals(text)) {
                    at[0] = i;
                    return true;
                }
            }
            return false;
        });
        return at[0];
    }

    private String focusedId() {
        return onFx(() -> {
            Node n = lookup("#kiosk").query().getScene().getFocusOwner();
            return n == null ? "" : String.valueOf(n.getId());
        }, System.nanoTime() + WAIT.toNanos());
    }

    @Test
    void theHighContrastSwitchSaysItsStateWhenFocusedAndWhenTurned() {
        Texts t = new Texts(Locale.SIMPLIFIED_CHINESE);
        awaitScreen("home");
        int home = heard(t.get("home.title"));
        // A resident with a keypad moves to the switch; it is drawn the same on and off but for its colour.
        for (int i = 0; i < 40 && !"theme-toggle".equals(focusedId()); i++) {
            type(KeyCode.TAB);
        }
        assertThat(focusedId()).isEqualTo("theme-toggle");
        int off = saidExactly(t.get("home.theme.high-contrast"), home);

        type(KeyCode.SPACE);
        await("high contrast on", () -> ui.flow().highContrastProperty().get());
        int on = saidExactly(t.get("home.theme.high-contrast.on"), off);

        type(KeyCode.SPACE);
        await("high contrast off", () -> !ui.flow().highContrastProperty().get());
        saidExactly(t.get("home.theme.high-contrast"), on);
    }

    @Test
    void aChoiceOnTheFormSaysWhenItIsChosen() {
        Texts t = new Texts(Locale.SIMPLIFIED_CHINESE);
        openForm("livelihood", "birth-registration", FictionalCards.LAI_JIAJIA);
        int form = heard(t.get("form.subtitle"));
        for (int i = 0; i < 40 && !focusedId().equals("choice-child_order-first"); i++) {
            type(KeyCode.TAB);
        }
        assertThat(focusedId()).isEqualTo("choice-child_order-first");
        String name = text("#choice-child_order-first");
        int off = saidExactly(name, form);

        type(KeyCode.SPACE);
        await("chosen", () -> "first".equals(ui.flow().session().values().get("child_order")));

        saidExactly(t.get("a11y.selected", name), off);
    }

    private int heard(String fragment) {
        int[] at = {-1};
        int from = mark;
        await("speech saying \"" + fragment + "\" (said so far: " + speech.texts() + ")", () -> {
            List<String> said = speech.texts();
            for (int i = from; i < said.size(); i++) {
                if (said.get(i).contains(fragment)) {
                    at[0] = i;
                    return true;
                }
            }
            return false;
        });
        mark = at[0];
        return at[0];
    }
}
