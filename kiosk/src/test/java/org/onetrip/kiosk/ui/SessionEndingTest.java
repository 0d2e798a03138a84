package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.io.KioskIo;

/**
 * Every way a visit ends (Finish, Home, Esc, the idle timeout, a scan on the done screen), from the
 * form and from the done screen, in both languages: the kiosk is home in its own language, the
 * session is empty, no screen was rebuilt from the wiped session (that threw on the UI thread and
 * put the kiosk out of service with the FAULT light on).
 */
class SessionEndingTest extends KioskUiTestBase {
    private final List<String> shown = new CopyOnWriteArrayList<>();

    static Stream<Arguments> endings() {
        return Stream.of("zh", "en").flatMap(lang -> Stream.of(
                Arguments.of(lang, "done", "finish"),
                Arguments.of(lang, "done", "home"),
                Arguments.of(lang, "done", "idle"),
                Arguments.of(lang, "form", "home"),
                Arguments.of(lang, "form", "idle"),
                Arguments.of(lang, "review", "home"),
                Arguments.of(lang, "review", "idle")));
    }

    private void startVisit(String lang, String until) {
        awaitScreen("home");
        interact(() -> ui.flow().nav().currentProperty().addListener((o, a, b) -> shown.add(b == null ? "-" : b.id())));
        if (lang.equals("en")) {
            tap("#language");
            await("English", () -> !ui.flow().texts().isChinese());
        }
        tap("#tile-opinion");
        awaitScreen("services");
        tap("#service-suggestion");
        awaitScreen("form");
        FormFiller.fillRequired(this, kiosk.catalog().service("suggestion").orElseThrow());
        if (until.equals("form")) {
            return;
        }
        tap("#next");
        awaitScreen("review");
        if (until.equals("review")) {
            return;
        }
        tap("#submit");
        awaitScreen("done");
        await("the print result", () -> !text("#print-status").equals(ui.flow().texts().get("done.printing")));
    }

    private void end(String how) {
        switch (how) {
            case "finish" -> tap("#finish");
            case "home" -> tap("#home");
            case "idle" -> clock.advance(Duration.ofSeconds(61));
            default -> throw new IllegalArgumentException(how);
        }
    }

    private void assertEndedCleanly() {
        awaitScreen("home");
        assertThat(shown).doesNotContain("out-of-service");
        assertThat(ui.flow().session().isEmpty()).isTrue();
        assertThat(ui.flow().texts().isChinese()).isTrue(); // the kiosk's own language again
        assertThat(allTexts()).contains(ui.flow().texts().get("home.title"));
        assertThat(kiosk.statusLights().current().on()).doesNotContain(KioskIo.Light.FAULT);
    }

    @ParameterizedTest(name = "{0}: {2} on the {1} screen")
    @MethodSource("endings")
    void aVisitEndsCleanlyInEitherLanguage(String lang, String where, String how) {
        startVisit(lang, where);
        end(how);
        assertEndedCleanly();
        // The next visit starts normally.
        tap("#tile-opinion");
        awaitScreen("services");
    }

    @Test
    void aReceiptScannedOnTheEnglishDoneScreenOpensItsStatus() {
        startVisit("en", "done");
        String url = ui.flow().session().filing().statusUrl();
        scanner().scan(url);
        awaitScreen("status");
        await("status details", () -> lookup("#status-ticket").tryQuery().isPresent());
        assertThat(shown).doesNotContain("out-of-service");
        assertThat(kiosk.statusLights().current().on()).doesNotContain(KioskIo.Light.FAULT);
    }

    @Test
    void escapeOnTheEnglishFormGoesBackWithoutAFault() {
        startVisit("en", "form");
        tap("#back");
        awaitScreen("services");
        tap("#home");
        assertEndedCleanly();
    }
}
