package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.testing.MutableClock;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * Starts the real kiosk UI, wired by the product's {@link Wiring} on the simulator profile with a
 * store in a temporary folder and a clock the test moves. Headless on Monocle (see the pom).
 *
 * <p>Tests wait on state, never on time: {@link #await} asks a condition on the JavaFX thread until
 * it holds (up to {@link #WAIT}); {@link #tap}, {@link #clickOn(String, MouseButton...)} and
 * {@link #text} first wait for their node. CI is a loaded 2-core machine (scripts/stress-ui runs
 * these tests with both cores busy).
 */
abstract class KioskUiTestBase extends ApplicationTest {
    /** How long a test waits for a state before it fails (-Dkiosk.test.wait-s to change it). */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("kiosk.test.wait-s", 30));

    static {
        // TestFX's own deadlines for starting the toolkit (60 s) and the application (30 s): under
        // stress-ng a kiosk start took longer than 30 s, so setupApplication timed out. They are
        // waits for a state (started), so a longer deadline costs nothing when things are fast.
        FxToolkit.toolkitContext().setLaunchTimeoutInMillis(Math.max(FxToolkit.toolkitContext().getLaunchTimeoutInMillis(),
                WAIT.multipliedBy(4).toMillis()));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(Math.max(FxToolkit.toolkitContext().getSetupTimeoutInMillis(),
                WAIT.multipliedBy(4).toMillis()));
        // The CJK font as the kiosk draws it from its second start on: single faces cut from the
        // collections (ui/Fonts), once per build, so every UI test and screenshot uses them.
        Path faces = Path.of("target", "font-faces").toAbsolutePath();
        Fonts.cutFaces(faces);
        Fonts.useFacesIn(faces);
    }

    @TempDir
    Path data;

    final MutableClock clock = MutableClock.at("2026-11-28T18:05:00Z"); // 02:05 in Fuding
    final ExecutorService background = Executors.newSingleThreadExecutor();
    Kiosk kiosk;
    KioskUi ui;

    /** The wired kiosk as a test class wants it (e.g. {@link Kiosk#withSpeech} a recording fake, {@link Kiosk#withHandwriting} none). */
    Kiosk adapt(Kiosk wired) {
        return wired;
    }

    /** Extra profile overrides for a test class. */
    List<String> overrides() {
        return List.of();
    }

    /** The exit statuses the technician's restart and exit asked for (the process goes on). */
    final List<Integer> exits = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) {
        List<String> o = new ArrayList<>(List.of("data.dir=" + data, "ui.simulator-panel=false",
                "session.idle-timeout-s=60", "session.idle-warning-s=20", "ui.attract-after-s=120"));
        o.addAll(overrides());
        kiosk = adapt(Wiring.wire(KioskConfig.simulator(o.toArray(String[]::new)), clock));
        kiosk.startDevices();
        ui = new KioskUi(kiosk, stage, clock, background, exits::add);
        ui.start();
        stage.show();
    }


    @AfterEach
    void tearDownKiosk() throws Exception {
        FxToolkit.cleanupStages();
        interact(() -> ui.stop());
        background.shutdownNow();
        kiosk.close();
    }

    SimulatedIdCardReader reader() {
        return (SimulatedIdCardReader) kiosk.idCardReader();
    }

    SimulatedReceiptPrinter printer() {
        return (SimulatedReceiptPrinter) kiosk.printer();
    }

    SimulatedQrScanner scanner() {
        return (SimulatedQrScanner) kiosk.scanner();
    }

    /**
     * Waits until {@code condition} holds, asking it on the JavaFX thread (so it never sees a
     * screen half changed) every few milliseconds, up to {@link #WAIT}. A condition that throws
     * (a node not there yet) counts as "not yet". On time-out it fails saying what it waited for,
     * the screen, the condition's last error and every node id in the scene.
     */
    void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        Throwable last = null;
        while (true) {
            try {
                if (onFx(condition::getAsBoolean, end)) {
                    return;
                }
            } catch (FxThreadBusy busy) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what
                        + ": the JavaFX thread never got to the question", busy);
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; screen is " + screenOrDash()
                        + (last == null ? "" : "; the condition last threw " + last) + "\nscene:\n" + sceneDump(), last);
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /**
     * From home to a service's form: its window's tile, the service, and, for a service that reads
     * the card, {@code card} placed on the reader (null for services that ask for none).
     */
    void openForm(String window, String service, org.onetrip.kiosk.idcard.Identity card) {
        awaitScreen("home");
        tap("#tile-" + window);
        awaitScreen("services");
        if (ui.flow().session().elders()) {
            // The elders' mode pages its services (as many a page as fit whole): More to it.
            for (int i = 0; i < 20 && !shownNow("#service-" + service); i++) {
                tap("#page-down");
            }
        }
        tap("#service-" + service);
        if (card != null) {
            awaitScreen("identify");
            reader().place(card);
        }
        awaitScreen("form");
    }

    /**
     * From home: 社情民意, the suggestion form, its free-text field tapped and the keyboard shown. In
     * the elders' mode (one question a page) it pages on to the text, choosing a topic on the way.
     */
    void openSuggestionKeyboard() {
        openForm("opinion", "suggestion", null);
        if (ui.flow().session().elders()) {
            for (int i = 0; i < 6 && !shownNow("#card-content"); i++) {
                if (shownNow("#card-topic")) {
                    tap("#choice-topic-traffic");
                }
                tap("#next");
            }
        }
        tap("#field-content");
        awaitNode("#keyboard");
    }

    /** Whether a node matching {@code query} is there and visible now (no waiting). */
    boolean shownNow(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    void awaitScreen(String id) {
        await("screen " + id, () -> ui.flow().nav().current() != null && id.equals(ui.flow().nav().current().id())
                && lookup("#" + id).tryQuery().isPresent());
    }

    /**
     * Waits until a node matching {@code query} is in a scene, shown (it and its parents visible)
     * and laid out with a size, so a click lands on it. CSS and layout are run on the spot, as the
     * next frame would, instead of waiting for that frame.
     */
    Node awaitNode(String query) {
        Node[] found = new Node[1];
        await("a shown " + query, () -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                }
            }
            Node n = lookup(query).tryQuery().orElse(null);
            if (n == null || n.getScene() == null || !treeVisible(n)) {
                return false;
            }
            Bounds b = n.localToScene(n.getBoundsInLocal());
            found[0] = n;
            return b.getWidth() > 0 && b.getHeight() > 0;
        });
        return found[0];
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Clicks a node once it is there and shown: a screen built after an async step may not be yet. */
    @Override
    public FxRobotInterface clickOn(String query, MouseButton... buttons) {
        return clickOn(awaitNode(query), buttons);
    }

    /** The current screen's id, read on the JavaFX thread. */
    String screen() {
        return onFx(() -> ui.flow().nav().current().id(), System.nanoTime() + WAIT.toNanos());
    }

    /** Scrolls the node into view if it sits in a scroll pane, then taps it like a finger. */
    void tap(String query) {
        Node n = awaitNode(query);
        interact(() -> scrollIntoView(n));
        clickOn(n);
    }

    static void scrollIntoView(Node n) {
        Parent p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof ScrollPane sp) {
            sp.layout();
            Node content = sp.getContent();
            Bounds inContent = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (range > 0) {
                sp.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 20) / range)));
            }
            sp.layout();
        }
    }

    /**
     * Taps each key of {@code keys} on the visible on-screen pad. Letters are typed as letters: a
     * Chinese keyboard in pinyin mode is switched to ABC first.
     */
    void typeOnPad(String keys) {
        if (keys.chars().anyMatch(Character::isLetter) && lookup("#mode-latin").tryQuery()
                .map(n -> !((javafx.scene.control.ToggleButton) n).isSelected()).orElse(false)) {
            clickOn("#mode-latin");
        }
        for (char c : keys.toCharArray()) {
            clickOn("#key-" + c);
        }
    }

    /**
     * The text of a label or field. From the test thread it first waits until the node is in the
     * scene and reads it on the JavaFX thread; inside an {@link #await} condition it reads at once.
     */
    String text(String query) {
        if (Platform.isFxApplicationThread()) {
            return textOf(query, lookup(query).query());
        }
        Node[] found = new Node[1];
        await(query + " in the scene", () -> (found[0] = lookup(query).tryQuery().orElse(null)) != null);
        return onFx(() -> textOf(query, found[0]), System.nanoTime() + WAIT.toNanos());
    }

    private static String textOf(String query, Node n) {
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof TextInputControl t) {
            return t.getText();
        }
        throw new AssertionError(query + " has no text");
    }

    /** Every text shown anywhere in the scene, for "nothing personal is left" checks. */
    /** The texts of the list items ({@link Ui#bullet}) under {@code query}, each beside its bullet. */
    List<String> bulletItems(String query) {
        List<String> out = new ArrayList<>();
        onFx(() -> {
            for (Node item : lookup(query + " .bullet-item").queryAll()) {
                var kids = ((Parent) item).getChildrenUnmodifiable();
                if (kids.size() == 2 && kids.get(0) instanceof Labeled dot && "•".equals(dot.getText())
                        && kids.get(1) instanceof Labeled text) {
                    out.add(text.getText());
                }
            }
            return null;
        }, System.nanoTime() + WAIT.toNanos());
        return out;
    }

    /**
     * The label's text is drawn whole, not cut short with "…" for want of room: on one line it fits
     * the label's width; wrapped, the label is as tall as its lines need.
     */
    void assertWholeTextShown(String query) {
        double[] need = new double[2]; // what the text needs, what it has
        boolean[] wrapped = new boolean[1];
        interact(() -> {
            javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) lookup(query).query();
            l.applyCss();
            l.getScene().getRoot().layout();
            wrapped[0] = l.isWrapText();
            if (l.isWrapText()) {
                need[0] = l.prefHeight(l.getWidth());
                need[1] = l.getHeight();
            } else {
                javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
                t.setFont(l.getFont());
                need[0] = t.getLayoutBounds().getWidth();
                need[1] = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
            }
        });
        // Asserted here, not inside interact(), where a failure would not reach the test.
        assertThat(need[1]).as(query + (wrapped[0] ? " height for its wrapped lines" : " width for its text on one line"))
                .isGreaterThanOrEqualTo(need[0] - 0.5);
    }

    List<String> allTexts() {
        List<String> out = new ArrayList<>();
        onFx(() -> {
            collect(lookup("#kiosk").query(), out);
            return null;
        }, System.nanoTime() + WAIT.toNanos());
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** Back home as a resident leaving would leave it (a touch: the clock moved a lot), then the receipt's scan. */
    void scanOnHome(String payload) {
        interact(() -> {
            ui.idle().activity();
            ui.flow().home();
        });
        awaitScreen("home");
        scanner().scan(payload);
        awaitScreen("status");
    }

    /** The kiosk's root with its CSS and layout run now, as the next frame would; on the JavaFX thread. */
    Parent laidOut() {
        Parent root = (Parent) lookup("#kiosk").query();
        root.applyCss();
        root.layout();
        return root;
    }

    /** Saves the scene as target/screens/NAME.png, for people reviewing how screens look. */
    void snapshot(String name) {
        interact(() -> {
            try {
                FxImages.writePng(lookup("#kiosk").query().getScene().snapshot(null), Path.of("target/screens", name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    void assertOnScreen(String id) {
        assertThat(screen()).isEqualTo(id);
    }

    /** Thrown when the JavaFX thread does not run a question before the deadline. */
    private static final class FxThreadBusy extends RuntimeException {
        FxThreadBusy() {
            super("the JavaFX thread did not answer in time");
        }
    }

    /** Calls {@code c} on the JavaFX thread (at once when already on it), waiting at most until {@code endNanos}. */
    static <T> T onFx(Callable<T> c, long endNanos) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        try {
            return task.get(Math.max(1, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new FxThreadBusy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private String screenOrDash() {
        try {
            return onFx(() -> ui.flow().nav().current() == null ? "-" : ui.flow().nav().current().id(),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        } catch (RuntimeException e) {
            return "? (" + e + ")";
        }
    }

    /** Every window's nodes that have an id, indented by depth, with the text of labels and fields (cut short). */
    String sceneDump() {
        try {
            return onFx(() -> {
                StringBuilder out = new StringBuilder();
                for (Window w : Window.getWindows()) {
                    if (w.getScene() != null) {
                        out.append("window ").append(w.getClass().getSimpleName()).append(w.isShowing() ? "" : " (hidden)")
                                .append('\n');
                        dump(w.getScene().getRoot(), 1, out);
                    }
                }
                return out.toString();
            }, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        } catch (RuntimeException e) {
            return "(no dump: " + e + ")";
        }
    }

    private static void dump(Node n, int depth, StringBuilder out) {
        boolean named = n.getId() != null;
        if (named) {
            out.append("  ".repeat(depth)).append('#').append(n.getId()).append(' ').append(n.getClass().getSimpleName());
            if (!n.isVisible()) {
                out.append(" (hidden)");
            }
            String t = n instanceof Labeled l ? l.getText() : n instanceof TextInputControl f ? f.getText() : null;
            if (t != null && !t.isEmpty()) {
                out.append(" \"").append(t.length() > 40 ? t.substring(0, 40) + "…" : t).append('"');
            }
            out.append('\n');
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                dump(c, named ? depth + 1 : depth, out);
            }
        }
    }
}
