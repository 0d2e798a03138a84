package org.onetrip.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import org.onetrip.kiosk.ui.keyboard.Keypad;

/**
 * The numeric keypad is a grid a finger can trust, wherever it is shown (the form's fields typed on
 * it, the technician's PIN), in both languages and in the elders' mode: the keys of one column share
 * their x and width and those of one row their y and height, all columns (and all rows) are equally
 * wide (high), so no key is narrower than its column and no tap between keys falls in a gap; and each
 * label sits in the middle of its key, whole inside it. Before: the keys kept their own widths, so
 * 清空 / 删除 (Clear / Delete) were wider than the digits above them, and in the elders' mode the larger
 * digits sat low, 清空 and 删除 against the keys' bottom edge.
 */
final class KeypadGrid {
    /**
     * Room a label's line keeps above and below it inside the key's border. Its line's box holds the
     * font's ascent and descent, more than any glyph's, so the glyphs themselves have more.
     */
    private static final double ROOM = 3;
    /** Room a label keeps at its left and right inside the key's border: its advance, near its glyphs. */
    private static final double SIDE_ROOM = 10;

    private KeypadGrid() {
    }

    /**
     * Records under {@code state} what is wrong with each keypad shown in {@code nodes} (a lookup of
     * ".keypad"), or that none is shown. On the JavaFX thread, after a layout. Called by
     * {@link KeyboardFitsWindowTest} at each keypad of the form and at the PIN screen, in both
     * languages and the elders' mode (one walk for both checks: the walk is the costly part).
     */
    static void check(Iterable<Node> nodes, String state, Map<String, List<String>> ragged) {
        int pads = 0;
        for (Node n : nodes) {
            if (n instanceof Keypad pad && shown(pad)) {
                pads++;
                List<String> found = findings(pad);
                if (!found.isEmpty()) {
                    ragged.put(state + " #" + pad.getId(), found);
                }
            }
        }
        if (pads == 0) {
            ragged.put(state, List.of("no keypad shown"));
        }
    }

    private static List<String> findings(Keypad pad) {
        List<String> out = new ArrayList<>();
        Map<Integer, List<Button>> columns = new TreeMap<>();
        Map<Integer, List<Button>> rows = new TreeMap<>();
        for (Node n : pad.getChildren()) {
            if (n instanceof Button b) {
                columns.computeIfAbsent(index(GridPane.getColumnIndex(b)), k -> new ArrayList<>()).add(b);
                rows.computeIfAbsent(index(GridPane.getRowIndex(b)), k -> new ArrayList<>()).add(b);
            }
        }
        for (var c : columns.entrySet()) {
            Bounds first = scene(c.getValue().get(0));
            for (Button b : c.getValue()) {
                Bounds k = scene(b);
                if (Math.abs(k.getMinX() - first.getMinX()) > 0.5 || Math.abs(k.getWidth() - first.getWidth()) > 0.5) {
                    out.add(String.format("column %d: %s x %.0f–%.0f, %s x %.0f–%.0f", c.getKey(), label(c.getValue().get(0)),
                            first.getMinX(), first.getMaxX(), label(b), k.getMinX(), k.getMaxX()));
                }
            }
        }
        for (var r : rows.entrySet()) {
            Bounds first = scene(r.getValue().get(0));
            for (Button b : r.getValue()) {
                Bounds k = scene(b);
                if (Math.abs(k.getMinY() - first.getMinY()) > 0.5 || Math.abs(k.getHeight() - first.getHeight()) > 0.5) {
                    out.add(String.format("row %d: %s y %.0f–%.0f, %s y %.0f–%.0f", r.getKey(), label(r.getValue().get(0)),
                            first.getMinY(), first.getMaxY(), label(b), k.getMinY(), k.getMaxY()));
                }
            }
        }
        Bounds one = scene(columns.get(0).get(0));
        for (var c : columns.entrySet()) {
            Bounds k = scene(c.getValue().get(0));
            if (Math.abs(k.getWidth() - one.getWidth()) > 1) {
                out.add(String.format("column %d is %.0f px wide, column 0 %.0f", c.getKey(), k.getWidth(), one.getWidth()));
            }
        }
        for (var r : rows.entrySet()) {
            Bounds k = scene(r.getValue().get(0));
            if (Math.abs(k.getHeight() - one.getHeight()) > 1) {
                out.add(String.format("row %d is %.0f px high, row 0 %.0f", r.getKey(), k.getHeight(), one.getHeight()));
            }
        }
        for (Node n : pad.getChildren()) {
            if (n instanceof Button b) {
                String off = offMiddle(b);
                if (off != null) {
                    out.add(off);
                }
            }
        }
        return out;
    }

    /**
     * Where a key's label is not whole, or not in the middle of the key with {@link #ROOM} above and
     * below it and {@link #SIDE_ROOM} at its sides, or null.
     */
    private static String offMiddle(Button b) {
        Text t = b.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text && c.isVisible()).map(c -> (Text) c)
                .findFirst().orElse(null);
        if (t == null || !t.getText().equals(b.getText())) {
            return label(b) + " drawn as " + (t == null ? "nothing" : "\"" + t.getText() + "\"");
        }
        Bounds key = scene(b);
        Bounds text = t.localToScene(t.getLayoutBounds());
        Insets border = b.getBorder() == null ? Insets.EMPTY : b.getBorder().getInsets();
        double above = text.getMinY() - key.getMinY() - border.getTop();
        double below = key.getMaxY() - border.getBottom() - text.getMaxY();
        double left = text.getMinX() - key.getMinX() - border.getLeft();
        double right = key.getMaxX() - border.getRight() - text.getMaxX();
        if (above < ROOM || below < ROOM || Math.abs(above - below) > 2 || left < SIDE_ROOM || right < SIDE_ROOM
                || Math.abs(left - right) > 2) {
            return String.format("%s: %.0f px above its label, %.0f below, %.0f left, %.0f right (key %.0f×%.0f)", label(b),
                    above, below, left, right, key.getWidth(), key.getHeight());
        }
        return null;
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static String label(Button b) {
        return "\"" + b.getText() + "\"";
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
