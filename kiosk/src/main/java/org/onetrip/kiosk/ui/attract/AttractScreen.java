package org.onetrip.kiosk.ui.attract;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.ScaleTransition;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/** The calm screen of an idle kiosk: the centre's name and "touch to start", slowly breathing. */
public final class AttractScreen implements Screen {
    private final Flow flow;
    private ScaleTransition breathe;
    private Timeline ticking;
    private final boolean night;

    public AttractScreen(Flow flow) {
        this(flow, false);
    }

    /** {@code night}: nobody near, so the screen dims (less light in an empty lobby, less wear). */
    public AttractScreen(Flow flow, boolean night) {
        this.flow = flow;
        this.night = night;
    }

    public boolean night() {
        return night;
    }

    @Override
    public String id() {
        return "attract";
    }

    /** Silent: nobody may be there, and a kiosk talking to an empty hall at night wakes nobody. */
    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.speech.Utterance.in(t.locale()).build();
    }

    @Override
    public boolean isRest() {
        return true;
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Label centre = Ui.label(flow.kiosk().config().centreName(t.locale()), "attract-centre");
        Label promise = Ui.label(t.get("attract.promise"), "attract-promise");
        Label touch = Ui.label(t.get("attract.touch"), "attract-touch");
        Label time = Ui.label(now(), "attract-time");
        time.setId("attract-time");
        // The screen stands for hours in an empty lobby: its big clock goes on as the header's does.
        if (ticking != null) {
            ticking.stop();
        }
        ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> time.setText(now())));
        ticking.setCycleCount(Animation.INDEFINITE);
        ticking.play();
        VBox root = new VBox(36, Icons.icon(Icons.HEART, 96), centre, promise, touch, time);
        root.setAlignment(Pos.CENTER);
        if (night) {
            root.getStyleClass().add("night");
        }
        root.setOnMouseClicked(e -> flow.home());
        root.setOnKeyPressed(e -> flow.home());
        if (breathe != null) {
            breathe.stop();
        }
        // The invitation breathes by size, not by fading: faded to 0.35 it fell to 2:1 (issue 12).
        breathe = new ScaleTransition(Duration.seconds(3), touch);
        breathe.setFromX(1.0);
        breathe.setFromY(1.0);
        breathe.setToX(1.06);
        breathe.setToY(1.06);
        breathe.setAutoReverse(true);
        breathe.setCycleCount(Animation.INDEFINITE);
        breathe.play();
        return root;
    }

    @Override
    public void dispose() {
        if (breathe != null) {
            breathe.stop();
        }
        if (ticking != null) {
            ticking.stop();
        }
    }

    private String now() {
        return LocalTime.now(flow.clock()).format(TIME);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
}
