package org.onetrip.kiosk.ui.keyboard;

import java.util.function.ToDoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;

/**
 * A big numeric keypad for phone numbers, counts and ID numbers. Its keys never take focus, so the
 * field being filled keeps it, and they never type into a field that has lost the focus; digits go at its end (a
 * tap that put the caret before "139" made "7139"). {@code extraKey} is "X" for ID numbers, empty
 * otherwise (then the key is Clear).
 *
 * <p>Equal cells, each key filling its own: every column as wide as the widest key needs (清空 and
 * 删除, Clear and Delete, in the elders' larger text), every row as high as the keys want, or as the
 * screen leaves them down to their least height. Keys at their own widths left 删除 wider than the 3,
 * 6 and 9 above it and gaps a finger could fall into.
 */
public final class Keypad extends GridPane {
    private static final int COLUMNS = 3;
    private static final int ROWS = 4;

    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();

    public Keypad(String backspaceText, String clearText, String extraKey) {
        getStyleClass().add("keypad");
        setId("keypad");
        setHgap(10);
        setVgap(10);
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            getColumnConstraints().add(column);
        }
        for (int r = 0; r < ROWS; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / ROWS);
            getRowConstraints().add(row);
        }
        // Its own size in a larger space (beside the form's fields): the keys do not swell.
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
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

    // The percentages share out the space the keypad is given; these say how much it asks for: every
    // column as wide as the widest key wants (its label whole), every row as high as the tallest key.

    @Override
    protected double computePrefWidth(double height) {
        double key = largest(n -> Math.max(n.minWidth(-1), n.prefWidth(-1)));
        return snappedLeftInset() + COLUMNS * snapSizeX(key) + (COLUMNS - 1) * snapSpaceX(getHgap()) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(largest(n -> Math.max(n.minHeight(-1), n.prefHeight(-1))));
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(largest(n -> n.minHeight(-1)));
    }

    private double height(double key) {
        return snappedTopInset() + ROWS * snapSizeY(key) + (ROWS - 1) * snapSpaceY(getVgap()) + snappedBottomInset();
    }

    private double largest(ToDoubleFunction<Node> size) {
        return getManagedChildren().stream().mapToDouble(size).max().orElse(0);
    }

    private Button key(String k) {
        Button b = control("key-" + k, k);
        b.setOnAction(e -> KeyTarget.append(target.get(), k));
        return b;
    }

    private static Button control(String id, String text) {
        Button b = KeyTarget.key(id, text);
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE); // fills its cell
        return b;
    }

    /** The field the keys type into; never while another field holds the focus. */
    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }
}
