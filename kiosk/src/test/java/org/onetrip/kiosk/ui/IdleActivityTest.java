package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.SwipeEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * The idle warning: it hides the half-filled form under it, scrolling and touching count as
 * activity like a tap, and "I need more time" gives the focus back to the field being filled.
 */
class IdleActivityTest extends KioskUiTestBase {

    private void toFormWithPhone() {
        awaitScreen("home");
        tap("#tile-livelihood");
        tap("#service-residence-certificate");
        awaitScreen("identify");
        reader().place(FictionalCards.OUYANG_ELDER);
        awaitScreen("form");
        tap("#field-phone");
        typeOnPad("1380013");
    }

    /** Texts a person can see: every ancestor visible and not transparent. */
    private List<String> visibleTexts() {
        List<String> out = new ArrayList<>();
        interact(() -> collect(lookup("#kiosk").query(), out));
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
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

    private boolean warning() {
        return lookup("#idle-overlay").query().isVisible();
    }

    /** One idle check now, as the ticker makes four times a second. */
    private void tick() {
        interact(() -> ui.tick());
    }

    @Test
    void theWarningHidesTheHalfFilledFormUnderIt() {
        toFormWithPhone();
        assertThat(visibleTexts()).contains("1380013", "欧阳秀英");
        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", this::warning);
        assertThat(visibleTexts()).noneMatch(s -> s.contains("1380013") || s.contains("欧阳")
                || s.contains(FictionalCards.OUYANG_ELDER.address()));
        assertThat(visibleTexts()).contains(ui.flow().texts().get("idle.more"));
        snapshot("idle-warning-hides-form");
        tap("#more-time");
        await("the warning to go", () -> !warning());
        assertThat(visibleTexts()).contains("1380013");
    }

    @Test
    void wheelAndTouchScrollingCountAsActivity() {
        toFormWithPhone();
        Node form = lookup("#form-scroll").query();
        // Each step: 35 s after the last activity, one kind of scrolling, then 35 s more. Had it
        // not counted, 70 s without activity would have ended the visit (timeout 60 s).
        clock.advance(Duration.ofSeconds(35));
        interact(() -> Event.fireEvent(form, new ScrollEvent(ScrollEvent.SCROLL, 600, 400, 600, 400, false, false,
                false, false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        clock.advance(Duration.ofSeconds(35));
        tick();
        assertOnScreen("form");
        assertThat(warning()).as("35 s after the wheel").isFalse();
        // A finger dragging on the glass.
        TouchPoint p = new TouchPoint(1, TouchPoint.State.MOVED, 600, 400, 600, 400, form, (PickResult) null);
        interact(() -> Event.fireEvent(form, new TouchEvent(TouchEvent.TOUCH_MOVED, p, List.of(p), 1, false, false,
                false, false)));
        clock.advance(Duration.ofSeconds(35));
        tick();
        assertOnScreen("form");
        assertThat(warning()).as("35 s after a touch move").isFalse();
        // A swipe.
        interact(() -> Event.fireEvent(form, new SwipeEvent(SwipeEvent.SWIPE_UP, 600, 400, 600, 400, false, false,
                false, false, true, 1, null)));
        clock.advance(Duration.ofSeconds(35));
        tick();
        assertOnScreen("form");
        assertThat(warning()).as("35 s after a swipe").isFalse();
        // Scrolling while the warning shows takes it away.
        clock.advance(Duration.ofSeconds(6));
        await("the idle warning", this::warning);
        interact(() -> Event.fireEvent(form, new ScrollEvent(ScrollEvent.SCROLL_STARTED, 600, 400, 600, 400, false,
                false, false, false, true, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 1, null)));
        tick();
        assertThat(warning()).isFalse();
        assertOnScreen("form");
        assertThat(ui.flow().session().values()).containsEntry("phone", "1380013");
    }

    @Test
    void moreTimeGivesTheFocusBackToTheFieldSoEnterDoesNotWipeTheForm() {
        toFormWithPhone();
        TextInputControl phone = lookup("#field-phone").query();
        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", this::warning);
        tap("#more-time");
        await("the warning to go", () -> !warning());
        await("the phone to have the focus again", phone::isFocused);
        type(KeyCode.ENTER);
        assertOnScreen("form");
        typeOnPad("8000");
        assertThat(ui.flow().session().values()).containsEntry("phone", "13800138000");
        // Esc answers the warning as well, and the focus stays too.
        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", this::warning);
        type(KeyCode.ESCAPE);
        await("the warning to go", () -> !warning());
        assertOnScreen("form");
        assertThat(phone.isFocused()).isTrue();
    }
}
