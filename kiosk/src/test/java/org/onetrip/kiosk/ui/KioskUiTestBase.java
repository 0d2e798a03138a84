package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.testing.MutableClock;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real kiosk UI, wired by the product's {@link Wiring} on the simulator profile with a
 * store in a temporary folder and a clock the test moves. Headless on Monocle (see the pom).
 */
abstract class KioskUiTestBase extends ApplicationTest {
    @TempDir
    Path data;

    final MutableClock clock = MutableClock.at("2026-11-28T18:05:00Z"); // 02:05 in Fuding
    final ExecutorService background = Executors.newSingleThreadExecutor();
    Kiosk kiosk;
    KioskUi ui;

    /** Extra profile overrides for a test class. */
    List<String> overrides() {
        return List.of();
    }

    @Override
    public void start(Stage stage) {
        List<String> o = new ArrayList<>(List.of("data.dir=" + data, "ui.simulator-panel=false",
                "session.idle-timeout-s=60", "session.idle-warning-s=20", "ui.attract-after-s=120"));
        o.addAll(overrides());
        kiosk = Wiring.wire(KioskConfig.simulator(o.toArray(String[]::new)), clock);
        kiosk.startDevices();
        ui = new KioskUi(kiosk, stage, clock, background);
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

    /** Waits (up to 20 s, generous for a busy machine) until {@code condition} holds on the FX thread. */
    void await(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                boolean[] r = new boolean[1];
                interact(() -> r[0] = condition.getAsBoolean());
                return r[0];
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; screen is "
                    + (ui.flow().nav().current() == null ? "-" : ui.flow().nav().current().id()), e);
        }
    }

    void awaitScreen(String id) {
        await("screen " + id, () -> ui.flow().nav().current() != null && id.equals(ui.flow().nav().current().id())
                && lookup("#" + id).tryQuery().isPresent());
    }

    String screen() {
        return ui.flow().nav().current().id();
    }

    /** Scrolls the node into view if it sits in a scroll pane, then taps it like a finger. */
    void tap(String query) {
        Node n = lookup(query).query();
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

    /** Taps each key of {@code keys} on the visible on-screen pad. */
    void typeOnPad(String keys) {
        for (char c : keys.toCharArray()) {
            clickOn("#key-" + c);
        }
    }

    String text(String query) {
        Node n = lookup(query).query();
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof TextInputControl t) {
            return t.getText();
        }
        throw new AssertionError(query + " has no text");
    }

    /** Every text shown anywhere in the scene, for "nothing personal is left" checks. */
    List<String> allTexts() {
        List<String> out = new ArrayList<>();
        interact(() -> collect(lookup("#kiosk").query(), out));
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
}
