package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/**
 * The form scrolls under a finger like the service list (the review and status screens use the
 * same {@link TouchScroll}): a drag on a choice scrolls and chooses nothing; a tap with a finger's
 * wobble still chooses.
 */
class FormTouchScrollTest extends KioskUiTestBase {

    private double offset() {
        double[] v = new double[1];
        interact(() -> v[0] = ((ScrollPane) lookup("#form-scroll").query()).getVvalue());
        return v[0];
    }

    private boolean selected(String query) {
        boolean[] v = new boolean[1];
        interact(() -> v[0] = ((ToggleButton) lookup(query).query()).isSelected());
        return v[0];
    }

    @Test
    void aDragOnTheFormScrollsAndATapStillTaps() {
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");

        String choice = "#choice-category-road_traffic";
        // A finger is never quite still; and the choice must not slide away when it takes the focus.
        moveTo(choice);
        press(MouseButton.PRIMARY);
        moveBy(4, 5);
        release(MouseButton.PRIMARY);
        assertThat(selected(choice)).as("a tap with a wobble still chooses").isTrue();

        double before = offset();
        drag(choice, MouseButton.PRIMARY).moveBy(0, -250).drop();
        assertOnScreen("form");
        assertThat(offset()).as("the form moved under the finger").isGreaterThan(before);
        assertThat(selected(choice)).as("a drag presses nothing: the choice stays chosen").isTrue();
    }
}
