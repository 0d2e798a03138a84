package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.testing.LogCapture;

/**
 * {@code scanner.device=keyboard}: a scanner in keyboard mode types a receipt's URL and Enter in a
 * burst; the kiosk tells it from a person typing. Keys come from TestFX's robot; time from the
 * test's clock, which stands still unless moved, so a burst is instant and a person's keys are
 * as far apart as the test says.
 */
class KeyboardScannerTest extends KioskUiTestBase {

    @Override
    List<String> overrides() {
        return List.of("scanner.device=keyboard");
    }

    private Filing fileHazardReport() {
        return kiosk.filing().file(new Submission("hazard-report", Map.of("category", "road_traffic",
                "location", "资国寺路", "description", "红绿灯不亮", "since", "today", "danger", "no"), null, null),
                Locale.SIMPLIFIED_CHINESE, null);
    }

    /** A person's keystroke: the key, then the clock moves on so the kiosk sees a human pause. */
    private void personTypes(String s) {
        for (char c : s.toCharArray()) {
            write(String.valueOf(c));
            clock.advance(Duration.ofMillis(180));
        }
    }

    @Test
    void aReceiptScannedOnTheHomeScreenOpensItsStatusAndItsEnterPressesNothing() {
        Filing f = fileHazardReport();
        awaitScreen("home");
        assertThat(kiosk.scanner().status().isOnline()).isTrue();

        write(f.statusUrl());
        type(KeyCode.ENTER);

        awaitScreen("status");
        await("status details", () -> lookup("#status-ticket").tryQuery().isPresent());
        assertThat(text("#status-ticket")).isEqualTo(f.ticket());
    }

    @Test
    void aScanNeverLandsInTheFocusedFieldAndAPersonsTypingStillDoes() {
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        tap("#field-location");

        personTypes("gate");
        await("typed text", () -> "gate".equals(text("#field-location")));

        try (LogCapture log = new LogCapture()) {
            String url = fileHazardReport().statusUrl();
            write(url);
            type(KeyCode.ENTER);
            await("the scan", () -> log.lines().stream().anyMatch(l -> l.contains("keyboard scanner read a code of "
                    + url.length() + " characters")));
        }
        personTypes("3");
        await("typed text", () -> "gate3".equals(text("#field-location")));

        assertOnScreen("form"); // the scanner's Enter pressed no button, and a scan mid-form is ignored
        assertThat(ui.flow().session().values()).containsEntry("location", "gate3");
        assertThat(allTexts()).noneMatch(s -> s.contains("status/"));
    }

    @Test
    void aFastBurstWithoutEnterIsDroppedNotTyped() {
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        tap("#field-location");

        try (LogCapture log = new LogCapture()) {
            write("ABCDEFGHIJKL");
            clock.advance(Duration.ofMillis(200));
            await("the drop", () -> log.lines().stream().anyMatch(l -> l.contains("dropped 12 keystrokes")));
        }
        personTypes("x");
        await("typed text", () -> "x".equals(text("#field-location")));
    }
}
