package org.onetrip.kiosk.ui.keyboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;

/**
 * A big numeric keypad for phone numbers, counts and ID numbers. Its keys never take focus, so the
 * field being filled keeps it, and they never type into a field that has lost the focus; digits go at its end (a
 * tap that put the caret before "139" made "7139"). {@code extraKey} is "X" for ID numbers, empty
 * otherwise (then the key is Clear).
 */
public final class Keypad extends GridPane {
    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();

    public Keypad(String backspaceText, String clearText, String extraKey) {
        getStyleClass().add("keypad");
        setId("keypad");
        setHgap(10);
        setVgap(10);
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int i = 0; i < keys.length; i++) {
            add(key(keys[i]), i % 3, i / 3);
        }
        Button clear = control("key-clear", clearText);
        clear.setOnAction(e -> KeyTarget.clear(target.get()));
        add(extraKey.isEmpty() ? clear : key(extraKey), 0, 3);
        add(key("0"), 1, 3);
        Button back = control("key-backspace", backspaceText);
        back.setOnAction(e -> KeyTarget.backspaceAtEnd(target.get()));
        add(back, 2, 3);
    }

    private Button key(String k) {
        Button b = control("key-" + k, k);
        b.setOnAction(e -> KeyTarget.append(target.get(), k));
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
