package org.onetrip.kiosk.ui.idle;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/** "Are you still there?" with a visible countdown and "I need more time". */
public final class IdleOverlay extends StackPane {
    private final Label countdown = new Label();
    private final Button more = new Button();
    private final Label question = new Label();
    private final Label explain = new Label();

    public IdleOverlay(Runnable onMoreTime) {
        setId("idle-overlay");
        getStyleClass().add("overlay");
        countdown.setId("idle-countdown");
        countdown.getStyleClass().add("countdown");
        question.getStyleClass().add(Ui.SUBTITLE);
        question.setWrapText(true);
        more.setId("more-time");
        more.getStyleClass().add(Ui.PRIMARY);
        more.setOnAction(e -> onMoreTime.run());
        explain.getStyleClass().add(Ui.BODY);
        explain.setWrapText(true);
        explain.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(20, question, countdown, explain, more);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll(Ui.CARD, "dialog");
        box.setMaxSize(640, 420);
        getChildren().add(box);
        setVisible(false);
    }

    public void show(Texts t, long secondsLeft) {
        question.setText(t.get("idle.question"));
        countdown.setText(t.get("idle.seconds", secondsLeft));
        explain.setText(t.get("idle.countdown", secondsLeft));
        more.setText(t.get("idle.more"));
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
    }
}
