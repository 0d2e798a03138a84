package org.onetrip.kiosk.ui.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.AttributeValue;
import org.onetrip.kiosk.catalog.FieldError;
import org.onetrip.kiosk.catalog.FormValidator;
import org.onetrip.kiosk.catalog.InputKind;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.IdentityPanel;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.onetrip.kiosk.ime.handwriting.HandwritingRecognizer;
import org.onetrip.kiosk.ui.keyboard.HandwritingPad;
import org.onetrip.kiosk.ui.keyboard.Keypad;
import org.onetrip.kiosk.ui.keyboard.OnScreenKeyboard;

/**
 * The service's form: what the cards said (read-only), then each field with a touch-friendly input
 * chosen by its kind, and its validation message beside it. Values live in the session, so a
 * language switch or "edit" from the review keeps them.
 *
 * <p>The input follows the focus: whichever field holds it gets its keypad (beside the fields) or
 * keyboard or date picker (docked below them), and nothing else does; when the focus leaves the
 * fields, the input goes away. While a docked input shows, the title and the buttons make room so
 * the field being filled stays in view with several rows of the form around it.
 */
public final class FormScreen implements Screen {
    private final Flow flow;
    private final FormValidator validator;
    private final Map<String, Label> errorLabels = new HashMap<>();
    /** What takes the focus for each field: its text field, or its first choice. */
    private final Map<String, Node> inputs = new HashMap<>();
    private final Map<String, Node> cards = new HashMap<>();
    private final Map<Node, Attribute> typed = new HashMap<>();
    private final Map<Node, Attribute> dates = new HashMap<>();
    private VBox root;
    private VBox heading;
    private HBox actions;
    private ScrollPane scroll;
    private StackPane sideArea;
    private StackPane bottomArea;
    private Label summary;
    private Keypad keypad;
    private Keypad idPad;
    private OnScreenKeyboard keyboard;
    /** Set once Next found something missing: the summary beside Next then counts what is left. */
    private boolean nextTried;
    /**
     * The elders' mode shows one page at a time (issue 12: fewer items per screen): the card(s)
     * read from the ID card first, then one question a page. Kept across rebuilds.
     */
    private final List<Node> pages = new ArrayList<>();
    private int page;
    private Label pageLabel;
    /** The heading's second line: how to fill the form, or on the elders' card page what to do there. */
    private Label sub;

    public FormScreen(Flow flow) {
        this.flow = flow;
        // The kiosk's clock, as the filing service uses: the screen and the filing agree on "today".
        this.validator = new FormValidator(flow.clock());
    }

