package org.onetrip.kiosk.ui.done;

import java.time.format.DateTimeFormatter;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.ReceiptViews;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * The filed request: a big ticket number, the status QR and the documents to bring on screen, and
 * the receipt printing. When the printer cannot print, the screen itself is the receipt ("take a
 * photo of this screen"), and nothing tells the resident to take a receipt that did not come out;
 * when the printer comes back while this screen still shows, it offers to print the receipt.
 * The request is already filed either way.
 */
public final class DoneScreen implements Screen {
    private final Flow flow;
    private boolean printStarted;
    /** Null while a print runs. */
    private PrintOutcome outcome;
    private boolean printing;
    private Label printStatus;
    private Label take;
    private Button reprint;
    private final MapChangeListener<String, DeviceStatus> printerWatch = c -> {
        if ("printer".equals(c.getKey())) {
            showPrintState();
        }
    };
    private boolean watching;

    public DoneScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "done";
    }

    /** The ticket sign by sign ("D 0 1 7"), so it can be told at the window, and where it goes. */
    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        Filing f = flow.session().filing();
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).key("done.title").key("done.ticket").spelled(f.ticket())
                .key("done.window", t.of(f.window().name())).build();
    }

    /** A finished visit is not "cleared": the countdown says the request is safely filed. */
    @Override
    public String idleNoticeKey() {
        return "idle.countdown.done";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Filing f = flow.session().filing();
        Label ok = Ui.label(t.get("done.title"), Ui.TITLE);
        Label ticketCaption = Ui.label(t.get("done.ticket"), Ui.SUBTITLE);
        Label ticket = Ui.label(f.ticket(), "ticket");
        ticket.setId("ticket");
        Label window = Ui.label(t.get("done.window", t.of(f.window().name())), Ui.BODY);
        Label service = Ui.label(t.of(f.service().name()), Ui.BODY);
        Label time = Ui.label(f.receipt().filedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), Ui.HINT);
        ticket.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the number is never cut
        boolean elders = flow.session().elders();
        if (elders) {
            // Not wider than the ticket: the documents to bring need the room (elders.css #done).
            window.setWrapText(true);
            window.setMaxWidth(340);
            window.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // its second line, never "…"
        }
        // The elders' mode leaves out what the receipt repeats (service, time): fewer things to read.
        VBox left = elders ? new VBox(10, ok, ticketCaption, ticket, window)
                : new VBox(10, ok, ticketCaption, ticket, window, service, time);
        left.setAlignment(Pos.CENTER_LEFT);
        left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the documents' card gives way, not the title

        VBox right = elders ? ReceiptViews.qrCard(t, f.statusUrl(), "status-qr", 200, 180)
                : ReceiptViews.qrCard(t, f.statusUrl(), "status-qr", 260);

        HBox main = new HBox(32, left, Ui.spacer());
        if (!f.service().documents().isEmpty()) {
            // On screen as well as on paper: a receipt that did not print must not lose them.
            main.getChildren().add(ReceiptViews.documentsCard(t, f.service().documents(), "done-documents", elders));
        }
        main.getChildren().add(right);
        main.setAlignment(Pos.CENTER);
        VBox.setVgrow(main, Priority.ALWAYS);

        printStatus = Ui.label("", "print-status");
        printStatus.setId("print-status");
        printStatus.managedProperty().bind(printStatus.textProperty().isNotEmpty());
        take = Ui.label("", "take");
        take.setId("take");
        take.managedProperty().bind(take.textProperty().isNotEmpty());
        reprint = Ui.button("reprint", t.get("done.reprint"), Ui.SECONDARY, Icons.PRINT);
        reprint.setOnAction(e -> print(f));
        reprint.managedProperty().bind(reprint.visibleProperty());
        Button home = Ui.button("finish", t.get("action.finish"), Ui.PRIMARY, Icons.HOME);
        home.setOnAction(e -> flow.home());
        // The buttons keep their words; the messages beside them wrap instead.
        reprint.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        home.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox bottom = new VBox(8, printStatus, take);
        HBox.setHgrow(bottom, Priority.ALWAYS);
        HBox actions = Ui.actions(bottom, reprint, home);
        if (!watching) {
            watching = true;
            flow.bridge().statuses().addListener(printerWatch);
        }
        if (!printStarted) {
            printStarted = true;
            print(f);
        }
        showPrintState();
        return new VBox(16, main, actions);
    }

    private void print(Filing f) {
        if (printing) {
            return;
        }
        printing = true;
        outcome = null;
        ReceiptViews.print(flow, f.receipt(), f.ticket(), result -> {
            printing = false;
            outcome = result;
            showPrintState();
        });
        if (printStatus != null) {
            showPrintState();
        }
    }

    private void showPrintState() {
        if (printStatus == null) {
            return;
        }
        Texts t = flow.texts();
        Filing f = flow.session().filing();
        boolean card = f != null && f.service().identity() != IdentityRequirement.NONE;
        boolean offer = false;
        if (outcome == null) {
            printStatus.setText(t.get("done.printing"));
            printStatus.getStyleClass().setAll("print-status");
            take.setText(card ? t.get("done.take.card") : "");
        } else if (outcome.printed()) {
            // The elders' mode says it once, in the take line ("拿走回执。"): one line less to read.
            printStatus.setText(flow.session().elders() ? "" : t.get("done.printed"));
            printStatus.getStyleClass().setAll("print-status", "ok");
            take.setText(t.get(card ? "done.take.both" : "done.take.receipt"));
        } else {
            // No receipt came out: never ask the resident to take one.
            offer = flow.usable("printer");
            printStatus.setText(t.get(offer ? "done.printer-back" : "done.print-failed"));
            printStatus.getStyleClass().setAll("print-status", "error");
            take.setText(card ? t.get("done.take.card") : "");
        }
        reprint.setVisible(offer);
    }

    @Override
    public void dispose() {
        if (watching) {
            watching = false;
            flow.bridge().statuses().removeListener(printerWatch);
        }
    }
}
