package org.onetrip.kiosk.ui.done;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.FxImages;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filed request: a big ticket number, the status QR on screen, and the receipt printing. When
 * the printer cannot print, the screen itself is the receipt ("take a photo of this screen"): the
 * request is already filed either way.
 */
public final class DoneScreen implements Screen {
    private static final Logger log = LoggerFactory.getLogger(DoneScreen.class);
    private final Flow flow;
    private boolean printStarted;
    private PrintOutcome outcome;
    private Label printStatus;

    public DoneScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "done";
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
        VBox left = new VBox(10, ok, ticketCaption, ticket, window, service, time);
        left.setAlignment(Pos.CENTER_LEFT);

        ImageView qr = new ImageView(FxImages.qr(f.statusUrl(), 6));
        qr.setId("status-qr");
        qr.setPreserveRatio(true);
        qr.setFitWidth(260);
        Label qrHint = Ui.label(t.get("done.qr"), Ui.HINT);
        qrHint.setMaxWidth(300);
        VBox right = new VBox(10, qr, qrHint);
        right.setAlignment(Pos.CENTER);
        right.getStyleClass().add(Ui.CARD);

        HBox main = new HBox(48, left, Ui.spacer(), right);
        main.setAlignment(Pos.CENTER);
        VBox.setVgrow(main, Priority.ALWAYS);

        printStatus = Ui.label("", "print-status");
        printStatus.setId("print-status");
        Label take = Ui.label(t.get(f.service().identity() == org.onetrip.kiosk.catalog.IdentityRequirement.NONE
                ? "done.take.receipt" : "done.take.both"), "take");
        take.setId("take");
        Button home = Ui.button("finish", t.get("action.finish"), Ui.PRIMARY, Icons.HOME);
        home.setOnAction(e -> flow.home());
        VBox bottom = new VBox(8, printStatus, take);
        HBox actions = Ui.actions(bottom, Ui.spacer(), home);
        showPrintState();
        if (!printStarted) {
            printStarted = true;
            print(f);
        }
        return new VBox(16, main, actions);
    }

    private void print(Filing f) {
        flow.background().execute(() -> {
            PrintOutcome o;
            try {
                o = flow.kiosk().printer().print(f.receipt());
            } catch (RuntimeException e) {
                log.error("printer failed unexpectedly on ticket {}", f.ticket(), e);
                o = PrintOutcome.failed(flow.kiosk().printer().status());
            }
            PrintOutcome result = o;
            flow.fx().execute(() -> {
                outcome = result;
                showPrintState();
            });
        });
    }

    private void showPrintState() {
        Texts t = flow.texts();
        if (outcome == null) {
            printStatus.setText(t.get("done.printing"));
            printStatus.getStyleClass().setAll("print-status");
        } else if (outcome.printed()) {
            printStatus.setText(t.get("done.printed"));
            printStatus.getStyleClass().setAll("print-status", "ok");
        } else {
            printStatus.setText(t.get("done.print-failed"));
            printStatus.getStyleClass().setAll("print-status", "error");
        }
    }
}
