package org.onetrip.kiosk.ui.recovered;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.recovery.ReceiptRecovery;
import org.onetrip.kiosk.recovery.RecoveredReceipt;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.ReceiptViews;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * "Your last request was filed as D-017": the ticket of a filing whose done screen never
 * appeared (the kiosk stopped right after the commit), with its status QR code and a button to
 * print the receipt, so the resident who is still waiting does not file twice. Shown instead of
 * home until dismissed, printed, or its window passes.
 */
public final class RecoveredReceiptScreen implements Screen {

    private final Flow flow;
    private final RecoveredReceipts receipts;
    private final RecoveredReceipt r;
    /** How often "I need more time" may push the end back. */
    static final int MORE_TIME_AT_MOST = 3;
    private Duration extra = Duration.ZERO;
    private int extensions;
    private Label printStatus;
    /** The print button of the latest {@link #build()}: a language switch rebuilds the screen. */
    private Button printButton;
    /** Null before a print was asked for; survives a language switch (the screen is rebuilt). */
    private PrintOutcome outcome;
    private boolean printing;

    RecoveredReceiptScreen(Flow flow, RecoveredReceipts receipts, RecoveredReceipt r) {
        this.flow = flow;
        this.receipts = receipts;
        this.r = r;
    }

    @Override
    public String id() {
        return "recovered";
    }

    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).key("recovered.title").key("recovered.why").key("done.ticket").spelled(r.ticket())
                .text(t.of(r.serviceName())).build();
    }

    /** Like home: nobody's session is open, a scanned receipt opens its status, attract may follow. */
    @Override
    public boolean isRest() {
        return true;
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Label title = Ui.label(t.get("recovered.title"), Ui.TITLE);
        title.setId("recovered-title");
        Label why = Ui.label(t.get("recovered.why"), Ui.SUBTITLE);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line, never "…"
        Label ticketCaption = Ui.label(t.get("done.ticket"), Ui.BODY);
        Label ticket = Ui.label(r.ticket(), "ticket");
        ticket.setId("recovered-ticket");
        Label service = Ui.label(t.of(r.serviceName()), Ui.BODY);
        service.setId("recovered-service");
        // The title and why across the screen: beside the documents' card, a column holding them
        // too grew taller than the window (third screens review, 6).
        VBox left = new VBox(10, ticketCaption, ticket, service);
        if (r.windowName() != null) {
            left.getChildren().add(Ui.label(t.get("done.window", t.of(r.windowName())), Ui.BODY));
        }
        left.getChildren().add(Ui.label(t.get("recovered.filed-at", ZonedDateTime.ofInstant(r.filedAt(),
                flow.clock().getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))), Ui.HINT));
        left.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = ReceiptViews.qrCard(t, r.statusUrl(), "recovered-qr", 280);

        HBox main = new HBox(40, left);
        if (!r.documents().isEmpty()) {
            // What to bring, as the done screen and the receipt say it (third screens review, 6).
            main.getChildren().add(ReceiptViews.documentsCard(t, r.documents(), "recovered-documents", flow.session().elders()));
        }
        main.getChildren().add(right);
        main.setAlignment(Pos.CENTER);
        VBox.setVgrow(main, Priority.ALWAYS);

        printStatus = Ui.label("", "print-status");
        printStatus.setId("recovered-print-status");
        printButton = Ui.button("recovered-print", t.get("recovered.print"), Ui.SECONDARY, Icons.PRINT);
        Button print = printButton;
        print.setOnAction(e -> print());
        print.setDisable(printing);
        Button done = Ui.button("recovered-dismiss", t.get("recovered.dismiss"), Ui.PRIMARY, Icons.CHECK);
        done.setOnAction(e -> {
            receipts.acknowledge(r, ReceiptRecovery.RECOVERED);
            flow.home();
        });
        showPrintState();
        HBox actions = Ui.actions(print, printStatus, Ui.spacer(), done);
        return new VBox(16, new VBox(6, title, why), main, actions);
    }

    /**
     * Goes home by itself when the window passes, touched or not: the next stranger must not see
     * it. The countdown warns first (KioskUi), and "I need more time" gives two more countdowns'
     * lengths, at most {@link #MORE_TIME_AT_MOST} times (issue 12), so a stranger cannot keep it.
     */
    @Override
    public Instant endsAt() {
        return r.offeredUntil().plus(extra);
    }

    /** Quiet for one countdown's length, then the countdown again. */
    @Override
    public void moreTime() {
        if (extensions >= MORE_TIME_AT_MOST) {
            return;
        }
        extensions++;
        Duration warning = Duration.ofSeconds(flow.kiosk().config().idleWarningSeconds())
                .multipliedBy(flow.session().elders() ? 2 : 1);
        Instant later = flow.clock().instant().plus(warning.multipliedBy(2));
        if (later.isAfter(endsAt())) {
            extra = Duration.between(r.offeredUntil(), later);
        }
    }

    @Override
    public String idleNoticeKey() {
        return "idle.countdown.status";
    }

    private void print() {
        printing = true;
        printButton.setDisable(true);
        outcome = null;
        printStatus.setText(flow.texts().get("done.printing"));
        var receipt = receipts.recovery().receipt(r, flow.texts().locale(),
                flow.kiosk().config().receiptSecondLanguage() ? flow.texts().otherLocale() : null);
        ReceiptViews.print(flow, receipt, r.ticket(), result -> {
            printing = false;
            outcome = result;
            if (result.printed()) {
                receipts.acknowledge(r, ReceiptRecovery.PRINTED);
            }
            // The screen's button now: a language switch while printing built a new one.
            printButton.setDisable(false);
            showPrintState();
        });
    }

    private void showPrintState() {
        Texts t = flow.texts();
        if (printing) {
            printStatus.setText(t.get("done.printing"));
            printStatus.getStyleClass().setAll("print-status");
        } else if (outcome == null) {
            printStatus.setText("");
        } else if (outcome.printed()) {
            printStatus.setText(t.get("done.printed"));
            printStatus.getStyleClass().setAll("print-status", "ok");
        } else {
            printStatus.setText(t.get("recovered.print-failed"));
            printStatus.getStyleClass().setAll("print-status", "error");
        }
    }

}
