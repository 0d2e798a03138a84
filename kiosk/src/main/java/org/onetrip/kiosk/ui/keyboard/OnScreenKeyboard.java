package org.onetrip.kiosk.ui.keyboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;
import org.onetrip.kiosk.ui.Resources;

/**
 * A simple on-screen keyboard: digits, Latin letters with shift, punctuation, space, backspace and
 * "done" (which puts the keyboard away). Keys never take focus and never type into a field that
 * has lost it.
 *
 * <p>In a Chinese session the input modes sit before the digits: 拼音 (pinyin: letters gather where
 * the digits were, beside their candidates, and a tapped candidate goes into the field; space takes
 * the first) and ABC (letters as they are); another input method adds its own mode with
 * {@link #addMode}, its pad then showing in place of the letter keys. The English keyboard has no modes and none of the Chinese-only
 * keys (号 楼 室 ， 。).
 *
 * <p>Four rows of keys, not five: docked under the form on a 1280x800 panel, every row taken from
 * the keyboard is a row of the form the resident can still see while typing. So the modes share the
 * top row with the digits, whose keys narrow to fit beside them (never under the least touch target):
 * at full width the row was 44 px wider than the screen, and the whole page was laid out wider and cut
 * at both sides.
 */
public final class OnScreenKeyboard extends VBox {
    private static final String[][] ROWS_ZH = {
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "#"},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "号", "楼"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", "室", ",", "."},
        {"z", "x", "c", "v", "b", "n", "m", "，", "。"},
    };
    private static final String[][] ROWS_EN = {
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "#"},
        {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "'", "/"},
        {"a", "s", "d", "f", "g", "h", "j", "k", "l", ",", "."},
        {"z", "x", "c", "v", "b", "n", "m", "@"},
    };
    public static final String MODE_PINYIN = "pinyin";
    public static final String MODE_LATIN = "latin";
    public static final String MODE_HANDWRITING = "handwriting";

    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private final ToggleButton shift = new ToggleButton("⇧");
    private final Runnable onDone;
    private final ToggleGroup modes = new ToggleGroup();
    private final Map<String, ToggleButton> modeButtons = new LinkedHashMap<>();
    private final Map<String, Node> pads = new LinkedHashMap<>();
    private final HBox modeRow = new HBox(8);
    private final HBox digits = new HBox(8);
    private final StackPane body = new StackPane();
    private final VBox keys = new VBox(8);
    private PinyinBar pinyin;

    /** The keyboard's own rules (its mode keys, the pinyin candidates); scaled in the elders' mode too. */
    public static final String STYLESHEET = "/ui/keyboard-ime.css";
    /** The keyboard's own rows of keys (the top row, the letters), apart from a mode's pad. */
    static final String KEYS = "keyboard-keys";
    /**
     * The top row's keys (digits, - and #): they share the width the modes leave them (keyboard-ime.css),
     * so the keyboard never asks for more than the window.
     */
    static final String TOP_ROW_KEY = "top-row-key";

    /** The English keyboard, or a Chinese one without pinyin. */
    public OnScreenKeyboard(String spaceText, String backspaceText, String doneText, Runnable onDone) {
        this(new Labels(spaceText, backspaceText, doneText, "", "", "", "", ""), false, null, null, onDone);
    }

    /** Texts on the keyboard's keys, in the session's language. */
    public record Labels(String space, String backspace, String done, String pinyin, String latin, String previousPage,
            String nextPage, String preparing) {
    }

    /**
     * {@code chinese}: the Chinese keys and the mode row. {@code pinyin}: the dictionary, loading or
     * loaded (null: no pinyin mode); its completion is handled on {@code fx}.
     */
    public OnScreenKeyboard(Labels labels, boolean chinese, CompletableFuture<PinyinConverter> pinyinConverter,
            Executor fx, Runnable onDone) {
        this.onDone = onDone;
        setId("keyboard");
        getStyleClass().add("keyboard");
        getStylesheets().addAll(Resources.url(STYLESHEET), org.onetrip.kiosk.ui.EldersStyle.ownSheet(STYLESHEET));
        setSpacing(8);
        setAlignment(Pos.CENTER);
        shift.setId("key-shift");
        shift.getStyleClass().add("key");
        shift.setFocusTraversable(false);
        String[][] rows = chinese ? ROWS_ZH : ROWS_EN;
        keys.setAlignment(Pos.CENTER);
        digits.setAlignment(Pos.CENTER);
        for (int r = 0; r < rows.length; r++) {
            HBox row = r == 0 ? digits : new HBox(8);
            row.setAlignment(Pos.CENTER);
            if (r == 3) {
                row.getChildren().add(shift);
            }
            for (String k : rows[r]) {
                Button key = k.length() == 1 && k.charAt(0) >= 'a' && k.charAt(0) <= 'z' ? letter(k) : symbol(k);
                if (r == 0) {
                    key.getStyleClass().add(TOP_ROW_KEY);
                }
                row.getChildren().add(key);
            }
            if (r == 2) {
                Button back = control("key-backspace", labels.backspace());
                back.getStyleClass().add("key-wide");
                back.setOnAction(e -> backspace());
                row.getChildren().add(back);
            }
            if (r == 3) {
                Button space = control("key-space", labels.space());
                space.setOnAction(e -> space());
                HBox.setHgrow(space, Priority.ALWAYS);
                space.setMaxWidth(Double.MAX_VALUE);
                Button done = control("key-done", labels.done());
                done.getStyleClass().addAll("key-wide", "key-done");
                done.setOnAction(e -> {
                    commitLetters();
                    onDone.run();
                });
                row.getChildren().addAll(space, done);
            }
            if (r > 0) {
                keys.getChildren().add(row);
            }
        }
        body.getChildren().add(keys);
        keys.managedProperty().bind(keys.visibleProperty());
        keys.getStyleClass().add(KEYS);
        // The top row: the modes and the digits; while pinyin is being typed, its candidates in
        // their place (no row of the form is given up for them).
        StackPane top = new StackPane(digits);
        top.setId("keyboard-top");
        top.getStyleClass().add(KEYS);
        if (chinese) {
            modeRow.setId("keyboard-modes");
            modeRow.setAlignment(Pos.CENTER_LEFT);
            digits.getChildren().add(0, modeRow);
            if (pinyinConverter != null && !pinyinConverter.isCompletedExceptionally()) {
                pinyin = new PinyinBar(labels.previousPage(), labels.nextPage(), labels.preparing(), this::type);
                addMode(MODE_PINYIN, labels.pinyin(), null);
                top.getChildren().add(pinyin);
                pinyin.visibleProperty().bind(pinyin.composingProperty());
                digits.visibleProperty().bind(pinyin.composingProperty().not());
                pinyin.load(pinyinConverter, fx, letters -> {
                    removeMode(MODE_PINYIN);
                    type(letters);
                });
            }
            addMode(MODE_LATIN, labels.latin(), null);
            modes.selectToggle(modeButtons.values().iterator().next());
            modes.selectedToggleProperty().addListener((o, was, now) -> {
                if (now == null) {
                    modes.selectToggle(was); // one mode is always on
                } else {
                    modeChanged();
                }
            });
            modeChanged();
        }
        getChildren().addAll(top, body);
        // Letters typed for one field never land in another.
        target.addListener((o, was, now) -> {
            if (pinyin != null) {
                pinyin.clear();
            }
        });
    }

    /**
     * Adds an input mode after 拼音 and ABC (Chinese keyboard only): {@code pad} replaces the three
     * rows of letter keys (with space, backspace and done) while it is chosen ({@code null}: the keys stay). The mode button's id is {@code mode-ID}.
     */
    public void addMode(String id, String label, Node pad) {
        ToggleButton b = new ToggleButton(label);
        b.setId("mode-" + id);
        b.getStyleClass().addAll("key", "ime-mode");
        b.setFocusTraversable(false);
        b.setToggleGroup(modes);
        modeButtons.put(id, b);
        modeRow.getChildren().add(b);
        if (pad != null) {
            pads.put(id, pad);
            // A hidden pad takes no room: the keyboard keeps the letter rows' height (the form's view).
            pad.managedProperty().bind(pad.visibleProperty());
            pad.setVisible(false);
            body.getChildren().add(pad);
        }
    }

    private void removeMode(String id) {
        ToggleButton b = modeButtons.remove(id);
        if (b == null) {
            return;
        }
        boolean wasSelected = b.isSelected();
        b.setToggleGroup(null);
        modeRow.getChildren().remove(b);
        if (MODE_PINYIN.equals(id) && pinyin != null) {
            pinyin.visibleProperty().unbind();
            pinyin.setVisible(false);
            digits.visibleProperty().unbind();
            digits.setVisible(true);
            pinyin = null;
        }
        if (wasSelected && !modeButtons.isEmpty()) {
            modes.selectToggle(modeButtons.values().iterator().next());
        }
    }

    /** The chosen mode's id (empty on the English keyboard). */
    public String mode() {
        return modeButtons.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    private boolean pinyinMode() {
        return pinyin != null && MODE_PINYIN.equals(mode());
    }

    private void modeChanged() {
        if (pinyin != null && !pinyinMode()) {
            pinyin.commitLetters();
        }
        String m = mode();
        Node pad = pads.get(m);
        keys.setVisible(pad == null);
        pads.forEach((id, p) -> p.setVisible(id.equals(m)));
    }

    /**
     * Adds the writing pad as the 手写 mode (Chinese keyboard, when the recognizer is online): the
     * pad takes the letter rows' place; its {@code lettersText} key goes back to ABC and its done
     * key puts the keyboard away. The pad follows this keyboard's field.
     */
    public void addHandwriting(HandwritingPad pad, String keyText, String lettersText, String doneText) {
        addMode(MODE_HANDWRITING, keyText, pad);
        Button letters = control("key-letters", lettersText);
        letters.getStyleClass().addAll("key-wide", "key-mode");
        letters.setOnAction(e -> {
            pad.clear();
            ToggleButton latin = modeButtons.get(MODE_LATIN);
            if (latin != null) {
                modes.selectToggle(latin);
            }
        });
        Button done = control("hw-done", doneText);
        done.getStyleClass().addAll("key-wide", "key-done");
        done.setOnAction(e -> onDone.run());
        pad.addKeys(letters, done);
        pad.targetProperty().bind(target);
    }

    private Button letter(String k) {
        Button b = control("key-" + k, k);
        b.textProperty().bind(javafx.beans.binding.Bindings.when(shift.selectedProperty())
                .then(k.toUpperCase(Locale.ROOT)).otherwise(k));
        b.setOnAction(e -> {
            // A capital is typed as it is, even in pinyin mode (楼 A, 3B室).
            if (!(pinyinMode() && !shift.isSelected() && KeyTarget.accepts(target.get()) && pinyin.type(k))) {
                type(b.getText());
            }
            shift.setSelected(false);
        });
        return b;
    }

    private Button symbol(String k) {
        Button b = control("key-" + k, k);
        b.setOnAction(e -> {
            commitFirst();
            type(k);
        });
        return b;
    }

    private void backspace() {
        if (!(pinyinMode() && pinyin.backspace())) {
            KeyTarget.backspace(target.get());
        }
    }

    private void space() {
        if (!(pinyinMode() && pinyin.commitFirst())) {
            type(" ");
        }
    }

    private void commitFirst() {
        if (pinyinMode()) {
            pinyin.commitFirst();
        }
    }

    private void commitLetters() {
        if (pinyin != null) {
            pinyin.commitLetters();
        }
    }

    /** Types {@code s} into the field (a chosen candidate, a handwritten character, a key). */
    public void type(String s) {
        if (!s.isEmpty()) {
            KeyTarget.type(target.get(), s);
        }
    }

    private static Button control(String id, String text) {
        return KeyTarget.key(id, text);
    }

    /** The field the keys type into; never while another field holds the focus. */
    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }
}
