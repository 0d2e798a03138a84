package org.onetrip.kiosk.ui.keyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.onetrip.kiosk.ime.handwriting.Candidate;
import org.onetrip.kiosk.ime.handwriting.HandwritingRecognizer;
import org.onetrip.kiosk.ime.handwriting.Ink;
import org.onetrip.kiosk.ui.Resources;

/**
 * A writing pad: one character at a time in a square with a 米字格 grid (the grid Chinese children
 * learn to write in, so the character fills the square as the model expects), drawn with a finger.
 * After each stroke the ink goes to the recognizer on the {@code worker} thread; its candidates
 * come back on {@code fx} and show as big buttons. Tapping one types it into the field and clears
 * the pad. Touch reaches the canvas as synthesized mouse events (JavaFX's default), so one set of
 * handlers serves a finger and a mouse.
 *
 * <p>Results of an older ink (the resident kept writing, or cleared) are dropped: each recognition
 * carries the number of the ink it was asked for.
 */
public final class HandwritingPad extends HBox {
    public static final String STYLESHEET = "/ui/handwriting.css";
    /** The square's side: at least 320 px, so an elder's character has room. */
    static final double SIZE = 340;
    private static final int CANDIDATES = 10;

    private final HandwritingRecognizer recognizer;
    private final Executor worker;
    private final Executor fx;
    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final List<List<Ink.Point>> strokes = new ArrayList<>();
    private final GridPane candidateGrid = new GridPane();
    private final List<Button> candidateButtons = new ArrayList<>();
    private final HBox controls = new HBox(8);
    private List<Ink.Point> current;
    /** Which ink the shown candidates are for; bumped by every change to the ink. */
    private long inkNumber;

