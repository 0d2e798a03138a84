package org.onetrip.kiosk.ui.idle;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * "Are you still there?" with a visible countdown and "I need more time". While it shows, the
 * screen under it is hidden (a half-filled form is nobody else's business), and when it goes the
 * focus is where it was, so the next Enter goes on with the field being filled.
 */
public final class IdleOverlay extends StackPane {
    private final Label countdown = new Label();
    private final Button more = new Button();
    private final Label question = new Label();
    private final Label explain = new Label();
    private final VBox box;
    private final Node covered;
    private Node focusBefore;

    /**
     * @param covered what the overlay hides while it shows (the screen area; the header holds
     *     nothing personal)
     */
    public IdleOverlay(Runnable onMoreTime, Node covered) {
        this.covered = covered;
        setId("idle-overlay");
        getStyleClass().add("overlay");
        countdown.setId("idle-countdown");
        countdown.getStyleClass().add("countdown");
        question.getStyleClass().add(Ui.SUBTITLE);
        question.setWrapText(true);
        more.setId("more-time");
        more.getStyleClass().add(Ui.PRIMARY);
        // A tap must not take the focus from the field being filled (Enter and Esc answer too).
        more.setFocusTraversable(false);
        more.setOnAction(e -> onMoreTime.run());
        explain.setId("idle-explain");
        explain.getStyleClass().add(Ui.BODY);
        explain.setWrapText(true);
        explain.setTextAlignment(javafx.scene.text.TextAlignment.CENTER); // its lines, when it wraps
        explain.setAlignment(Pos.CENTER); // one line in a wider label (the elders' card) too
        explain.setMaxWidth(560);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap, never cut with "…"
        box = new VBox(20, question, countdown, explain, more);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll(Ui.CARD, "dialog");
        // As tall as its words: a fixed height (700 px in the elders' mode) reached into the
        // header, over half the clock and half the Home button (screens review 3, 4).
        box.setMaxSize(640, javafx.scene.layout.Region.USE_PREF_SIZE);
        // The card joins the scene when first shown: hidden, its skins, CSS and layout were still
        // made before the home screen's first frame (issue 13, cold start).
        setVisible(false);
    }

    /** Shows (or updates) the countdown; {@code noticeKey} explains what happens at zero. */
    public void show(Texts t, long secondsLeft, String noticeKey) {
        if (!isVisible()) {
            focusBefore = getScene() == null ? null : getScene().getFocusOwner();
        }
        if (getChildren().isEmpty()) {
            getChildren().add(box);
        }
        question.setText(t.get("idle.question"));
        countdown.setText(t.get("idle.seconds", secondsLeft));
        explain.setText(t.get(noticeKey, secondsLeft));
        more.setText(t.get("idle.more"));
        covered.setOpacity(0); // not setVisible: hiding would move the focus away from the field
        setVisible(true);
    }

    /** Hides the overlay and gives the focus back to where it was, if that is still on screen. */
    public void hide() {
        if (!isVisible()) {
            return;
        }
        setVisible(false);
        covered.setOpacity(1);
        Node back = focusBefore;
        focusBefore = null;
        if (back != null && back.getScene() == getScene() && getScene() != null && showing(back)
                && getScene().getFocusOwner() != back) {
            back.requestFocus();
        }
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.isDisabled()) {
                return false;
            }
        }
        return true;
    }
}
