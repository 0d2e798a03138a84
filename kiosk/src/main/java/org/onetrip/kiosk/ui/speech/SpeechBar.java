package org.onetrip.kiosk.ui.speech;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.onetrip.kiosk.ui.Texts;

/**
 * Speech on/off and the volume, in the header of every screen: a toggle, quieter, the level,
 * louder (each target at least 64 px, text 24 px). A new volume is said at that volume, so the
 * resident hears what they chose.
 */
public final class SpeechBar extends HBox {
    private final SpeechControl control;
    private final Texts texts;
    private final ToggleButton toggle = new ToggleButton();
    private final Button quieter = new Button("−");
    private final Button louder = new Button("+");
    private final Label level = new Label();

    public SpeechBar(SpeechControl control, Texts texts) {
        super(6);
        this.control = control;
        this.texts = texts;
        setId("speech-bar");
        getStyleClass().add("speech-bar");
        setAlignment(Pos.CENTER);
        toggle.setId("speech-toggle");
        quieter.setId("volume-down");
        louder.setId("volume-up");
        level.setId("volume-level");
        toggle.getStyleClass().addAll("header-button", "speech-toggle");
        quieter.getStyleClass().addAll("header-button", "speech-volume");
        louder.getStyleClass().addAll("header-button", "speech-volume");
        level.getStyleClass().add("speech-level");
        toggle.selectedProperty().bindBidirectional(control.onProperty());
        quieter.setOnAction(e -> step(false));
        louder.setOnAction(e -> step(true));
        getChildren().addAll(toggle, quieter, level, louder);
        control.onProperty().addListener((o, a, b) -> relabel());
        control.volumeProperty().addListener((o, a, b) -> relabel());
        texts.localeProperty().addListener((o, a, b) -> relabel());
        relabel();
        setVisible(control.available());
        setManaged(control.available());
    }

    private void step(boolean up) {
        if (up) {
            control.louder();
        } else {
            control.quieter();
        }
        if (control.isOn()) {
            control.speech().say(Spoken.in(texts).key("speech.volume.said", control.volume()).build());
        }
    }

    private void relabel() {
        toggle.setText(texts.get(control.isOn() ? "speech.on" : "speech.off"));
        level.setText(texts.get("speech.volume", control.volume()));
        quieter.setAccessibleText(texts.get("speech.quieter"));
        louder.setAccessibleText(texts.get("speech.louder"));
        level.setAccessibleText(texts.get("speech.volume.said", control.volume()));
        quieter.setDisable(control.volume() <= 0);
        louder.setDisable(control.volume() >= 100);
    }
}
