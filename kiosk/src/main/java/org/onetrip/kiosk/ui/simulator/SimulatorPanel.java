package org.onetrip.kiosk.ui.simulator;

import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.proxy.AgentCheck;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.ui.FxBridge;
import org.onetrip.kiosk.ui.FxImages;
import org.onetrip.kiosk.ui.Resources;
import org.onetrip.kiosk.ui.KioskUi;
import org.onetrip.kiosk.ui.Ui;

/**
 * The device simulator panel, a second window in the simulator profile: place and remove
 * fictional cards, see each printed receipt, put the printer out of paper, scan a receipt's QR,
 * unplug devices. It drives the same simulated adapters the kiosk uses.
 */
public final class SimulatorPanel {
    private final Kiosk kiosk;
    private final FxBridge bridge;

    public SimulatorPanel(Kiosk kiosk, FxBridge bridge) {
        this.kiosk = kiosk;
        this.bridge = bridge;
    }

    public Stage show(Stage owner) {
        VBox root = new VBox(14);
        root.setId("simulator");
        root.setPadding(new Insets(12));
        root.getChildren().add(Ui.label("Device simulator", "panel-title"));
        Label statuses = Ui.label("", "sim-status");
        statuses.setId("sim-statuses");
        Runnable showStatuses = () -> {
            StringBuilder sb = new StringBuilder();
            bridge.statuses().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
            statuses.setText(sb.toString().strip());
        };
        bridge.statuses().addListener((MapChangeListener<String, Object>) c -> showStatuses.run());
        showStatuses.run();
        root.getChildren().add(statuses);

        if (kiosk.idCardReader() instanceof SimulatedIdCardReader reader) {
            root.getChildren().add(cardSection(reader));
        }
        AtomicReference<String> lastUrl = new AtomicReference<>();
        if (kiosk.printer() instanceof SimulatedReceiptPrinter printer) {
            root.getChildren().add(printerSection(printer, lastUrl));
        }
        if (kiosk.scanner() instanceof SimulatedQrScanner scanner) {
            root.getChildren().add(scannerSection(scanner, lastUrl));
        }
        if (kiosk.kioskIo() instanceof org.onetrip.kiosk.io.SimulatedKioskIo io) {
            root.getChildren().add(ioSection(io));
        }
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        stage.setTitle("OneTrip · device simulator");
        Scene scene = new Scene(scroll, 460, 900);
        scene.getStylesheets().add(Resources.url(KioskUi.STYLESHEET));
        stage.setScene(scene);
        if (owner != null) {
            stage.setX(owner.getX() + owner.getWidth() + 8);
            stage.setY(owner.getY());
        }
        stage.show();
        return stage;
    }

