package org.onetrip.kiosk.ui.status;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * "Check my request": asks for the receipt's QR code, then shows where the request stands as the
 * kiosk knows it. A code that is not one of ours gets one calm message that reveals nothing.
 */
public final class StatusScreen implements Screen {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Flow flow;
    private String scanned;
    private Optional<StoredRequest> result;
    private boolean lookedUp;

    public StatusScreen(Flow flow, String scanned) {
        this.flow = flow;
        this.scanned = scanned;
    }

    @Override
    public String id() {
        return "status";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        flow.bridge().scanHandlerProperty().set(this::onScan);
        Label title = Ui.label(t.get("status.title"), Ui.TITLE);
        VBox body = new VBox(16);
        VBox.setVgrow(body, Priority.ALWAYS);
        if (scanned == null) {
            Label prompt = Ui.label(t.get("status.prompt"), "identify-prompt");
            prompt.setId("status-prompt");
            body.getChildren().addAll(Icons.icon(Icons.QR, 160), prompt);
            body.setAlignment(Pos.CENTER);
            if (!flow.usable("scanner")) {
                body.getChildren().add(Ui.label(t.get("status.scanner-down"), "identify-message"));
            }
        } else if (!lookedUp) {
            body.getChildren().add(Ui.label(t.get("status.looking"), Ui.BODY));
            lookUp();
        } else if (result.isEmpty()) {
            Label none = Ui.label(t.get("status.unknown"), "identify-message");
            none.setId("status-unknown");
            body.getChildren().addAll(Icons.icon(Icons.WARNING, 96), none);
            body.setAlignment(Pos.CENTER);
        } else {
            body.getChildren().add(details(result.get(), t));
        }
        Button home = Ui.button("finish", t.get("action.home"), Ui.PRIMARY, Icons.HOME);
        home.setOnAction(e -> flow.home());
        return new VBox(16, title, body, Ui.actions(Ui.spacer(), home));
    }

    private void onScan(String payload) {
        scanned = payload;
        lookedUp = false;
        flow.nav().rebuild();
    }

    private void lookUp() {
        String payload = scanned;
        Optional<String> token = flow.kiosk().tokens().tokenFrom(payload, flow.kiosk().config().statusUrlBase());
        flow.background().execute(() -> {
            Optional<StoredRequest> r = token.flatMap(flow.kiosk().queue()::findByToken);
            flow.fx().execute(() -> {
                if (payload.equals(scanned)) {
                    result = r;
                    lookedUp = true;
                    if (flow.nav().current() == this) {
                        flow.nav().rebuild();
                    }
                }
            });
        });
    }

    private VBox details(StoredRequest r, Texts t) {
        ZoneId zone = flow.clock().getZone();
        Optional<ServiceDefinition> s = flow.kiosk().catalog().service(r.serviceCode());
        GridPane g = new GridPane();
        g.setHgap(20);
        g.setVgap(10);
        int row = 0;
        row = add(g, row, t.get("status.ticket"), r.ticket(), "status-ticket", "ticket-small");
        row = add(g, row, t.get("status.service"), s.map(x -> t.of(x.name())).orElse(r.serviceCode()), "status-service", null);
        row = add(g, row, t.get("status.filed"), WHEN.format(r.filedAt().atZone(zone)), "status-filed", null);
        if (!r.maskedName().isEmpty()) {
            row = add(g, row, t.get("identity.name"), r.maskedName(), "status-name", null);
        }
        add(g, row, t.get("status.current"), t.get("request.status." + r.status().wire()), "status-current", "status-badge");
        g.getStyleClass().add(Ui.CARD);

        VBox timeline = new VBox(8, Ui.label(t.get("status.history"), "panel-title"));
        for (StatusChange c : r.history()) {
            HBox step = new HBox(16, Ui.label(WHEN.format(c.at().atZone(zone)), Ui.HINT),
                    Ui.label(t.get("request.status." + c.status().wire()), Ui.BODY));
            step.getStyleClass().add("timeline-step");
            timeline.getChildren().add(step);
        }
        timeline.getStyleClass().add(Ui.CARD);
        Label next = Ui.label(t.get("status.next." + r.status().wire()), Ui.BODY);
        next.setId("status-next");
        return new VBox(16, g, timeline, next);
    }

    private static int add(GridPane g, int row, String k, String v, String id, String style) {
        Label val = Ui.label(v, style == null ? "identity-value" : style);
        val.setId(id);
        g.add(Ui.label(k, "identity-key"), 0, row);
        g.add(val, 1, row);
        return row + 1;
    }

    @Override
    public void dispose() {
        flow.bridge().scanHandlerProperty().set(null);
    }
}
