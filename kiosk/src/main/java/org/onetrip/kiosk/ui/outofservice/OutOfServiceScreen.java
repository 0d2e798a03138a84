package org.onetrip.kiosk.ui.outofservice;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.onetrip.kiosk.ui.home.HomeScreen;

/**
 * Said plainly when a device the resident's step needs is down: what is unavailable, what still
 * works, and the centre's phone. Never a stack trace.
 */
public final class OutOfServiceScreen implements Screen {
    private final Flow flow;
    private final String deviceId;

    public OutOfServiceScreen(Flow flow, String deviceId) {
        this.flow = flow;
        this.deviceId = deviceId;
    }

    @Override
    public String id() {
        return "out-of-service";
    }

    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        String key = switch (deviceId) {
            case "idcard", "printer", "scanner", "store" -> deviceId;
            default -> "other";
        };
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).key("oos.title." + key).key("oos.still." + key).build();
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        String key = switch (deviceId) {
            case "idcard", "printer", "scanner", "store" -> deviceId;
            default -> "other";
        };
        Label title = Ui.label(t.get("oos.title." + key), Ui.TITLE);
        title.setId("oos-title");
        Label still = Ui.label(t.get("oos.still." + key), Ui.BODY);
        still.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        still.setId("oos-still");
        VBox body = new VBox(24, Icons.icon(Icons.WARNING, 120), title, still);
        // The windows' hours, as the receipt prints them: the texts send residents there "在上班时间",
        // and at night this screen is all a resident sent away takes home.
        String hours = flow.kiosk().config().centreHours(t.locale());
        if (!hours.isBlank()) {
            Label open = Ui.label(hours, Ui.BODY);
            open.setId("centre-hours");
            open.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            body.getChildren().add(open);
        }
        String phone = flow.kiosk().config().centrePhone();
        if (!phone.isEmpty()) {
            HBox call = HomeScreen.help(t.get("home.help", phone));
            call.setAlignment(Pos.CENTER);
            body.getChildren().add(call);
        }
        body.setAlignment(Pos.CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        Button home = Ui.button("finish", t.get("action.home"), Ui.PRIMARY, Icons.HOME);
        home.setOnAction(e -> flow.home());
        return new VBox(16, body, Ui.actions(Ui.spacer(), home));
    }
}