    private VBox cardSection(SimulatedIdCardReader reader) {
        ComboBox<Identity> cards = new ComboBox<>();
        cards.setId("sim-card");
        cards.getItems().setAll(FictionalCards.all());
        cards.getSelectionModel().selectFirst();
        cards.setConverter(new StringConverter<>() {
            @Override
            public String toString(Identity i) {
                if (i == null) {
                    return "";
                }
                String note = i == FictionalCards.EXPIRED ? " (expired)" : i == FictionalCards.BAD_NUMBER ? " (bad check digit)"
                        : agentNote(i);
                return i.name() + " · " + i.cardType() + note;
            }

            @Override
            public Identity fromString(String s) {
                return null;
            }
        });
        Button place = new Button("Place card");
        place.setId("sim-place");
        place.setOnAction(e -> reader.place(cards.getValue()));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> reader.remove());
        Button bad = new Button("Unreadable");
        bad.setOnAction(e -> reader.placeUnreadable());
        ToggleButton unplug = new ToggleButton("Unplug");
        unplug.setOnAction(e -> reader.setConnected(!unplug.isSelected()));
        return section("ID card reader", cards, new FlowPane(8, 8, place, remove, bad, unplug));
    }

    /** What the profile's agents file says of a card: the simulator's way to demo a proxy filing. */
    private String agentNote(Identity card) {
        AgentCheck c = kiosk.filing().agents().check(card, java.time.LocalDate.now(kiosk.clock()));
        if (c.accepted()) {
            return " (registered proxy agent " + c.agent().code() + ", " + c.agent().village().en() + ")";
        }
        if (c.agent() != null) {
            return " (proxy agent " + c.agent().code() + ": " + c.refusal().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ")";
        }
        return "";
    }

    private VBox printerSection(SimulatedReceiptPrinter printer, AtomicReference<String> lastUrl) {
        ToggleGroup g = new ToggleGroup();
        FlowPane conditions = new FlowPane(8, 8);
        for (SimulatedReceiptPrinter.Condition c : SimulatedReceiptPrinter.Condition.values()) {
            ToggleButton b = new ToggleButton(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            b.setId("sim-printer-" + c.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(g);
            b.setSelected(c == printer.condition());
            b.setOnAction(e -> printer.setCondition(c));
            conditions.getChildren().add(b);
        }
        Label last = Ui.label("No receipt printed yet", "sim-status");
        ImageView picture = new ImageView();
        picture.setPreserveRatio(true);
        picture.setFitWidth(400);
        printer.addPrintListener(p -> bridge.post(() -> {
            lastUrl.set(p.receipt().statusUrl());
            last.setText("Printed " + p.receipt().ticket() + " · " + p.receipt().serviceName().zh() + " · "
                    + p.escpos().length + " bytes of ESC/POS");
            if (p.picture() != null) {
                picture.setImage(FxImages.fromPng(p.picture()));
            }
        }));
        return section("Receipt printer", conditions, last, picture);
    }

    private VBox scannerSection(SimulatedQrScanner scanner, AtomicReference<String> lastUrl) {
        Button scanLast = new Button("Scan last receipt");
        scanLast.setId("sim-scan-last");
        scanLast.setOnAction(e -> {
            if (lastUrl.get() != null) {
                scanner.scan(lastUrl.get());
            }
        });
        TextField payload = new TextField();
        payload.setPromptText("any payload");
        Button scan = new Button("Scan text");
        scan.setOnAction(e -> scanner.scan(payload.getText()));
        ToggleButton unplug = new ToggleButton("Unplug");
        unplug.setOnAction(e -> scanner.setConnected(!unplug.isSelected()));
        return section("QR scanner", new FlowPane(8, 8, scanLast, unplug), new HBox(8, payload, scan));
    }

    /** The cabinet's inputs as switches, its lights as they are lit. */
    private VBox ioSection(org.onetrip.kiosk.io.SimulatedKioskIo io) {
        FlowPane inputs = new FlowPane(8, 8);
        for (org.onetrip.kiosk.io.KioskIo.Input in : org.onetrip.kiosk.io.KioskIo.Input.values()) {
            if (!io.pins().inputs().containsKey(in)) {
                continue;
            }
            ToggleButton b = new ToggleButton(switch (in) {
                case PRESENCE -> "Somebody near";
                case PAPER_LOW -> "Paper low";
                case TAMPER -> "Door open";
            });
            b.setId("sim-io-" + in.key());
            b.setSelected(io.isActive(in));
            b.setOnAction(e -> io.setInput(in, b.isSelected()));
            inputs.getChildren().add(b);
        }
        HBox lights = new HBox(8);
        java.util.Map<org.onetrip.kiosk.io.KioskIo.Light, Label> lamps = new java.util.EnumMap<>(org.onetrip.kiosk.io.KioskIo.Light.class);
        for (org.onetrip.kiosk.io.KioskIo.Light l : org.onetrip.kiosk.io.KioskIo.Light.values()) {
            Label lamp = Ui.label("● " + l.key(), "sim-status");
            lamp.setId("sim-light-" + l.key());
            lamps.put(l, lamp);
            lights.getChildren().add(lamp);
        }
        String[] colours = {"#2e7d32", "#1d5aa6", "#c99a2e", "#b3261e"};
        javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(300), e -> lamps.forEach((l, lamp) -> lamp.setStyle(io.isLit(l)
                        ? "-fx-text-fill: " + colours[l.ordinal()] + "; -fx-font-weight: bold;" : "-fx-text-fill: #b8b0a5;"))));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        poll.play();
        return section("Cabinet I/O (Pi4J mock)", inputs, lights);
    }

    private static VBox section(String title, javafx.scene.Node... nodes) {
        VBox box = new VBox(8, Ui.label(title, "panel-title"));
        box.getChildren().addAll(nodes);
        box.getStyleClass().add(Ui.CARD);
        return box;
    }
}