    @Override
    public String id() {
        return "form";
    }

    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).text(t.of(flow.session().service().name())).key("form.subtitle").build();
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        ServiceDefinition s = flow.session().service();
        errorLabels.clear();
        inputs.clear();
        cards.clear();
        typed.clear();
        dates.clear();
        Label title = Ui.label(t.of(s.name()), Ui.TITLE);
        sub = Ui.label(t.get("form.subtitle"), Ui.SUBTITLE);
        sub.setId("form-subtitle");
        heading = new VBox(6, title, sub);

        keypad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "");
        idPad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "X");
        idPad.setId("idpad");
        keyboard = keyboard(t);
        // Keypads sit beside the fields so the field stays in view; the wide keyboard and the
        // date picker dock below.
        sideArea = padArea("side-input");
        bottomArea = padArea("bottom-input");

        VBox fields = new VBox(18);
        fields.getStyleClass().add("form-fields");
        if (flow.session().agent() != null) {
            fields.getChildren().add(IdentityPanel.of(t, "identity.agent", flow.session().agent(), "agent"));
        }
        if (flow.session().resident() != null) {
            fields.getChildren().add(IdentityPanel.of(t, "identity.resident", flow.session().resident(), "resident"));
        }
        for (Attribute a : s.attributes()) {
            fields.getChildren().add(field(a, t));
        }
        if (s.attributes().isEmpty()) {
            fields.getChildren().add(Ui.label(t.get("form.no-fields"), Ui.BODY));
        }
        pages.clear();
        if (flow.session().elders()) {
            int identities = fields.getChildren().size() - s.attributes().size();
            if (identities > 0) {
                VBox who = new VBox(18, fields.getChildren().subList(0, identities).toArray(Node[]::new));
                fields.getChildren().add(0, who);
            }
            pages.addAll(fields.getChildren());
        }
        scroll = new ScrollPane(fields);
        scroll.setId("form-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        // A finger drags the form anywhere, as on the service list; a tap within the slop still
        // focuses a field or presses a choice. The form keeps the focused field in view itself.
        org.onetrip.kiosk.ui.TouchScroll.installDragOnly(scroll);

        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> back());
        Button next = Ui.button("next", t.get("action.next"), Ui.PRIMARY, null);
        next.setDefaultButton(false);
        next.setOnAction(e -> pageOrNext());
        summary = Ui.label("", Ui.ERROR);
        summary.setId("form-summary");
        summary.setMaxWidth(520);
        actions = Ui.actions(back, Ui.spacer(), summary, next);
        if (!pages.isEmpty()) {
            pageLabel = Ui.label("", Ui.BODY);
            pageLabel.setId("form-page");
            pageLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            actions.getChildren().add(2, pageLabel);
            showPage(Math.min(page, pages.size() - 1));
        }
        HBox main = new HBox(20, scroll, sideArea);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(main, Priority.ALWAYS);
        root = new VBox(16, heading, main, bottomArea, actions);
        // Errors shown before a rebuild (language switch) are shown again, in the new language.
        for (Attribute a : s.attributes()) {
            if (nextTried) {
                check(a);
            }
        }
        updateSummary();
        followFocus(root);
        return root;
    }

    /**
     * Shows the input of whichever field holds the focus, and keeps that field in view after each
     * layout that asked for it, for as long as this view is in a scene.
     */
    private void followFocus(Parent view) {
        ChangeListener<Node> onFocus = (o, was, now) -> focusMoved(now);
        Runnable afterLayout = this::revealIfAsked;
        view.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(onFocus);
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(onFocus);
                now.addPostLayoutPulseListener(afterLayout);
                focusMoved(now.getFocusOwner());
            }
        });
        // The docked input changes height while a field is typed (the keyboard's 手写 pad, the
        // pinyin candidates, the elders' larger keys): the band of the form left shrinks or grows
        // after the dock, so the field is revealed again once that layout is done.
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was.getHeight() != now.getHeight() || was.getWidth() != now.getWidth()) {
                askReveal(Reveal.FIELD);
            }
        });
    }

    /** What the next layout brings into view: nothing, the caret's line if it left the band, or the field. */
    private enum Reveal { NONE, CARET, FIELD }

    private Reveal asked = Reveal.NONE;

    private void askReveal(Reveal r) {
        if (r.compareTo(asked) > 0) {
            asked = r;
            javafx.application.Platform.requestNextPulse();
        }
    }

    /**
     * After the layout (before the frame is drawn, so nothing jumps on screen): reveals the field
     * being filled as asked. A field the resident moved away from, or a form dragged while no field
     * is being filled, is left where it is.
     */
    private void revealIfAsked() {
        Reveal r = asked;
        asked = Reveal.NONE;
        if (r == Reveal.NONE || root.getScene() == null || !bottomArea.isVisible() && !sideArea.isVisible()) {
            return;
        }
        Node focus = root.getScene().getFocusOwner();
        if (!typed.containsKey(focus) && !dates.containsKey(focus)) {
            return;
        }
        if (r == Reveal.FIELD || !inBand(caretLine(focus))) {
            reveal(focus);
        }
    }

    private void focusMoved(Node now) {
        Attribute a = typed.get(now);
        if (a != null) {
            boolean idNumber = a.validation().kind().equals("id_number");
            showInput(idNumber ? idPad : a.inputKind() == InputKind.KEYPAD ? keypad : keyboard, (TextInputControl) now);
            return;
        }
        Attribute d = dates.get(now);
        if (d != null) {
            showDatePicker(d, (TextField) now);
            return;
        }
        hideInputs();
    }

    /**
     * The keyboard in the session's language; a Chinese one types pinyin, its dictionary read now
     * (in the background) if no form has needed it yet, so it is ready by the first letter.
     */
    private OnScreenKeyboard keyboard(Texts t) {
        OnScreenKeyboard.Labels labels = new OnScreenKeyboard.Labels(t.get("key.space"), t.get("key.backspace"),
                t.get("key.done"), t.get("ime.mode.pinyin"), t.get("ime.mode.latin"), t.get("ime.page.previous"),
                t.get("ime.page.next"), t.get("ime.preparing"));
        boolean chinese = "zh".equals(t.locale().getLanguage());
        boolean freeText = flow.session().service().attributes().stream()
                .anyMatch(a -> a.inputKind() == InputKind.KEYBOARD && !a.validation().kind().equals("id_number"));
        OnScreenKeyboard k = new OnScreenKeyboard(labels, chinese, chinese && freeText ? flow.pinyin().converter() : null,
                flow.fx(), this::putAway);
        HandwritingRecognizer hw = flow.kiosk().handwriting();
        if (chinese && freeText && hw.isOnline()) {
            k.addHandwriting(new HandwritingPad(hw, flow.background(), flow.bridge()::post,
                    t.get("handwriting.clear"), t.get("handwriting.undo")),
                    t.get("key.handwriting"), t.get("key.letters"), t.get("key.done"));
        }
        return k;
    }

    private static StackPane padArea(String id) {
        StackPane area = new StackPane();
        area.setId(id);
        area.getStyleClass().add("input-area");
        area.setManaged(false);
        area.setVisible(false);
        return area;
    }

    private VBox field(Attribute a, Texts t) {
        Label label = Ui.label(t.of(a.description()) + (a.required() ? " *" : ""), "field-label");
        Label hint = Ui.label(t.of(a.datatypeDescription()), Ui.HINT);
        Label error = Ui.label("", Ui.ERROR);
        error.setId("error-" + a.code());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        errorLabels.put(a.code(), error);
        Node input = input(a, t);
        VBox box = new VBox(6, label, input, error);
        if (!hint.getText().isEmpty() && a.inputKind() != InputKind.DATE) {
            box.getChildren().add(2, hint); // a date's hint is about typing it, which nobody does now
        }
        box.setId("card-" + a.code());
        box.getStyleClass().addAll(Ui.CARD, "field");
        box.setAccessibleText(t.of(a.description())); // said when Next brings the focus to the question
        cards.put(a.code(), box);
        return box;
    }

    private Node input(Attribute a, Texts t) {
        Map<String, String> values = flow.session().values();
        String current = values.getOrDefault(a.code(), "");
        InputKind kind = a.inputKind();
        switch (kind) {
            case CHOICE -> {
                FlowPane pane = new FlowPane(12, 12);
                ToggleGroup group = new ToggleGroup();
                for (AttributeValue v : a.values()) {
                    ToggleButton b = choice(a, v, t);
                    b.setToggleGroup(group);
                    b.setSelected(v.key().equals(current));
                    pane.getChildren().add(b);
                }
                group.selectedToggleProperty().addListener((o, was, now) -> {
                    if (now == null) {
                        values.remove(a.code());
                    } else {
                        values.put(a.code(), (String) now.getUserData());
                    }
                    checkLeft(a);
                });
                inputs.put(a.code(), pane.getChildren().isEmpty() ? pane : pane.getChildren().get(0));
                return pane;
            }
            case MULTI_CHOICE -> {
                FlowPane pane = new FlowPane(12, 12);
                Set<String> chosen = new LinkedHashSet<>(current.isEmpty() ? List.of() : List.of(current.split(",")));
                for (AttributeValue v : a.values()) {
                    ToggleButton b = choice(a, v, t);
                    b.setSelected(chosen.contains(v.key()));
                    b.selectedProperty().addListener((o, was, now) -> {
                        List<String> keys = new ArrayList<>();
                        for (Node n : pane.getChildren()) {
                            ToggleButton tb = (ToggleButton) n;
                            if (tb.isSelected()) {
                                keys.add((String) tb.getUserData());
                            }
                        }
                        if (keys.isEmpty()) {
                            values.remove(a.code());
                        } else {
                            values.put(a.code(), String.join(",", keys));
                        }
                        checkLeft(a);
                    });
                    pane.getChildren().add(b);
                }
                inputs.put(a.code(), pane.getChildren().isEmpty() ? pane : pane.getChildren().get(0));
                return pane;
            }
            case DATE -> {
                // Not typed: the field shows the date written out and opens the picker.
                TextField field = new TextField(current.isEmpty() ? "" : display(t, current));
                field.setId("field-" + a.code());
                field.getStyleClass().addAll("field-input", "date-field");
                field.setEditable(false);
                field.setPromptText(t.get("date.prompt"));
                dates.put(field, a);
                inputs.put(a.code(), field);
                return field;
            }
            default -> {
                return textInput(a, t, kind, current);
            }
        }
    }

    private Node textInput(Attribute a, Texts t, InputKind kind, String current) {
        Map<String, String> values = flow.session().values();
        TextInputControl text = a.datatype() == org.onetrip.kiosk.catalog.Datatype.TEXT ? new TextArea() : new TextField();
        text.setId("field-" + a.code());
        text.getStyleClass().add("field-input");
        if (text instanceof TextArea area) {
            area.setWrapText(true);
            area.setPrefRowCount(3);
        }
        int max = a.validation().maxLength();
        boolean idNumber = a.validation().kind().equals("id_number");
        String allowed = idNumber ? "[0-9X]*" : kind == InputKind.KEYPAD ? "-?[0-9]*" : null;
        text.setTextFormatter(new TextFormatter<String>(change -> {
            if (idNumber) {
                change.setText(change.getText().toUpperCase(java.util.Locale.ROOT));
            }
            String next = change.getControlNewText();
            if (next.codePointCount(0, next.length()) > max || (allowed != null && !next.matches(allowed))) {
                return null;
            }
            return change;
        }));
        text.setText(current);
        text.textProperty().addListener((o, was, now) -> {
            if (now.isBlank()) {
                values.remove(a.code());
            } else {
                values.put(a.code(), now);
            }
            changed(a);
        });
        text.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && text.getScene() != null) {
                checkLeft(a); // left the field: now say what is wrong with it
            }
        });
        // Text running onto a new line moves the caret down, maybe out of a small band.
        text.caretPositionProperty().addListener((o, was, now) -> {
            if (text.isFocused()) {
                askReveal(Reveal.CARET);
            }
        });
        typed.put(text, a);
        inputs.put(a.code(), text);
        if (a.phrases().isEmpty()) {
            return text;
        }
        FlowPane chips = new FlowPane(10, 10);
        boolean pieces = Phrases.pieces(a);
        // Where a phrase goes: the caret as the resident left it (the end of a selection). The
        // field puts its caret back to the start when it loses the focus.
        int[] caret = {text.getLength()};
        text.selectionProperty().addListener((o, was, now) -> {
            if (text.isFocused()) {
                caret[0] = now.getEnd();
            }
        });
        int i = 0;
        for (LocalizedText p : a.phrases()) {
            String written = Phrases.written(a, p, t.isChinese());
            Button chip = new Button(written);
            chip.setId("phrase-" + a.code() + "-" + i++);
            chip.getStyleClass().add("phrase");
            // Like a key: tapped while the field is typed, the field keeps the focus and its
            // keyboard (a chip taking the focus sent the keyboard away under the finger).
            chip.setFocusTraversable(false);
            if (!written.equals(t.of(p))) {
                // A Chinese piece in an English session: what it means, beside what it writes.
                Label meaning = Ui.label(t.of(p), "phrase-meaning");
                chip.setGraphic(meaning);
                chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                chip.setAccessibleText(written + " " + t.of(p));
            }
            chip.setOnAction(e -> {
                Phrases.Insertion in = Phrases.insert(text.getText(), caret[0], written, pieces, t.isChinese());
                String was = text.getText();
                text.replaceText(in.from(), in.to(), in.text());
                if (!text.getText().equals(was)) { // else too long for the field: its formatter said no
                    caret[0] = in.from() + in.text().length();
                    text.positionCaret(caret[0]);
                }
                check(a);
            });
            chips.getChildren().add(chip);
        }
        Label chipHint = Ui.label(t.get(pieces && !t.isChinese() ? "form.phrases.chinese" : "form.phrases"), Ui.HINT);
        return new VBox(8, text, chipHint, chips);
    }

    /** The stored ISO date written out for a person; a value that is not a date is shown as it is. */
    public static String display(Texts t, String iso) {
        try {
            return DateStepper.format(t, LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private void showInput(Node pad, TextInputControl target) {
        keypad.targetProperty().set(pad == keypad ? target : null);
        idPad.targetProperty().set(pad == idPad ? target : null);
        keyboard.targetProperty().set(pad == keyboard ? target : null);
        dock(pad, pad == keyboard, target);
    }

    private void showDatePicker(Attribute a, TextField field) {
        keypad.targetProperty().set(null);
        idPad.targetProperty().set(null);
        keyboard.targetProperty().set(null);
        LocalDate today = LocalDate.now(flow.clock());
        LocalDate current = null;
        String v = flow.session().values().get(a.code());
        if (v != null) {
            try {
                current = LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                current = null;
            }
        }
        Texts t = flow.texts();
        DateStepper picker = new DateStepper(t, DateBounds.of(a, today), today, current, d -> {
            flow.session().values().put(a.code(), d.toString());
            field.setText(DateStepper.format(t, d));
            changed(a);
        }, this::putAway);
        dock(picker, true, field);
    }

    /** Shows {@code pad} beside the fields, or docked below them, and keeps {@code target} in view. */
    private void dock(Node pad, boolean wide, Node target) {
        StackPane show = wide ? bottomArea : sideArea;
        StackPane hide = wide ? sideArea : bottomArea;
        hide.getChildren().clear();
        hide.setManaged(false);
        hide.setVisible(false);
        HBox centred = new HBox(pad);
        centred.setAlignment(Pos.CENTER);
        show.getChildren().setAll(centred);
        show.setManaged(true);
        show.setVisible(true);
        // A docked input takes the height of the title and of the buttons: it offers "done".
        heading.setManaged(!wide);
        heading.setVisible(!wide);
        actions.setManaged(!wide);
        actions.setVisible(!wide);
        reveal(target);
    }

    private void hideInputs() {
        keypad.targetProperty().set(null);
        idPad.targetProperty().set(null);
        keyboard.targetProperty().set(null);
        for (StackPane area : new StackPane[] {sideArea, bottomArea}) {
            area.getChildren().clear();
            area.setManaged(false);
            area.setVisible(false);
        }
        heading.setManaged(true);
        heading.setVisible(true);
        actions.setManaged(true);
        actions.setVisible(true);
    }

    /** Esc while the keyboard or the date picker is docked puts it away (the buttons are hidden). */
    @Override
    public boolean escape() {
        if (bottomArea == null || !bottomArea.isVisible()) {
            return false;
        }
        putAway();
        return true;
    }

    /** "Done" on the keyboard or the date picker: the field lets go of the focus, the input goes. */
    private void putAway() {
        root.requestFocus();
    }

    /**
     * Scrolls the fields so as much of {@code n}'s question shows as fits, in this order: the
     * whole card (label, input, phrases, error); its label down to the input's bottom; its label
     * down to the caret's line; the input's top down to the caret's line; the caret's line alone.
     * The caret's line (where the text goes) is the last to give way, before the label: in a
     * small band (the writing pad, the elders' keyboard) the resident must see what goes in. Lays
     * the screen out first: the input that just appeared has changed the viewport's height.
     */
    private void reveal(Node n) {
        if (root.getScene() == null) {
            return;
        }
        root.applyCss();
        root.layout();
        Node content = scroll.getContent();
        double viewport = scroll.getViewportBounds().getHeight();
        double range = content.getBoundsInLocal().getHeight() - viewport;
        if (range <= 0) {
            return;
        }
        Bounds field = inContent(n);
        Bounds line = inContent(caretLine(n));
        Node card = cardOf(n);
        Bounds whole = card == null ? field : inContent(card);
        Node label = card == null ? null : card.lookup(".field-label");
        double labelTop = label == null ? whole.getMinY() : inContent(label).getMinY();
        double[][] choices = {
            {whole.getMinY(), whole.getMaxY()},
            {labelTop, field.getMaxY()},
            {labelTop, line.getMaxY()},
            {field.getMinY(), line.getMaxY()},
            {line.getMinY(), line.getMaxY()},
        };
        double minY = line.getMinY();
        double maxY = line.getMaxY();
        for (double[] c : choices) {
            if (c[1] - c[0] <= viewport) {
                minY = c[0];
                maxY = c[1];
                break;
            }
        }
        // A margin above and below when there is room for it; else the top shows first.
        double margin = Math.max(0, Math.min(12, (viewport - (maxY - minY)) / 2));
        double top = scroll.getVvalue() * range;
        double y = top;
        if (minY - margin < top || maxY - minY > viewport) {
            y = minY - margin;
        } else if (maxY + margin > top + viewport) {
            y = maxY + margin - viewport;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
        scroll.layout();
    }

    /** {@code b}, in the scene, in the scrolled content's coordinates. */
    private Bounds inContent(Bounds b) {
        return scroll.getContent().sceneToLocal(b);
    }

    private Bounds inContent(Node n) {
        return inContent(n.localToScene(n.getBoundsInLocal()));
    }

    /**
     * The line the caret is on, in the scene: a text area's caret (its skin's, where the next
     * character goes, after the area's own scrolling); a one-line field or anything else is its
     * own line.
     */
    private static Bounds caretLine(Node n) {
        if (n instanceof TextArea area && area.getSkin() instanceof javafx.scene.control.skin.TextAreaSkin skin) {
            Bounds caret = skin.getCaretBounds();
            if (caret != null && !caret.isEmpty() && caret.getHeight() > 0) {
                return area.localToScene(caret);
            }
        }
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Whether {@code b} (in the scene) lies within the band of the form now shown. */
    private boolean inBand(Bounds b) {
        Bounds c = inContent(b);
        double viewport = scroll.getViewportBounds().getHeight();
        double range = scroll.getContent().getBoundsInLocal().getHeight() - viewport;
        double top = range <= 0 ? 0 : scroll.getVvalue() * range;
        return c.getMinY() >= top - 0.5 && c.getMaxY() <= top + viewport + 0.5;
    }

    private Node cardOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("field")) {
                return p;
            }
        }
        return null;
    }

    /** The value changed: an error shown for it goes as the resident types, to come back on leaving. */
    private void changed(Attribute a) {
        Label l = errorLabels.get(a.code());
        if (l == null || l.getText().isEmpty()) {
            return;
        }
        FieldError e = validator.validate(a, flow.session().values().get(a.code()));
        Node input = inputs.get(a.code());
        boolean beingTyped = input != null && input.isFocused() && typed.containsKey(input);
        if (e == null || beingTyped) {
            show(a, null);
        } else {
            show(a, e);
        }
    }

    /**
     * A field left, or an answer changed: what is wrong with the value is said now, but a field left
     * empty (or an answer taken back) is not flagged before Next. Tapping through the form, or filling
     * it out of order, left a trail of red 此项必须填写 on fields not yet begun.
     */
    private void checkLeft(Attribute a) {
        String v = flow.session().values().get(a.code());
        if (!nextTried && (v == null || v.isBlank())) {
            show(a, null);
        } else {
            check(a);
        }
    }

    /** Shows the field's error (or clears it); returns true when the value is acceptable. */
    private boolean check(Attribute a) {
        FieldError e = validator.validate(a, flow.session().values().get(a.code()));
        show(a, e);
        return e == null;
    }

    private void show(Attribute a, FieldError e) {
        Label l = errorLabels.get(a.code());
        if (l != null) {
            l.setText(e == null ? "" : describe(e));
        }
        Node card = cards.get(a.code());
        if (card != null) {
            card.getStyleClass().remove("field-invalid");
            if (e != null) {
                card.getStyleClass().add("field-invalid");
            }
        }
        updateSummary();
    }

    private void updateSummary() {
        if (summary == null) {
            return;
        }
        long shown = errorLabels.values().stream().filter(l -> !l.getText().isEmpty()).count();
        summary.setText(nextTried && shown > 0 ? flow.texts().get("form.summary", shown) : "");
    }

    private String describe(FieldError e) {
        Texts t = flow.texts();
        String key = "field.error." + e.kind().name().toLowerCase(java.util.Locale.ROOT);
        return e.kind() == FieldError.Kind.OUT_OF_RANGE || e.kind() == FieldError.Kind.TOO_LONG
                || e.kind() == FieldError.Kind.DATE_TOO_EARLY || e.kind() == FieldError.Kind.DATE_TOO_LATE
                ? t.get(key, e.messageArgs()) : t.get(key);
    }

    /** Back: the page before in the elders' mode, else the service list. */
    private void back() {
        if (!pages.isEmpty() && page > 0) {
            root.requestFocus();
            showPage(page - 1);
            return;
        }
        flow.backToServices();
    }

    /** Next: in the elders' mode the next page once this page's question is right; else {@link #next()}. */
    private void pageOrNext() {
        if (pages.isEmpty() || page == pages.size() - 1) {
            next();
            return;
        }
        Attribute a = attributeOn(page);
        if (a != null && !check(a)) {
            return; // the error shows under the page's one question; nothing else moves
        }
        root.requestFocus(); // the keypad of this page's field goes with it
        showPage(page + 1);
    }

    private Attribute attributeOn(int p) {
        var attributes = flow.session().service().attributes();
        int first = pages.size() - attributes.size();
        return p >= first && p - first < attributes.size() ? attributes.get(p - first) : null;
    }

    private void showPage(int p) {
        page = p;
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).setVisible(i == p);
            pages.get(i).setManaged(i == p);
        }
        // The card's page (who is asking) is no question: it says to check it and how many questions
        // follow; the questions are counted from 1. It read "第 1 项，共 7 项" under "一次填一项".
        Texts t = flow.texts();
        int questions = flow.session().service().attributes().size();
        int first = pages.size() - questions;
        if (p < first) {
            pageLabel.setText(t.get("elders.form.page.who", questions));
            sub.setText(t.get("elders.form.who"));
        } else {
            pageLabel.setText(t.get("elders.form.page", p - first + 1, questions));
            sub.setText(t.get("form.subtitle"));
        }
        scroll.setVvalue(0);
    }

    /** Next: every field is checked; the first one that is not right is brought into view and focused. */
    private void next() {
        ServiceDefinition s = flow.session().service();
        Attribute firstBad = null;
        for (Attribute a : s.attributes()) {
            if (!check(a) && firstBad == null) {
                firstBad = a;
            }
        }
        if (firstBad == null) {
            flow.review();
            return;
        }
        nextTried = true;
        updateSummary();
        Node input = inputs.get(firstBad.code());
        Node card = cards.get(firstBad.code());
        if (!pages.isEmpty() && card != null) {
            showPage(pages.indexOf(card));
        }
        // A text or date field takes the focus (and brings its input up). A choice's question takes
        // it, not its first answer: an answer holding the focus looked chosen. Tab or an arrow
        // goes on from the question to its answers.
        boolean choice = firstBad.inputKind() == InputKind.CHOICE || firstBad.inputKind() == InputKind.MULTI_CHOICE;
        Node focus = choice && card != null ? card : input;
        if (focus != null) {
            focus.requestFocus();
        }
        reveal(card != null ? card : input);
    }

    /** For tests: the scene this screen's view is in, or null. */
    Scene scene() {
        return root == null ? null : root.getScene();
    }

    /** One answer of a choice question: its key as user data, and what a screen reader says of it chosen. */
    private static ToggleButton choice(Attribute a, AttributeValue v, Texts t) {
        String name = t.of(v.name());
        ToggleButton b = new ToggleButton(name);
        b.setId("choice-" + a.code() + "-" + v.key());
        b.getStyleClass().add("choice");
        b.setUserData(v.key());
        Ui.saysState(b, name, t.get("a11y.selected", name));
        return b;
    }
}
