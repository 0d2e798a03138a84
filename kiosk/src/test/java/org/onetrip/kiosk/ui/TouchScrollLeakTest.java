package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * A screen with touch scrolling is gone once it leaves the scene: the kiosk has one scene for its
 * whole life, so anything a screen hangs on it keeps the screen (and its images) alive. Before the
 * fix every service list ever shown stayed in memory and the soak ran out of heap after ~250 visits.
 */
class TouchScrollLeakTest extends ApplicationTest {
    private StackPane root;

    @Override
    public void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void aScrollPaneThatLeftTheSceneCanBeCollected() throws Exception {
        WeakReference<ScrollPane> gone = new WeakReference<>(showAndRemove());
        // Ends on state: a pulse of the loaded FX thread may hold the pane a while after it left.
        long end = System.nanoTime() + KioskUiTestBase.WAIT.toNanos();
        while (gone.get() != null && System.nanoTime() < end) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(gone.get()).as("the scroll pane, held by the scene after it left").isNull();
    }

    private ScrollPane showAndRemove() {
        ScrollPane[] made = new ScrollPane[1];
        interact(() -> {
            ScrollPane pane = new ScrollPane(new VBox(new javafx.scene.control.Button("a")));
            TouchScroll.install(pane);
            root.getChildren().setAll(pane);
            made[0] = pane;
        });
        interact(() -> root.getChildren().clear());
        return made[0];
    }
}
