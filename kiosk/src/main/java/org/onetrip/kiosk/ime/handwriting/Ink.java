package org.onetrip.kiosk.ime.handwriting;

import java.util.List;

/**
 * What a resident wrote: the strokes in the order drawn, each the points a finger passed through,
 * on a canvas of {@code width} by {@code height} (the pad's own pixels). Immutable, so it crosses
 * from the JavaFX thread to the recognition worker safely.
 */
public record Ink(double width, double height, List<List<Point>> strokes) {

    /** One sample of a stroke, in the canvas's coordinates (origin top left, y down). */
    public record Point(double x, double y) {
    }

    public Ink {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("the canvas must have a size: " + width + "x" + height);
        }
        strokes = strokes.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /** The same ink without its last stroke (the pad's "undo stroke"). */
    public Ink withoutLastStroke() {
        return isEmpty() ? this : new Ink(width, height, strokes.subList(0, strokes.size() - 1));
    }
}
