package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

/**
 * Submit while the store is slow: the screen may be rebuilt (language switch) or left (Home)
 * before the commit returns. A rebuilt screen must not offer Submit again, and a ticket that
 * comes back after the visit ended must not appear to the next person.
 */
class ReviewSubmitTest extends KioskUiTestBase {

    /** Holds the single background thread until released, so the commit waits. */
    private CountDownLatch holdBackground() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        background.execute(() -> {
            held.countDown();
            try {
                release.await(WAIT.toSeconds() * 4, TimeUnit.SECONDS); // never held for ever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            if (!held.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the background thread was not held in " + WAIT);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return release;
    }

    private void toReview() {
        awaitScreen("home");
        tap("#tile-opinion");
        awaitScreen("services");
        tap("#service-suggestion");
        awaitScreen("form");
        FormFiller.fillRequired(this, kiosk.catalog().service("suggestion").orElseThrow());
        tap("#next");
        awaitScreen("review");
    }

    @Test
    void aLanguageSwitchDuringSubmitDoesNotOfferSubmitAgain() {
        toReview();
        CountDownLatch release = holdBackground();
        tap("#submit");
        tap("#language");
        await("English", () -> !ui.flow().texts().isChinese());
        assertThat(((Button) lookup("#submit").query()).isDisabled()).isTrue();
        assertThat(text("#submit")).isEqualTo("Submitting…");
        release.countDown();
        awaitScreen("done");
        assertThat(kiosk.queue().nextToSend(clock.instant(), 10)).hasSize(1);
    }

    @Test
    void aTicketThatArrivesAfterTheVisitEndedIsNotShown() {
        toReview();
        CountDownLatch release = holdBackground();
        tap("#submit");
        tap("#home");
        awaitScreen("home");
        release.countDown();
        // The commit still happens; wait for it, then for the FX thread to have seen its answer.
        await("the request to be filed", () -> !kiosk.queue().nextToSend(clock.instant(), 10).isEmpty());
        CountDownLatch seen = new CountDownLatch(1);
        background.execute(() -> javafx.application.Platform.runLater(seen::countDown));
        await("the answer handled", () -> seen.getCount() == 0);
        assertOnScreen("home");
        assertThat(ui.flow().session().isEmpty()).isTrue();
        assertThat(allTexts()).noneMatch(s -> s.matches("[A-D]-\\d{3}"));
        // Nor after a restart within the recovery window: the filing is recorded as abandoned.
        await("the filing recorded as abandoned", () -> kiosk.queue()
                .newestUnacknowledged(clock.instant().minus(java.time.Duration.ofDays(1)),
                        clock.instant().plus(java.time.Duration.ofDays(1)))
                .isEmpty());
    }
}
