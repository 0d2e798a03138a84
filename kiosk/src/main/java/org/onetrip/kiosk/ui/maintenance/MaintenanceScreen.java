package org.onetrip.kiosk.ui.maintenance;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.io.TamperEvent;
import org.onetrip.kiosk.maintenance.PinVault;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.TestPage;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's screen: every device's status with its detail, the queue and the back office,
 * the cabinet I/O pins and lights, recent door events; and a test print, a card read test, a scan
 * test, restart and exit to the desktop. Texts here are for the technician (one language, the
 * kiosk's), and nothing personal is shown whole: a test card is shown masked.
 */
public final class MaintenanceScreen implements Screen {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceScreen.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    /** Exit status that asks systemd to start the kiosk again (Restart=on-failure). */
    public static final int EXIT_RESTART = 75;

    private final Flow flow;
    private final PinVault vault;
    private Label result;
    /** Rebuilds the screen when a device's status changes: an unplugged cable shows at once. */
    private final javafx.collections.MapChangeListener<String, DeviceStatus> live = this::statusChanged;
    private boolean listening;

    public MaintenanceScreen(Flow flow, PinVault vault) {
        this.flow = flow;
        this.vault = vault;
    }

    @Override
    public String id() {
        return "maintenance";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Kiosk k = flow.kiosk();
        Label title = Ui.label(t.get("maintenance.title"), Ui.TITLE);
        if (!listening) {
            flow.bridge().statuses().addListener(live);
            listening = true;
        }

        GridPane devices = new GridPane();
        devices.setHgap(16);
        devices.setVgap(6);
        int row = 0;
        for (Map.Entry<String, DeviceStatus> e : new java.util.TreeMap<>(flow.bridge().statuses()).entrySet()) {
            Label state = Ui.label(e.getValue().state() + (e.getValue().detail().name().equals("NONE") ? ""
                    : " / " + e.getValue().detail()), e.getValue().isOnline() && !e.getValue().needsAttention()
                    ? "identity-value" : "field-error");
            state.setId("maint-" + e.getKey());
            state.setWrapText(false);
            state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label name = Ui.label(e.getKey(), "identity-key");
            name.setWrapText(false);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            devices.add(name, 0, row);
            devices.add(state, 1, row);
            devices.add(Ui.label(e.getValue().message(), Ui.HINT), 2, row++);
        }
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        devices.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(), grow);
        VBox devicesBox = section(t.get("maintenance.devices"), devices);

        Label queue = Ui.label("…", Ui.BODY);
        queue.setId("maint-queue");
        // A store query: off the JavaFX thread, the label filled in when it answers.
        flow.background().execute(() -> {
            Map<OutboxState, Long> counts = k.queue().countsByOutboxState();
            flow.fx().execute(() -> queue.setText(t.get("maintenance.queue", counts.get(OutboxState.PENDING),
                    counts.get(OutboxState.DELIVERED), counts.get(OutboxState.NEEDS_ATTENTION))));
        });
        VBox queueBox = section(t.get("maintenance.queue.title"), queue);

        Label pins = Ui.label(k.kioskIo().pins().describe(), Ui.BODY);
        Label lights = Ui.label(String.valueOf(k.statusLights().current()), Ui.HINT);
        lights.setId("maint-lights");
        VBox ioBox = section(t.get("maintenance.io"), pins, lights);

        VBox events = new VBox(4);
        ZoneId zone = flow.clock().getZone();
        for (TamperEvent e : k.tamperLog().recentEvents()) {
            events.getChildren().add(Ui.label(WHEN.format(ZonedDateTime.ofInstant(e.at(), zone)) + "  " + e.kind(), Ui.BODY));
        }
        if (events.getChildren().isEmpty()) {
            events.getChildren().add(Ui.label(t.get("maintenance.events.none"), Ui.HINT));
        }
        events.setId("maint-events");
        VBox eventsBox = section(t.get("maintenance.events"), events);

        result = Ui.label("", "identify-message");
        result.setId("maint-result");
        Button print = Ui.button("maint-print", t.get("maintenance.test.print"), Ui.SECONDARY, Icons.PRINT);
        print.setOnAction(e -> testPrint());
        Button card = Ui.button("maint-card", t.get("maintenance.test.card"), Ui.SECONDARY, Icons.ID_CARD);
        card.setOnAction(e -> {
            result.setText(t.get("maintenance.test.card.wait"));
            flow.bridge().cardHandlerProperty().set(this::onCard);
        });
        Button scan = Ui.button("maint-scan", t.get("maintenance.test.scan"), Ui.SECONDARY, Icons.QR);
        scan.setOnAction(e -> {
            result.setText(t.get("maintenance.test.scan.wait"));
            flow.bridge().scanHandlerProperty().set(s -> result.setText(t.get("maintenance.test.scan.got", s.length(),
                    s.startsWith(k.config().statusUrlBase()) ? t.get("maintenance.test.scan.receipt") : "")));
        });
        Button restart = Ui.button("maint-restart", t.get("maintenance.restart"), Ui.SECONDARY, null);
        restart.setOnAction(e -> exit(EXIT_RESTART));
        Button quit = Ui.button("maint-exit", t.get("maintenance.exit"), Ui.SECONDARY, null);
        quit.setOnAction(e -> exit(0));
        FlowPane actions = new FlowPane(12, 12, print, card, scan, restart, quit);

        VBox body = new VBox(16, devicesBox, queueBox, ioBox, eventsBox);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button done = Ui.button("finish", t.get("maintenance.done"), Ui.PRIMARY, Icons.HOME);
        done.setOnAction(e -> flow.home());
        return new VBox(14, title, scroll, actions, result, Ui.actions(Ui.spacer(), done));
    }

    private void statusChanged(javafx.collections.MapChangeListener.Change<? extends String, ? extends DeviceStatus> c) {
        if (flow.nav().current() == this) {
            String keep = result == null ? "" : result.getText();
            flow.nav().rebuild();
            result.setText(keep);
        }
    }

    private static VBox section(String title, javafx.scene.Node... nodes) {
        VBox box = new VBox(8, Ui.label(title, "panel-title"));
        box.getChildren().addAll(nodes);
        box.getStyleClass().add(Ui.CARD);
        return box;
    }

    private void onCard(CardEvent e) {
        Texts t = flow.texts();
        if (e instanceof CardEvent.Presented p) {
            result.setText(t.get("maintenance.test.card.got", p.identity().cardType(), p.identity().maskedName(),
                    p.identity().maskedIdNumber()));
        } else if (e instanceof CardEvent.ReadFailed f) {
            result.setText(t.get("maintenance.test.card.failed", f.reason()));
        }
    }

    private void testPrint() {
        Texts t = flow.texts();
        result.setText(t.get("maintenance.test.print.wait"));
        var printer = flow.kiosk().printer();
        byte[] page = TestPage.build(org.onetrip.kiosk.app.Wiring.printerProfile(flow.kiosk().config()),
                flow.kiosk().config().kioskId(), ZonedDateTime.now(flow.clock()));
        flow.background().execute(() -> {
            PrintOutcome o = printer instanceof EscPosPrinter p ? p.printJob(page)
                    : printer instanceof SimulatedReceiptPrinter s ? s.printJob(page)
                    : PrintOutcome.failed(printer.status());
            flow.fx().execute(() -> result.setText(t.get(o.printed() ? "maintenance.test.print.ok"
                    : "maintenance.test.print.failed", o.status())));
        });
    }

    private void exit(int status) {
        log.warn("technician asked the kiosk to {}", status == 0 ? "exit to the desktop" : "restart");
        flow.kiosk().close();
        Platform.exit();
        System.exit(status);
    }

    @Override
    public void dispose() {
        flow.bridge().statuses().removeListener(live);
        listening = false;
        flow.bridge().cardHandlerProperty().set(e -> { });
        flow.bridge().scanHandlerProperty().set(null);
    }
}
