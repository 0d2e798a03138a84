package org.onetrip.kiosk.ui.speech;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Texts;

/**
 * Speech on/off and the volume on every screen. The header holds one speaker button (crossed out
 * while speech is off): the English header has room for one 64 px target beside the clock and no
 * more, so the button unfolds a small bar in the header, over the centre's name: "speech on/off", quieter, the level,
 * louder (each target at least 64 px, text 24 px). The bar folds away when tapped outside or when
 * the screen changes. A new volume is said at that volume, so the resident hears what they chose.
 */
public final class SpeechBar {
    private final SpeechControl control;
    private final Texts texts;
    private final Button open = new Button();
    private final HBox bar = new HBox(10);
    private final ToggleButton toggle = new ToggleButton();
    private final Button quieter = new Button("−");
    private final Button louder = new Button("+");
    private final Label level = new Label();

    public SpeechBar(SpeechControl control, Texts texts) {
        this.control = control;
        this.texts = texts;
        open.setId("speech");
        open.getStyleClass().addAll("header-button", "speech-open");
        open.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        open.setOnAction(e -> setShown(!isShown()));
        open.setVisible(control.available());
        open.setManaged(control.available());

        bar.setId("speech-bar");
        bar.getStyleClass().add("speech-bar");
        bar.setAlignment(Pos.CENTER);
        bar.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        toggle.setId("speech-toggle");
        quieter.setId("volume-down");
        louder.setId("volume-up");
        level.setId("volume-level");
        toggle.getStyleClass().add("speech-toggle");
        quieter.getStyleClass().add("speech-volume");
        louder.getStyleClass().add("speech-volume");
        level.getStyleClass().add("speech-level");
        org.onetrip.kiosk.ui.Ui.mirror(toggle, control.onProperty());
        quieter.setOnAction(e -> step(false));
        louder.setOnAction(e -> step(true));
        // Its controls join the bar when it first unfolds: hidden, their skins, CSS and layout were
        // still made before the home screen's first frame (issue 13, cold start).
        bar.setVisible(false);
        control.onProperty().addListener((o, a, b) -> relabel());
        control.volumeProperty().addListener((o, a, b) -> relabel());
        texts.localeProperty().addListener((o, a, b) -> relabel());
        relabel();
    }

    /** The speaker button for the header. */
    public Button headerButton() {
        return open;
    }

    /** The bar, for a layer over the header (it keeps its preferred size). */
    public javafx.scene.layout.Region bar() {
        return bar;
    }

    public boolean isShown() {
        return bar.isVisible();
    }

    public void setShown(boolean shown) {
        if (shown && control.available() && bar.getChildren().isEmpty()) {
            bar.getChildren().addAll(toggle, quieter, level, louder);
        }
        bar.setVisible(shown && control.available());
    }

    /** True when {@code n} is the bar, the speaker button or inside either (a tap there keeps it open). */
    public boolean owns(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == bar || p == open) {
                return true;
            }
        }
        return false;
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
        String state = texts.get(control.isOn() ? "speech.on" : "speech.off");
        String icon = control.isOn() ? Icons.VOLUME_ON : Icons.VOLUME_OFF;
        open.setGraphic(Icons.icon(icon, 36));
        open.setAccessibleText(state);
        toggle.setText(state);
        toggle.setGraphic(Icons.icon(icon, 32));
        level.setText(texts.get("speech.volume", control.volume()));
        quieter.setAccessibleText(texts.get("speech.quieter"));
        louder.setAccessibleText(texts.get("speech.louder"));
        level.setAccessibleText(texts.get("speech.volume.said", control.volume()));
        quieter.setDisable(control.volume() <= 0);
        louder.setDisable(control.volume() >= 100);
    }
}
