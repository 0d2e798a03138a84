package org.onetrip.kiosk.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the done screen and a recovered receipt share: the status QR card, and printing a receipt
 * off the FX thread with the outcome handed back on it (a printer that throws is a failed print,
 * never a frozen screen).
 */
public final class ReceiptViews {
    private static final Logger log = LoggerFactory.getLogger(ReceiptViews.class);

    private ReceiptViews() {
    }

    /** The receipt's status QR code with its hint, in a card; {@code id} names the code's node. */
    public static VBox qrCard(Texts t, String statusUrl, String id, double hintWidth) {
        return qrCard(t, statusUrl, id, hintWidth, 240);
    }

    /** The same with the code {@code size} px wide (smaller in the elders' mode, whose text takes the room). */
    public static VBox qrCard(Texts t, String statusUrl, String id, double hintWidth, double size) {
        ImageView qr = new ImageView(FxImages.qr(statusUrl, 6));
        qr.setId(id);
        qr.setPreserveRatio(true);
        qr.setFitWidth(size);
        Label hint = Ui.label(t.get("done.qr"), Ui.HINT);
        hint.setMaxWidth(hintWidth);
        VBox card = new VBox(10, qr, hint);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add(Ui.CARD);
        return card;
    }

    /**
     * The documents to bring to the window, in a card that scrolls a long list inside it (six or
     * seven documents, the elders' larger text): taller than the screen, such a list pushed the
     * header off the top and the Finish button off the bottom (DoneScreenTest). {@code id} names the
     * list ({@code id}-scroll its scroll pane). The done screen and a recovered receipt show it, so
     * a receipt that did not print loses nothing.
     */
    public static VBox documentsCard(Texts t, List<LocalizedText> documents, String id, boolean elders) {
        VBox docs = new VBox(8, Ui.label(t.get("review.documents"), "panel-title"));
        for (LocalizedText d : documents) {
            docs.getChildren().add(Ui.bullet(t.of(d)));
        }
        docs.setId(id);
        ScrollPane list = new ScrollPane(docs);
        list.setId(id + "-scroll");
        list.setFitToWidth(true);
        list.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        list.getStyleClass().add("plain-scroll");
        list.setMinHeight(0);
        TouchScroll.install(list);
        VBox card = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        card.getStyleClass().addAll(Ui.CARD, "documents");
        card.setMinHeight(0);
        card.setMaxWidth(elders ? 560 : 420);
        card.setMinWidth(300);
        HBox.setHgrow(card, Priority.SOMETIMES);
        return card;
    }

    /** Prints {@code receipt} on the background executor; {@code onFx} gets the outcome on the FX thread. */
    public static void print(Flow flow, Receipt receipt, String ticket, Consumer<PrintOutcome> onFx) {
        flow.background().execute(() -> {
            PrintOutcome o;
            try {
                o = flow.kiosk().printer().print(receipt);
            } catch (RuntimeException e) {
                log.error("printer failed unexpectedly on ticket {}", ticket, e);
                o = PrintOutcome.failed(flow.kiosk().printer().status());
            }
            PrintOutcome result = o;
            flow.fx().execute(() -> onFx.accept(result));
        });
    }
}
