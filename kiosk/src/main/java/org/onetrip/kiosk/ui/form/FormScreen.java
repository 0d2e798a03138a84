package org.onetrip.kiosk.ui.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
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
import org.onetrip.kiosk.ui.keyboard.Keypad;
import org.onetrip.kiosk.ui.keyboard.OnScreenKeyboard;

/**
 * The service's form: what the cards said (read-only), then each field with a touch-friendly input
 * chosen by its kind, and its validation message beside it. Values live in the session, so a
 * language switch or "edit" from the review keeps them.
 */
public final class FormScreen implements Screen {
    private final Flow flow;
    private final FormValidator validator = new FormValidator();
    private final Map<String, Label> errorLabels = new HashMap<>();
    private final Map<String, Node> inputs = new HashMap<>();
    private StackPane sideArea;
    private StackPane bottomArea;
    private Keypad keypad;
    private Keypad datePad;
    private Keypad idPad;
    private OnScreenKeyboard keyboard;

    public FormScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "form";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        ServiceDefinition s = flow.session().service();
        errorLabels.clear();
        inputs.clear();
        Label title = Ui.label(t.of(s.name()), Ui.TITLE);
        Label sub = Ui.label(t.get("form.subtitle"), Ui.SUBTITLE);

        keypad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "");
        datePad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "-");
        datePad.setId("datepad");
        idPad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "X");
        idPad.setId("idpad");
        keyboard = new OnScreenKeyboard(t.get("key.space"), t.get("key.backspace"));
        // Keypads sit beside the fields so the field stays in view; the wide keyboard docks below.
        sideArea = padArea();
        bottomArea = padArea();

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
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.backToServices());
        Button next = Ui.button("next", t.get("action.next"), Ui.PRIMARY, null);
        next.setDefaultButton(false);
        next.setOnAction(e -> next());
        HBox actions = Ui.actions(back, Ui.spacer(), next);
        HBox main = new HBox(20, scroll, sideArea);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(main, Priority.ALWAYS);
        return new VBox(16, new VBox(6, title, sub), main, bottomArea, actions);
    }

    private static StackPane padArea() {
        StackPane area = new StackPane();
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
        errorLabels.put(a.code(), error);
        Node input = input(a, t);
        inputs.put(a.code(), input);
        VBox box = new VBox(6, label, input, error);
        if (!hint.getText().isEmpty()) {
            box.getChildren().add(2, hint);
        }
        box.getStyleClass().addAll(Ui.CARD, "field");
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
                    ToggleButton b = new ToggleButton(t.of(v.name()));
                    b.setId("choice-" + a.code() + "-" + v.key());
                    b.getStyleClass().add("choice");
                    b.setToggleGroup(group);
                    b.setSelected(v.key().equals(current));
                    b.setUserData(v.key());
                    pane.getChildren().add(b);
                }
                group.selectedToggleProperty().addListener((o, was, now) -> {
                    if (now == null) {
                        values.remove(a.code());
                    } else {
                        values.put(a.code(), (String) now.getUserData());
                    }
                    check(a);
                });
                return pane;
            }
            case MULTI_CHOICE -> {
                FlowPane pane = new FlowPane(12, 12);
                Set<String> chosen = new LinkedHashSet<>(current.isEmpty() ? List.of() : List.of(current.split(",")));
                for (AttributeValue v : a.values()) {
                    ToggleButton b = new ToggleButton(t.of(v.name()));
                    b.setId("choice-" + a.code() + "-" + v.key());
                    b.getStyleClass().add("choice");
                    b.setSelected(chosen.contains(v.key()));
                    b.selectedProperty().addListener((o, was, now) -> {
                        List<String> keys = new ArrayList<>();
                        for (Node n : pane.getChildren()) {
                            ToggleButton tb = (ToggleButton) n;
                            if (tb.isSelected()) {
                                keys.add(((String) tb.getId()).substring(("choice-" + a.code() + "-").length()));
                            }
                        }
                        if (keys.isEmpty()) {
                            values.remove(a.code());
                        } else {
                            values.put(a.code(), String.join(",", keys));
                        }
                        check(a);
                    });
                    pane.getChildren().add(b);
                }
                return pane;
            }
            default -> {
                TextInputControl text = a.datatype() == org.onetrip.kiosk.catalog.Datatype.TEXT ? new TextArea() : new TextField();
                text.setId("field-" + a.code());
                text.getStyleClass().add("field-input");
                if (text instanceof TextArea area) {
                    area.setWrapText(true);
                    area.setPrefRowCount(3);
                }
                int max = a.validation().maxLength();
                boolean idNumber = a.validation().kind().equals("id_number");
                String allowed = idNumber ? "[0-9X]*" : kind == InputKind.KEYPAD ? "-?[0-9]*" : kind == InputKind.DATE ? "[0-9-]*" : null;
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
                });
                text.focusedProperty().addListener((o, was, focused) -> {
                    if (focused) {
                        showInput(idNumber ? null : kind, text);
                    } else {
                        check(a);
                    }
                });
                if (a.phrases().isEmpty()) {
                    return text;
                }
                FlowPane chips = new FlowPane(10, 10);
                int i = 0;
                for (LocalizedText p : a.phrases()) {
                    Button chip = new Button(t.of(p));
                    chip.setId("phrase-" + a.code() + "-" + i++);
                    chip.getStyleClass().add("phrase");
                    chip.setOnAction(e -> {
                        String phrase = t.of(p);
                        String now = text.getText();
                        text.setText(now.isBlank() ? phrase : now + (t.isChinese() ? "，" : ", ") + phrase);
                        check(a);
                    });
                    chips.getChildren().add(chip);
                }
                Label chipHint = Ui.label(t.get("form.phrases"), Ui.HINT);
                return new VBox(8, text, chipHint, chips);
            }
        }
    }

    private void showInput(InputKind kind, TextInputControl target) {
        keypad.targetProperty().set(null);
        datePad.targetProperty().set(null);
        idPad.targetProperty().set(null);
        keyboard.targetProperty().set(null);
        Node pad = kind == null ? idPad : switch (kind) {
            case KEYPAD -> keypad;
            case DATE -> datePad;
            default -> keyboard;
        };
        ((Keypad.class.isInstance(pad)) ? ((Keypad) pad).targetProperty() : keyboard.targetProperty()).set(target);
        boolean wide = pad == keyboard;
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
        javafx.application.Platform.runLater(() -> revealInScroll(target));
    }

    /** Scrolls the fields so the one being filled is visible above the keyboard. */
    private static void revealInScroll(Node n) {
        javafx.scene.Parent p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof ScrollPane sp) {
            sp.layout();
            Node content = sp.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (range <= 0) {
                return;
            }
            double top = sp.getVvalue() * range;
            double bottom = top + sp.getViewportBounds().getHeight();
            if (b.getMinY() < top || b.getMaxY() > bottom) {
                sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 60) / range)));
            }
        }
    }

    /** Shows the field's error (or clears it); returns true when the value is acceptable. */
    private boolean check(Attribute a) {
        FieldError e = validator.validate(a, flow.session().values().get(a.code()));
        Label l = errorLabels.get(a.code());
        if (l != null) {
            l.setText(e == null ? "" : describe(e));
        }
        return e == null;
    }

    private String describe(FieldError e) {
        Texts t = flow.texts();
        String key = "field.error." + e.kind().name().toLowerCase(java.util.Locale.ROOT);
        return e.kind() == FieldError.Kind.OUT_OF_RANGE || e.kind() == FieldError.Kind.TOO_LONG
                || e.kind() == FieldError.Kind.DATE_TOO_EARLY || e.kind() == FieldError.Kind.DATE_TOO_LATE
                ? t.get(key, e.messageArgs()) : t.get(key);
    }

    private void next() {
        ServiceDefinition s = flow.session().service();
        Node firstBad = null;
        for (Attribute a : s.attributes()) {
            if (!check(a) && firstBad == null) {
                firstBad = inputs.get(a.code());
            }
        }
        if (firstBad != null) {
            firstBad.requestFocus();
            return;
        }
        flow.review();
    }
}
