package org.onetrip.kiosk.ui.keyboard;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A simple on-screen keyboard: digits, Latin letters with shift, common punctuation of both
 * languages, space and backspace. Chinese text is mostly entered by tapping the field's common
 * phrases; a pinyin input method is beyond a lobby kiosk's needs. Keys never take focus.
 */
public final class OnScreenKeyboard extends VBox {
    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private final ToggleButton shift = new ToggleButton("⇧");

    public OnScreenKeyboard(String spaceText, String backspaceText) {
        setId("keyboard");
        getStyleClass().add("keyboard");
        setSpacing(8);
        setAlignment(Pos.CENTER);
        shift.setId("key-shift");
        shift.getStyleClass().add("key");
        shift.setFocusTraversable(false);
        for (int r = 0; r < ROWS.length; r++) {
            HBox row = new HBox(8);
            row.setAlignment(Pos.CENTER);
            if (r == 3) {
                row.getChildren().add(shift);
            }
            for (char c : ROWS[r].toCharArray()) {
                row.getChildren().add(letter(String.valueOf(c)));
            }
            if (r == 3) {
                Button back = control("key-backspace", backspaceText);
                back.setOnAction(e -> KeyTarget.backspace(target.get()));
                row.getChildren().add(back);
            }
            getChildren().add(row);
        }
        HBox last = new HBox(8);
        last.setAlignment(Pos.CENTER);
        for (String p : new String[] {"，", "。", ",", ".", "-", "#", "号", "楼", "室"}) {
            last.getChildren().add(letter(p));
        }
        Button space = control("key-space", spaceText);
        space.setOnAction(e -> KeyTarget.type(target.get(), " "));
        HBox.setHgrow(space, Priority.ALWAYS);
        space.setMaxWidth(Double.MAX_VALUE);
        last.getChildren().add(space);
        getChildren().add(last);
    }

    private Button letter(String k) {
        Button b = control("key-" + k, k);
        b.textProperty().bind(javafx.beans.binding.Bindings.when(shift.selectedProperty())
                .then(k.toUpperCase(Locale.ROOT)).otherwise(k));
        b.setOnAction(e -> {
            KeyTarget.type(target.get(), b.getText());
            shift.setSelected(false);
        });
        return b;
    }

    private static Button control(String id, String text) {
        return KeyTarget.key(id, text);
    }

    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }
}