    /**
     * @param worker runs recognitions (one at a time, never the JavaFX thread)
     * @param fx     hands results to the JavaFX thread ({@code FxBridge::post} in the product)
     */
    public HandwritingPad(HandwritingRecognizer recognizer, Executor worker, Executor fx,
            String clearText, String undoText) {
        this.recognizer = recognizer;
        this.worker = worker;
        this.fx = fx;
        setId("handwriting-pad");
        getStyleClass().add("handwriting-pad");
        getStylesheets().addAll(Resources.url(STYLESHEET), org.onetrip.kiosk.ui.EldersStyle.ownSheet(STYLESHEET));
        setSpacing(16);
        setAlignment(Pos.CENTER);
        canvas.setId("hw-canvas");
        StackPane square = new StackPane(canvas);
        square.getStyleClass().add("hw-square");
        square.setMaxSize(SIZE, SIZE);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> begin(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> extend(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> end(e.getX(), e.getY()));

        candidateGrid.setId("hw-candidates");
        candidateGrid.setHgap(8);
        candidateGrid.setVgap(8);
        for (int i = 0; i < CANDIDATES; i++) {
            Button b = KeyTarget.key("hw-candidate-" + i, "");
            b.getStyleClass().add("hw-candidate");
            b.setDisable(true);
            b.setOnAction(e -> choose(b.getText()));
            candidateButtons.add(b);
            candidateGrid.add(b, i % 5, i / 5);
        }
        Button undo = KeyTarget.key("hw-undo", undoText);
        undo.getStyleClass().add("key-wide");
        undo.setOnAction(e -> undo());
        Button clear = KeyTarget.key("hw-clear", clearText);
        clear.getStyleClass().add("key-wide");
        clear.setOnAction(e -> clear());
        controls.getChildren().addAll(undo, clear);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(16, candidateGrid, controls);
        right.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(square, right);
        redraw();
        // A half-written character belongs to the field it was written for.
        target.addListener((o, was, now) -> clear());
        // The model is opened when the pad first shows, on the worker, so the first stroke does not
        // wait for it; the visit's end gives it back (Flow).
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                worker.execute(recognizer::prepare);
            }
        });
    }

    /** Keys placed after undo and clear (the keyboard's "ABC" and "done"). */
    public void addKeys(Button... keys) {
        controls.getChildren().addAll(keys);
    }

    /** The field a chosen character is typed into; never while another field holds the focus. */
    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }

    /** What is written now, in the square's pixels. */
    public Ink ink() {
        return new Ink(SIZE, SIZE, strokes);
    }

    /** The candidates shown now, likeliest first. */
    public List<String> candidates() {
        return candidateButtons.stream().map(Button::getText).filter(s -> !s.isEmpty()).toList();
    }

    /** Adds a whole stroke as if drawn: for replaying strokes (tests, the bench) without a pointer. */
    public void addStroke(List<Ink.Point> stroke) {
        if (stroke.isEmpty()) {
            return;
        }
        begin(stroke.get(0).x(), stroke.get(0).y());
        for (Ink.Point p : stroke.subList(1, stroke.size())) {
            extend(p.x(), p.y());
        }
        finishStroke();
    }

    private void begin(double x, double y) {
        current = new ArrayList<>();
        current.add(inside(x, y));
        redraw();
    }

    private void extend(double x, double y) {
        if (current == null) {
            return;
        }
        Ink.Point p = inside(x, y);
        Ink.Point last = current.get(current.size() - 1);
        // A finger jitters by a pixel or two: keep points 2 px apart, enough for the model's shape.
        if (Math.hypot(p.x() - last.x(), p.y() - last.y()) >= 2) {
            current.add(p);
            redraw();
        }
    }

    private void end(double x, double y) {
        if (current == null) {
            return;
        }
        extend(x, y);
        finishStroke();
    }

    private void finishStroke() {
        strokes.add(List.copyOf(current));
        current = null;
        redraw();
        recognise();
    }

    private static Ink.Point inside(double x, double y) {
        return new Ink.Point(Math.max(0, Math.min(SIZE, x)), Math.max(0, Math.min(SIZE, y)));
    }

    private void undo() {
        if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
            redraw();
            recognise();
        }
    }

    /** Empties the square and the candidates. */
    public void clear() {
        strokes.clear();
        current = null;
        redraw();
        recognise();
    }

    private void choose(String character) {
        if (character.isEmpty()) {
            return;
        }
        KeyTarget.type(target.get(), character);
        clear();
    }

    private void recognise() {
        long number = ++inkNumber;
        Ink ink = ink();
        if (ink.isEmpty()) {
            show(List.of());
            return;
        }
        worker.execute(() -> {
            List<Candidate> found = recognizer.recognise(ink, CANDIDATES);
            fx.execute(() -> {
                if (number == inkNumber) {
                    show(found);
                }
            });
        });
    }

    private void show(List<Candidate> found) {
        for (int i = 0; i < candidateButtons.size(); i++) {
            Button b = candidateButtons.get(i);
            b.setText(i < found.size() ? found.get(i).character() : "");
            b.setDisable(i >= found.size());
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        // 米字格: the frame, the two middles and the two diagonals, faint and dashed.
        g.setStroke(Color.web("#d9cdb8"));
        g.setLineWidth(2);
        g.setLineDashes();
        g.strokeRect(1, 1, SIZE - 2, SIZE - 2);
        g.setLineDashes(8, 8);
        g.strokeLine(SIZE / 2, 0, SIZE / 2, SIZE);
        g.strokeLine(0, SIZE / 2, SIZE, SIZE / 2);
        g.strokeLine(0, 0, SIZE, SIZE);
        g.strokeLine(SIZE, 0, 0, SIZE);
        g.setLineDashes();
        g.setStroke(Color.web("#1f1a17"));
        g.setLineWidth(9);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<Ink.Point> s : strokes) {
            draw(g, s);
        }
        if (current != null) {
            draw(g, current);
        }
    }

    private static void draw(GraphicsContext g, List<Ink.Point> s) {
        g.beginPath();
        g.moveTo(s.get(0).x(), s.get(0).y());
        for (Ink.Point p : s) {
            g.lineTo(p.x(), p.y());
        }
        g.stroke();
    }
}
