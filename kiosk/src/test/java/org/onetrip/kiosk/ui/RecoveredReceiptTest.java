package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * The kiosk stopped between a commit and its done screen: at the next start the first screen gives
 * the ticket back (ticket, service, QR code, print), until dismissed or its window passes.
 */
class RecoveredReceiptTest extends KioskUiTestBase {
    Filing lost;

    private Filing file(Kiosk k) {
        return k.filing().file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "桐城街道1号", "since", "2020-01-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
    }

    /** Before the kiosk under test starts: a run that committed a filing and died before showing it. */
    @Override
    public void start(Stage stage) {
        try (Kiosk before = Wiring.wire(KioskConfig.simulator("data.dir=" + data), clock)) {
            lost = file(before);
        }
        clock.advance(Duration.ofSeconds(20)); // the restart
        super.start(stage);
    }

    private boolean acknowledged(java.util.UUID id) {
        return kiosk.queue().newestUnacknowledged(Instant.EPOCH, clock.instant().plusSeconds(1))
                .filter(r -> r.requestId().equals(id)).isEmpty();
    }

    @Test
    void aLanguageSwitchWhilePrintingLeavesTheNewPrintButtonUsableAfter() throws InterruptedException {
        awaitScreen("recovered");
        // Hold the single background thread so the print waits while the language changes.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        background.execute(() -> {
            held.countDown();
            try {
                release.await(WAIT.toSeconds() * 4, java.util.concurrent.TimeUnit.SECONDS); // never held for ever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).as("the background thread held").isTrue();
        tap("#recovered-print");
        clickOn("#language");
        await("English", () -> text("#recovered-title").equals("Your last request was filed"));
        assertThat(((javafx.scene.control.Button) lookup("#recovered-print").query()).isDisabled()).isTrue();
        release.countDown();
        await("printed", () -> !printer().printed().isEmpty() && text("#recovered-print-status").contains("printed"));
        await("the rebuilt print button usable again",
                () -> !((javafx.scene.control.Button) lookup("#recovered-print").query()).isDisabled());
    }

    @Test
    void theLostTicketIsGivenBackPrintedOnRequestAndDismissed() {
        awaitScreen("recovered");
        assertThat(text("#recovered-ticket")).isEqualTo(lost.ticket());
        assertThat(text("#recovered-service")).isEqualTo("居住证明");
        assertThat(text("#recovered-title")).isEqualTo("您刚才的申请已提交");
        assertThat(lookup("#recovered-qr").tryQuery()).isPresent();
        // What to bring, as the done screen and the receipt say it: the screen stands in for both
        // after a restart (third screens review, 6).
        var documents = kiosk.catalog().service("residence-certificate").orElseThrow().documents();
        assertThat(documents).isNotEmpty();
        assertThat(bulletItems("#recovered-documents"))
                .containsExactlyElementsOf(documents.stream().map(d -> ui.flow().texts().of(d)).toList());
        snapshot("recovered-zh");
        clickOn("#language");
        await("English", () -> text("#recovered-title").equals("Your last request was filed"));
        snapshot("recovered-en");

        tap("#recovered-print");
        await("printed", () -> !printer().printed().isEmpty() && text("#recovered-print-status").contains("printed"));
        assertThat(printer().printed()).hasSize(1);
        assertThat(printer().printed().get(0).receipt().ticket()).isEqualTo(lost.ticket());
        assertThat(printer().printed().get(0).receipt().statusUrl()).isEqualTo(lost.statusUrl());
        await("acknowledged by printing", () -> acknowledged(lost.filed().requestId()));

        tap("#recovered-dismiss");
        awaitScreen("home");
        // Home stays home: it is not offered twice.
        interact(() -> ui.flow().home());
        awaitScreen("home");
    }

    @Test
    void untouchedItGoesAwayWhenItsWindowPassesAndStaysUnacknowledged() {
        awaitScreen("recovered");
        interact(() -> ui.flow().home());
        awaitScreen("recovered"); // every way home leads to it while it is offered
        String[] after = new String[1];
        interact(() -> {
            // In one step: left alone for ten minutes the idle timer would move on to the attract screen.
            clock.advance(Duration.ofMinutes(10));
            ui.flow().home();
            after[0] = screen();
        });
        assertThat(after[0]).isEqualTo("home");
        assertThat(acknowledged(lost.filed().requestId())).isFalse();
    }

    @Test
    void aDoneScreenRecordsTheTicketAsShownAndAFailureBeforeItOffersTheTicket() {
        awaitScreen("recovered");
        tap("#recovered-dismiss");
        awaitScreen("home");

        Filing shown = file(kiosk);
        interact(() -> {
            ui.flow().session().setFiling(shown);
            ui.flow().done();
        });
        awaitScreen("done");
        await("acknowledged by the done screen", () -> acknowledged(shown.filed().requestId()));

        // Committed, but the way to the done screen failed: out of service, and then the ticket.
        Filing failed = file(kiosk);
        interact(() -> {
            ui.flow().home();
            ui.flow().session().setFiling(failed);
            ui.flow().outOfService("other");
        });
        awaitScreen("out-of-service");
        tap("#finish");
        awaitScreen("recovered");
        assertThat(text("#recovered-ticket")).isEqualTo(failed.ticket());
    }

    /** Issue 12: the countdown comes before the window closes, and "I need more time" keeps it a while. */
    @Test
    void beforeItsWindowClosesItWarnsAndGivesMoreTime() {
        awaitScreen("recovered");
        Instant[] endAt = new Instant[1];
        interact(() -> endAt[0] = ui.flow().nav().current().endsAt());
        Instant end = endAt[0];
        interact(() -> {
            clock.advance(Duration.between(clock.instant(), end).minusSeconds(19));
            ui.idle().activity(); // somebody is reading it
            ui.tick();
        });
        await("the warning", () -> lookup("#idle-overlay").query().isVisible());
        assertThat(text("#idle-countdown")).isEqualTo("19 秒");
        tap("#more-time");
        await("more time", () -> !lookup("#idle-overlay").query().isVisible());
        clock.advance(Duration.ofSeconds(19)); // past the window: 21 s left of the 40 s given
        interact(() -> ui.tick());
        assertOnScreen("recovered");
        assertThat(lookup("#idle-overlay").query().isVisible()).isFalse();
        assertThat(text("#recovered-ticket")).isEqualTo(lost.ticket());
        clock.advance(Duration.ofSeconds(2));
        await("the warning again", () -> lookup("#idle-overlay").query().isVisible());
        clock.advance(Duration.ofSeconds(19));
        awaitScreen("home");
        assertThat(acknowledged(lost.filed().requestId())).isFalse();
    }
}
