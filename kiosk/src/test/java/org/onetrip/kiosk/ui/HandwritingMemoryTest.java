package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ime.handwriting.HandwritingFixtures;
import org.onetrip.kiosk.ime.handwriting.ZinniaRecognizer;

/**
 * Issue 13: Zinnia's model (26 MB resident while open) is open only while a visit uses the pad:
 * not at start, not for a visit that types with the keys, from the pad's first showing until the
 * visit ends (Home or the idle timeout). The kiosk's own recognizer, as {@link org.onetrip.kiosk.app.Wiring} makes it.
 */
class HandwritingMemoryTest extends KioskUiTestBase {

    @BeforeEach
    void zinnia() {
        HandwritingFixtures.requireOnline(kiosk.handwriting());
    }

    private ZinniaRecognizer recognizer() {
        return (ZinniaRecognizer) kiosk.handwriting();
    }

    @Test
    void theModelIsOpenFromThePadsFirstShowingUntilHome() {
        awaitScreen("home");
        assertThat(recognizer().isModelOpen()).as("open after the kiosk started and showed home").isFalse();
        openSuggestionKeyboard();
        tap("#mode-latin");
        tap("#key-a");
        await("a typed", () -> "a".equals(text("#field-content")));
        assertThat(recognizer().isModelOpen()).as("open for a keyboard whose pad never showed").isFalse();
        tap("#mode-handwriting");
        awaitNode("#handwriting-pad");
        await("the model opened as the pad showed", () -> recognizer().isModelOpen());
        tap("#home");
        awaitScreen("home");
        await("the model closed at the visit's end", () -> !recognizer().isModelOpen());
        assertThat(kiosk.handwriting().isOnline()).as("closed, not broken").isTrue();
        // The next visit's pad opens it again.
        openSuggestionKeyboard();
        tap("#mode-handwriting");
        await("the model opened again", () -> recognizer().isModelOpen());
    }

    @Test
    void theIdleTimeoutClosesItToo() {
        awaitScreen("home");
        openSuggestionKeyboard();
        tap("#mode-handwriting");
        await("the model opened as the pad showed", () -> recognizer().isModelOpen());
        clock.advance(Duration.ofSeconds(61));
        awaitScreen("home");
        await("the model closed at the visit's end", () -> !recognizer().isModelOpen());
    }
}
