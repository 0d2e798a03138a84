package org.onetrip.kiosk.ui.speech;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import org.onetrip.kiosk.speech.Utterance;
import org.onetrip.kiosk.ui.Navigator;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;

/**
 * The one place that decides what is spoken, so no screen calls the speech port itself:
 * <ul>
 * <li>a screen shown (or rebuilt with other words, e.g. another language): its
 * {@link Screen#spoken} prompt, else its title and subtitle as drawn;</li>
 * <li>the focused control, when a key or a touch moved the focus there (a field tapped, Tab): its
 * accessible text, or its label; never a field's value, which is the resident's own data and may
 * be heard by the next person in the queue; and again when the resident changes its accessible
 * text (a switch turned: "high contrast is on");</li>
 * <li>errors: any label styled {@code field-error} or {@code error} that shows a new text;</li>
 * <li>whatever the UI {@link #announce}s (the idle countdown when it starts warning).</li>
 * </ul>
 * What one pulse asks for is said as one utterance, after layout, so a screen's prompt is not cut
 * off by the focus its first button takes a moment later; the next utterance interrupts it.
 * Nothing is done while speech is off. JavaFX thread only.
 */
public final class Narrator {
    private final SpeechControl control;
    private final Texts texts;
    private final Navigator nav;
    private final Scene scene;
    private Utterance pendingPrompt;
    private final List<Utterance> pendingAnnouncements = new ArrayList<>();
    private Utterance pendingFocus;
    /** The focus owner, whose accessible text is said again when the resident changes it (a switch turned). */
    private Node watched;
    private final javafx.beans.value.ChangeListener<String> stateSaid = (o, was, now) -> stateChanged(now);
    /** Set while a key or pointer event is dispatched: focus it moves is the resident's doing. */
    private boolean keyInput;
    private boolean pointerInput;
    private Screen promptScreen;
    private String promptText = "";
    private final Set<String> errorsSaid = new LinkedHashSet<>();

    public Narrator(SpeechControl control, Texts texts, Navigator nav, Scene scene) {
        this.control = control;
        this.texts = texts;
        this.nav = nav;
        this.scene = scene;
    }

