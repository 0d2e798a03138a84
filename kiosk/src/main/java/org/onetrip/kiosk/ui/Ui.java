package org.onetrip.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small builders for the controls every screen uses, so they share one look. */
public final class Ui {
    // Style classes (kiosk.css).
    public static final String TITLE = "title";
    public static final String SUBTITLE = "subtitle";
    public static final String BODY = "body";
    public static final String HINT = "hint";
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";
    public static final String BIG = "big";
    public static final String ERROR = "field-error";
    public static final String CARD = "card";

    private Ui() {
    }

    /**
     * A toggle's accessible text follows its state: {@code off} when off, {@code on} when on. A
     * choice or a switch is drawn the same but for its colour; the Narrator says the focused
     * control's text, and says it again when the resident turns it.
     */
    public static void saysState(javafx.scene.control.ToggleButton b, String off, String on) {
        // A listener, not Bindings.when: see mirror.
        b.setAccessibleText(b.isSelected() ? on : off);
        b.selectedProperty().addListener((o, was, now) -> b.setAccessibleText(now ? on : off));
    }

    /**
     * A toggle's state and the flag it switches take each other's value, as bindBidirectional would:
     * the toggle starts at the flag's value. The flag holds its listener weakly (a screen's toggle
     * goes with its screen; the toggle keeps the listener). Not bindBidirectional, nor any other
     * use of JavaFX's Bindings class before the first frame: without a class archive, checking that
     * class loads some 100 more (issue 13, cold start; UiLogFileCliTest).
     */
    public static void mirror(javafx.scene.control.ToggleButton toggle, javafx.beans.property.BooleanProperty flag) {
        toggle.setSelected(flag.get());
        toggle.selectedProperty().addListener((o, was, now) -> flag.set(now));
        javafx.beans.value.ChangeListener<Boolean> back = (o, was, now) -> toggle.setSelected(now);
        toggle.getProperties().put(MIRROR, back);
        flag.addListener(new javafx.beans.value.WeakChangeListener<>(back));
    }

    private static final Object MIRROR = new Object();

    /**
     * One item of a list ("please bring"): a bullet, and beside it the text, which wraps under
     * itself, not under the bullet, so each item reads as one. The text wraps to the lines it needs,
     * never cut with "…".
     */
    public static HBox bullet(String text) {
        Label dot = label("•", BODY);
        dot.setWrapText(false);
        dot.setMinWidth(Region.USE_PREF_SIZE);
        Label l = label(text, BODY);
        l.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox item = new HBox(8, dot, l);
        item.getStyleClass().add("bullet-item");
        return item;
    }

    /**
     * A number, a date or a code shown whole on one line: a narrow column otherwise breaks it
     * inside ("1992-03-1" / "4", "D-00" / "1"; ScreenAuditTest). Its neighbours wrap instead.
     */
    public static Label unbroken(Label l) {
        l.setWrapText(false);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A wrapping label that keeps no Chinese character alone on a line ({@link NoOrphanLabel}). */
    public static Label label(String text, String styleClass) {
        Label l = new NoOrphanLabel(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }

    public static Button button(String id, String text, String styleClass, String icon) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(styleClass);
        if (icon != null) {
            b.setGraphic(Icons.icon(icon, 28));
            b.setContentDisplay(ContentDisplay.LEFT);
            b.setGraphicTextGap(12);
        }
        return b;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A bottom bar: secondary actions left, the primary action right. */
    public static HBox actions(javafx.scene.Node... nodes) {
        HBox bar = new HBox(24, nodes);
        bar.getStyleClass().add("actions");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
