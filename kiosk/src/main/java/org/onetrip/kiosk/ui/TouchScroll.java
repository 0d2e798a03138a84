package org.onetrip.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.binding.BooleanBinding;
import javafx.event.EventTarget;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Makes a vertical {@link ScrollPane} work under a finger, the way a phone list does:
 * <ul>
 * <li>a drag anywhere in it (on a card, a button or a gap) scrolls once the finger has moved more
 * than {@link #SLOP} pixels, and that press then opens nothing;</li>
 * <li>a press that moves less than the slop is a tap, so a wobbling finger still opens a card;</li>
 * <li>a mouse wheel notch moves {@link #WHEEL_STEP} pixels, not a fraction of the content;</li>
 * <li>{@link #pageUp()} / {@link #pageDown()} for big page buttons, and {@link #atTop()} /
 * {@link #atBottom()} to disable them at the ends;</li>
 * <li>the focused node (Tab, arrow keys) is scrolled into view; a node focused by a press is
 * not moved from under the finger.</li>
 * </ul>
 * A touch screen delivers both synthesized mouse events and direct scroll gestures; the direct
 * gestures are swallowed so a swipe does not scroll twice.
 */
public final class TouchScroll {
    /** Movement, in pixels, past which a press becomes a drag (about 2.5 mm on a 10" panel). */
    public static final double SLOP = 16;
    /** Pixels one wheel notch moves: about a line of cards' text, as browsers do. */
    public static final double WHEEL_STEP = 120;
    /** Share of the viewport one page moves; the rest stays in view so the eye keeps its place. */
    static final double PAGE = 0.8;

    private final ScrollPane pane;
    private double pressY;
    private double pressOffset;
    private boolean pressed;
    private boolean dragging;
    private ButtonBase pressedButton;
    private final BooleanBinding atTop;
    private final BooleanBinding atBottom;

    private TouchScroll(ScrollPane pane, boolean followFocus) {
        this.pane = pane;
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        pane.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        pane.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (dragging) {
                e.consume();
            }
        });
        pane.addEventFilter(ScrollEvent.SCROLL, this::scrolled);
        // The scene outlives every screen: a listener left on it would keep this pane, its screen
        // and the screen's images alive after the screen is gone (the soak ran out of heap). So it
        // is taken off again as soon as the pane leaves the scene.
        ChangeListener<Node> onFocus = (o2, a, focus) -> {
            // Not when a press gave the focus: the node would slide from under the finger, and
            // the release (after a wobble) would land beside it.
            if (focus != null && !pressed && isInside(focus)) {
                ensureVisible(focus);
            }
        };
        pane.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(onFocus);
            }
            if (scene != null && followFocus) {
                scene.focusOwnerProperty().addListener(onFocus);
            }
        });
        atTop = Bindings.createBooleanBinding(() -> range() <= 0.5 || pane.getVvalue() <= pane.getVmin() + 1e-6,
                pane.vvalueProperty(), pane.viewportBoundsProperty(), pane.contentProperty());
        atBottom = Bindings.createBooleanBinding(() -> range() <= 0.5 || pane.getVvalue() >= pane.getVmax() - 1e-6,
                pane.vvalueProperty(), pane.viewportBoundsProperty(), pane.contentProperty());
        if (pane.getContent() instanceof javafx.scene.layout.Region r) {
            r.heightProperty().addListener((o, a, b) -> {
                atTop.invalidate();
                atBottom.invalidate();
            });
        }
    }

    /** Installs touch scrolling on {@code pane} and returns the handle for page buttons. */
    public static TouchScroll install(ScrollPane pane) {
        return new TouchScroll(pane, true);
    }

    /**
     * Drag and wheel only, for a screen that keeps its focused node in view itself (the form: its
     * docked keyboard changes the viewport, and a second follower would move a choice from under
     * the finger that pressed it).
     */
    public static TouchScroll installDragOnly(ScrollPane pane) {
        return new TouchScroll(pane, false);
    }

    public BooleanBinding atTop() {
        return atTop;
    }

    public BooleanBinding atBottom() {
        return atBottom;
    }

    /**
     * Previous (#page-up) and More (#page-down) for this pane, for a screen's row of actions: shown
     * only while its content is longer than the viewport, each disabled at its end. Big buttons
     * rather than a thin scroll bar, which few elders drag (the review and status screens showed one
     * answer and left the rest below the fold).
     */
    public java.util.List<javafx.scene.control.Button> pageButtons(Texts t) {
        javafx.scene.control.Button up = Ui.button("page-up", t.get("action.page-up"), Ui.SECONDARY, Icons.ARROW_UP);
        up.setOnAction(e -> pageUp());
        up.disableProperty().bind(atTop);
        javafx.scene.control.Button down = Ui.button("page-down", t.get("action.page-down"), Ui.SECONDARY, Icons.ARROW_DOWN);
        down.setOnAction(e -> pageDown());
        down.disableProperty().bind(atBottom);
        BooleanBinding paged = paged();
        for (javafx.scene.control.Button b : java.util.List.of(up, down)) {
            b.setFocusTraversable(false); // the keys scroll to what they focus already
            b.visibleProperty().bind(paged);
            b.managedProperty().bind(b.visibleProperty());
        }
        return java.util.List.of(up, down);
    }

    /** True while the content is longer than the viewport (both ends at once: it all fits). */
    public BooleanBinding paged() {
        return atTop.and(atBottom).not();
    }

    public void pageUp() {
        page(-1);
    }

    public void pageDown() {
        page(1);
    }

    /**
     * Moves about a page ({@link #PAGE} of the viewport), then lets the page start with the text the
     * new top edge would cut: at that paragraph's top when it fits in the viewport, else at that
     * line's. A page that began mid-line, or with the lower half of a staff's note, was read by no
     * one (the status screen's More, StatusScreenFoldTest). A page always moves: a snap that would
     * not is dropped.
     */
    private void page(int direction) {
        double old = offset();
        double target = Math.max(0, Math.min(range(), old + direction * PAGE * viewportHeight()));
        double snapped = textTopAt(target);
        if (direction > 0 ? snapped > old + 1 : snapped < old - 1) {
            target = snapped;
        }
        setOffset(target);
    }

    /** Where, in content pixels, the text that {@code y} falls in begins: {@code y} itself between texts. */
    private double textTopAt(double y) {
        Node content = pane.getContent();
        if (!(content instanceof javafx.scene.Parent root)) {
            return y;
        }
        double[] top = {y};
        double view = viewportHeight();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(root.getChildrenUnmodifiable());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            } else if (n instanceof javafx.scene.text.Text t && !t.getText().isEmpty()) {
                Bounds b = content.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
                if (b.getMinY() < y && b.getMaxY() > y) {
                    top[0] = Math.min(top[0], b.getHeight() <= view ? b.getMinY() : lineTop(t, content, b.getMinX(), y));
                }
            }
        }
        return top[0];
    }

    /** The top, in content pixels, of the line of {@code t} at content height {@code y}. */
    private static double lineTop(javafx.scene.text.Text t, Node content, double x, double y) {
        javafx.geometry.Point2D local = t.sceneToLocal(content.localToScene(x + 1, y));
        int i = t.hitTest(local).getCharIndex();
        double minY = Double.MAX_VALUE;
        for (javafx.scene.shape.PathElement e : t.rangeShape(i, Math.min(i + 1, t.getText().length()))) {
            if (e instanceof javafx.scene.shape.MoveTo m) {
                minY = Math.min(minY, m.getY());
            } else if (e instanceof javafx.scene.shape.LineTo l) {
                minY = Math.min(minY, l.getY());
            }
        }
        return minY == Double.MAX_VALUE ? y : content.sceneToLocal(t.localToScene(local.getX(), minY)).getY();
    }

    /** Scrolls so that {@code node} (inside the pane's content) is wholly in view, moving as little as needed. */
    public void ensureVisible(Node node) {
        Node content = pane.getContent();
        if (content == null) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = offset();
        double view = viewportHeight();
        if (b.getMinY() < top) {
            setOffset(b.getMinY());
        } else if (b.getMaxY() > top + view) {
            setOffset(Math.min(b.getMinY(), b.getMaxY() - view));
        }
    }

    /** Content pixels above the viewport's top edge. */
    public double offset() {
        double span = pane.getVmax() - pane.getVmin();
        return span <= 0 ? 0 : (pane.getVvalue() - pane.getVmin()) / span * range();
    }

    public void scrollBy(double pixels) {
        setOffset(offset() + pixels);
    }

    private void setOffset(double pixels) {
        double range = range();
        if (range <= 0) {
            return;
        }
        double clamped = Math.max(0, Math.min(range, pixels));
        pane.setVvalue(pane.getVmin() + clamped / range * (pane.getVmax() - pane.getVmin()));
    }

    private double range() {
        Node content = pane.getContent();
        return content == null ? 0 : content.getLayoutBounds().getHeight() - viewportHeight();
    }

    private double viewportHeight() {
        Bounds vp = pane.getViewportBounds();
        return vp == null ? 0 : vp.getHeight();
    }

    private void pressed(MouseEvent e) {
        pressed = true;
        dragging = false;
        pressY = e.getScreenY();
        pressOffset = offset();
        pressedButton = buttonOf(e.getTarget());
    }

    private void dragged(MouseEvent e) {
        if (!pressed) {
            return;
        }
        double dy = e.getScreenY() - pressY;
        if (!dragging && Math.abs(dy) > SLOP) {
            dragging = true;
            if (pressedButton != null) {
                pressedButton.disarm(); // it is a scroll now, not a press of this button
            }
        }
        if (dragging) {
            setOffset(pressOffset - dy);
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        pressed = false;
        if (dragging) {
            // The button under the finger never sees this release, so it does not fire.
            e.consume();
            if (pressedButton != null) {
                pressedButton.disarm();
            }
        }
        pressedButton = null;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isDirect() || e.isInertia()) {
            e.consume(); // a finger's swipe: the drag handling above already moves the list
            return;
        }
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
        if (notches != 0) {
            scrollBy(-notches * WHEEL_STEP);
        }
        e.consume();
    }

    private boolean isInside(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == pane.getContent()) {
                return true;
            }
            if (p == pane) {
                return false;
            }
        }
        return false;
    }

    private static ButtonBase buttonOf(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ButtonBase b) {
                return b;
            }
        }
        return null;
    }
}