    /** Hooks into the navigator, the scene's focus and its pulses. */
    public Narrator install() {
        nav.setOnShown(this::shown);
        // Pressed and released both: a button or a switch acts on the release (SPACE, a lifted
        // finger), which may come a pulse after the press.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> key());
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> key());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pointer());
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> pointer());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> pointer());
        scene.addEventFilter(TouchEvent.TOUCH_RELEASED, e -> pointer());
        scene.focusOwnerProperty().addListener((o, was, now) -> focused(now));
        scene.addPostLayoutPulseListener(this::flush);
        control.onProperty().addListener((o, was, now) -> {
            if (now) {
                promptScreen = null; // say where the resident is, as if the screen had just shown
                shown(nav.current());
            } else {
                pendingPrompt = null;
                pendingAnnouncements.clear();
                pendingFocus = null;
            }
        });
        return this;
    }

    private void key() {
        keyInput = true;
        Platform.runLater(() -> keyInput = false);
    }

    private void pointer() {
        pointerInput = true;
        Platform.runLater(() -> pointerInput = false);
    }

    /** Something to say with the next pulse's utterance (the idle countdown). */
    public void announce(Utterance u) {
        if (control.isOn() && u != null && !u.isEmpty()) {
            pendingAnnouncements.add(u);
            Platform.requestNextPulse();
        }
    }

    private void shown(Screen s) {
        if (s == null || !control.isOn()) {
            return;
        }
        Utterance u = promptOf(s);
        if (s == promptScreen && u.text().equals(promptText)) {
            return; // rebuilt with the same words (a device status changed): said already
        }
        if (s != promptScreen) {
            errorsSaid.clear();
        }
        promptScreen = s;
        promptText = u.text();
        pendingPrompt = u;
        Platform.requestNextPulse();
    }

    private Utterance promptOf(Screen s) {
        Utterance u = s.spoken(texts);
        if (u != null) {
            return u;
        }
        // Not written for speech: its title and subtitle, as the eye reads them first.
        Utterance.Builder b = Utterance.in(texts.locale());
        Node view = scene.lookup("#" + s.id());
        if (view != null) {
            for (String cls : new String[] {".title", ".subtitle"}) {
                view.lookupAll(cls).stream().filter(n -> n instanceof Labeled && shown(n))
                        .forEach(n -> b.text(((Labeled) n).getText()));
            }
        }
        return b.build();
    }

    private void stateChanged(String now) {
        if (control.isOn() && (keyInput || pointerInput) && now != null && !now.isBlank()) {
            pendingFocus = Utterance.of(texts.locale(), now);
            Platform.requestNextPulse();
        }
    }

    private void focused(Node n) {
        if (watched != null) {
            watched.accessibleTextProperty().removeListener(stateSaid);
        }
        watched = n;
        if (n != null) {
            n.accessibleTextProperty().addListener(stateSaid);
        }
        if (n == null || !control.isOn() || !(keyInput || pointerInput && n instanceof TextInputControl)) {
            return;
        }
        String text = accessibleText(n);
        if (!text.isBlank()) {
            pendingFocus = Utterance.of(texts.locale(), text);
            Platform.requestNextPulse();
        }
    }

    /**
     * What a screen reader would say for {@code n}: its accessible text; a button's text, or the
     * labels inside its graphic (the home tiles); a field's label ({@code labelFor}) or prompt.
     */
    public static String accessibleText(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return n.getAccessibleText();
        }
        if (n instanceof Labeled l) {
            if (l.getText() != null && !l.getText().isBlank()) {
                return l.getText();
            }
            if (l.getGraphic() != null) {
                List<String> parts = new ArrayList<>();
                collectLabels(l.getGraphic(), parts);
                return String.join(" ", parts);
            }
            return "";
        }
        if (n instanceof TextInputControl t) {
            if (n.getScene() != null) {
                for (Node c : n.getScene().getRoot().lookupAll(".label")) {
                    if (c instanceof Label l && l.getLabelFor() == n && l.getText() != null) {
                        return l.getText();
                    }
                }
            }
            String near = nearbyLabel(n);
            if (!near.isBlank()) {
                return near;
            }
            return t.getPromptText() == null ? "" : t.getPromptText();
        }
        return n.getAccessibleHelp() == null ? "" : n.getAccessibleHelp();
    }

    /**
     * A field's caption when nothing ties it to the field: the first label before it in its box
     * (the form's "label, field, error" cards), looking a few boxes up.
     */
    private static String nearbyLabel(Node n) {
        Node child = n;
        for (Parent p = n.getParent(); p != null && p.getParent() != null && child != null; child = p, p = p.getParent()) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c == child) {
                    break;
                }
                if (c instanceof Label l && l.getText() != null && !l.getText().isBlank()
                        && !l.getStyleClass().contains("field-error")) {
                    return l.getText();
                }
            }
            if (p.getStyleClass().contains("screen")) {
                break;
            }
        }
        return "";
    }

    private static void collectLabels(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectLabels(c, out);
            }
        }
    }

    /** After each pulse's layout: says in one utterance what this pulse asked for. */
    private void flush() {
        if (!control.isOn()) {
            return;
        }
        Utterance.Builder b = Utterance.in(texts.locale());
        boolean any = false;
        if (pendingPrompt != null) {
            b.add(pendingPrompt);
            any = true;
        }
        for (Utterance a : pendingAnnouncements) {
            b.add(a);
            any = true;
        }
        String sofar = b.build().text();
        for (String e : newErrors()) {
            if (!sofar.contains(e)) {
                b.text(e);
                any = true;
            }
        }
        if (pendingFocus != null) {
            b.add(pendingFocus);
            any = true;
        }
        pendingPrompt = null;
        pendingAnnouncements.clear();
        pendingFocus = null;
        if (any) {
            Utterance u = b.build();
            if (!u.isEmpty()) {
                control.speech().say(u);
            }
        }
    }

    /** Error texts on screen now that were not said on this screen yet. */
    private List<String> newErrors() {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        Set<Node> found = new LinkedHashSet<>(root.lookupAll(".field-error"));
        found.addAll(root.lookupAll(".error"));
        Set<String> now = new LinkedHashSet<>();
        for (Node n : found) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && shown(n)) {
                now.add(l.getText());
                if (!errorsSaid.contains(l.getText())) {
                    out.add(l.getText());
                }
            }
        }
        // An error that went away and comes back (the same field left empty twice) is said again.
        errorsSaid.retainAll(now);
        errorsSaid.addAll(out);
        return out;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }
}
