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
            Label state = Ui.label(stateText(t, e.getValue()), e.getValue().isOnline() && !e.getValue().needsAttention()
                    ? "identity-value" : "field-error");
            state.setId("maint-" + e.getKey());
            state.setWrapText(false);
            state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label name = Ui.label(deviceName(t, e.getKey()), "identity-key");
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
            events.getChildren().add(Ui.label(WHEN.format(ZonedDateTime.ofInstant(e.at(), zone)) + "  "
                    + t.get("maintenance.door." + e.kind().name().toLowerCase(java.util.Locale.ROOT)) + " (" + e.kind() + ")", Ui.BODY));
        }
        if (events.getChildren().isEmpty()) {
            events.getChildren().add(Ui.label(t.get("maintenance.events.none"), Ui.HINT));
        }
        events.setId("maint-events");
        VBox eventsBox = section(t.get("maintenance.events"), events);

        result = Ui.label("", "identify-message");
        result.setId("maint-result");
        result.setWrapText(true); // a result or a question in a sentence or two, never cut with "…"
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        Button quit = Ui.button("maint-exit", t.get("maintenance.exit"), Ui.SECONDARY, null);
        // Both end the kiosk for everyone in the lobby, and the exit to the desktop is not started
        // again by systemd: a first tap only asks, a second within CONFIRM_WITHIN does it.
        restart.setOnAction(e -> confirmOrExit("maintenance.restart", EXIT_RESTART));
        quit.setOnAction(e -> confirmOrExit("maintenance.exit", 0));
        endButtons = Map.of("maintenance.restart", restart, "maintenance.exit", quit);
        showArmed(); // a rebuild (a device's status changed) keeps a first tap's question
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

    /** How long a first tap on restart or exit waits for the second that confirms it. */
    static final java.time.Duration CONFIRM_WITHIN = java.time.Duration.ofSeconds(10);
    /** The text key of the button tapped once ("maintenance.restart" or "maintenance.exit"), or null. */
    private String armed;
    private java.time.Instant armedAt;
    private Map<String, Button> endButtons = Map.of();

    private void confirmOrExit(String key, int status) {
        java.time.Instant now = flow.clock().instant();
        if (key.equals(armed) && !expired(now)) {
            log.warn("technician asked the kiosk to {}", status == 0 ? "exit to the desktop" : "restart");
            flow.exitProcess(status);
            return;
        }
        armed = key;
        armedAt = now;
        showArmed();
        result.setText(flow.texts().get(key + ".explain", CONFIRM_WITHIN.toSeconds()));
    }

    private boolean expired(java.time.Instant now) {
        return armedAt == null || java.time.Duration.between(armedAt, now).compareTo(CONFIRM_WITHIN) > 0;
    }

    /** The button tapped once asks to be tapped again (filled); the other is as it was. */
    private void showArmed() {
        boolean live = armed != null && !expired(flow.clock().instant());
        endButtons.forEach((key, b) -> {
            boolean asking = live && key.equals(armed);
            b.setText(flow.texts().get(asking ? key + ".confirm" : key));
            b.getStyleClass().setAll("button", asking ? Ui.PRIMARY : Ui.SECONDARY);
        });
    }

    /** "离线 / 缺纸（OFFLINE / PAPER_OUT）": the state in words, and its code as the journal and {@code kiosk status} print it. */
    static String stateText(Texts t, DeviceStatus s) {
        boolean detail = s.detail() != org.onetrip.kiosk.device.StatusDetail.NONE;
        String words = t.get("maintenance.state." + s.state().name().toLowerCase(java.util.Locale.ROOT))
                + (detail ? " / " + t.get("maintenance.detail." + s.detail().name().toLowerCase(java.util.Locale.ROOT)) : "");
        return t.get("maintenance.coded", words, s.state() + (detail ? " / " + s.detail() : ""));
    }

    /** "读卡器（idcard）": a device by its name, and its id as the journal names it; an unknown id as it is. */
    static String deviceName(Texts t, String id) {
        String key = "maintenance.device." + id;
        return t.has(key) ? t.get("maintenance.coded", t.get(key), id) : id;
    }

    @Override
    public void dispose() {
        flow.bridge().statuses().removeListener(live);
        listening = false;
        flow.bridge().cardHandlerProperty().set(e -> { });
        flow.bridge().scanHandlerProperty().set(null);
    }
}
