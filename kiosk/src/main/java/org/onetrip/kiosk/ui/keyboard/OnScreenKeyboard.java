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
 * languages, space, backspace and "done" (which puts the keyboard away). Chinese text is mostly
 * entered by tapping the field's common phrases; a pinyin input method is beyond a lobby kiosk's
 * needs. Keys never take focus and never type into a field that has lost it.
 *
 * <p>Four rows, not five: docked under the form on a 1280x800 panel, every row taken from the
 * keyboard is a row of the form the resident can still see while typing.
 */
public final class OnScreenKeyboard extends VBox {
    private static final String[][] ROWS = {
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "#"},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "号", "楼"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", "室", ",", "."},
        {"z", "x", "c", "v", "b", "n", "m", "，", "。"},
    };
    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private final ToggleButton shift = new ToggleButton("⇧");
    private final Runnable onDone;

    public OnScreenKeyboard(String spaceText, String backspaceText, String doneText, Runnable onDone) {
        this.onDone = onDone;
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
            for (String k : ROWS[r]) {
                row.getChildren().add(letter(k));
            }
            if (r == 2) {
                Button back = control("key-backspace", backspaceText);
                back.getStyleClass().add("key-wide");
                back.setOnAction(e -> KeyTarget.backspace(target.get()));
                row.getChildren().add(back);
            }
            if (r == 3) {
                Button space = control("key-space", spaceText);
                space.setOnAction(e -> KeyTarget.type(target.get(), " "));
                HBox.setHgrow(space, Priority.ALWAYS);
                space.setMaxWidth(Double.MAX_VALUE);
                Button done = control("key-done", doneText);
                done.getStyleClass().addAll("key-wide", "key-done");
                done.setOnAction(e -> onDone.run());
                row.getChildren().addAll(space, done);
            }
            getChildren().add(row);
        }
    }

    /**
     * Adds a "手写" key (Chinese sessions, when the recognizer is online) that swaps the keys for
     * the writing pad; the pad's {@code lettersText} key swaps them back. The pad follows this
     * keyboard's field.
     */
    public void addHandwriting(HandwritingPad pad, String keyText, String lettersText, String doneText) {
        java.util.List<javafx.scene.Node> keys = java.util.List.copyOf(getChildren());
        Button write = control("key-handwriting", keyText);
        write.getStyleClass().addAll("key-wide", "key-mode");
        write.setOnAction(e -> getChildren().setAll(pad));
        ((HBox) keys.get(keys.size() - 1)).getChildren().add(1, write);
        Button letters = control("key-letters", lettersText);
        letters.getStyleClass().addAll("key-wide", "key-mode");
        letters.setOnAction(e -> {
            pad.clear();
            getChildren().setAll(keys);
        });
        Button done = control("hw-done", doneText);
        done.getStyleClass().addAll("key-wide", "key-done");
        done.setOnAction(e -> onDone.run());
        pad.addKeys(letters, done);
        pad.targetProperty().bind(target);
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

    /** The field the keys type into; never while another field holds the focus. */
    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }
}
