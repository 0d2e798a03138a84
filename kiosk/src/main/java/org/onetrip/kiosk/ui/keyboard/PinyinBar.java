package org.onetrip.kiosk.ui.keyboard;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.onetrip.kiosk.ime.pinyin.Candidate;
import org.onetrip.kiosk.ime.pinyin.Composition;
import org.onetrip.kiosk.ime.pinyin.PinyinConverter;

/**
 * The pinyin line, in place of the digits while letters are typed: the letters, a page of candidates as big buttons and
 * the page keys. A tapped candidate is committed into the field; its unused letters stay. While the
 * dictionary is still loading, letters are kept and converted as soon as it is there; if it cannot
 * load, {@code onUnavailable} hears the letters typed so far (the keyboard types them as they are).
 */
final class PinyinBar extends HBox {
    /** Six big candidates fit beside the page keys on the kiosk's 1280 px screen. */
    static final int PAGE_SIZE = 6;

    private final Consumer<String> commit;
    private final Label composing = new Label();
    private final Button[] candidates = new Button[PAGE_SIZE];
    private final Button previous;
    private final Button next;
    private final String preparing;
    private Composition composition;
    private final StringBuilder pending = new StringBuilder();
    private boolean failed;
    private final javafx.beans.property.ReadOnlyBooleanWrapper composingProperty = new javafx.beans.property.ReadOnlyBooleanWrapper();

    PinyinBar(String previousText, String nextText, String preparing, Consumer<String> commit) {
        this.commit = commit;
        this.preparing = preparing;
        setId("pinyin-bar");
        getStyleClass().add("pinyin-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        composing.setId("composition");
        composing.getStyleClass().add("composition");
        HBox list = new HBox(8);
        list.setId("candidates");
        for (int i = 0; i < PAGE_SIZE; i++) {
            int index = i;
            Button b = KeyTarget.key("candidate-" + i, "");
            b.getStyleClass().add("candidate");
            b.setOnAction(e -> choose(index));
            candidates[i] = b;
            list.getChildren().add(b);
        }
        HBox.setHgrow(list, Priority.ALWAYS);
        previous = KeyTarget.key("candidate-previous", previousText);
        previous.getStyleClass().add("candidate-page");
        previous.setOnAction(e -> page(false));
        next = KeyTarget.key("candidate-next", nextText);
        next.getStyleClass().add("candidate-page");
        next.setOnAction(e -> page(true));
        getChildren().addAll(composing, list, previous, next);
        refresh();
    }

    /** Hands the bar its converter once loaded (on the JavaFX thread, through {@code fx}). */
    void load(CompletableFuture<PinyinConverter> converter, Executor fx, Consumer<String> onUnavailable) {
        converter.whenCompleteAsync((c, error) -> {
            if (c != null) {
                composition = new Composition(c, PAGE_SIZE);
                composition.type(pending.toString());
                pending.setLength(0);
                refresh();
            } else {
                failed = true;
                String letters = pending.toString();
                pending.setLength(0);
                refresh();
                onUnavailable.accept(letters);
            }
        }, fx);
    }

    /** True while letters wait to be converted: the bar then shows in place of the digits. */
    javafx.beans.property.ReadOnlyBooleanProperty composingProperty() {
        return composingProperty.getReadOnlyProperty();
    }

    boolean isComposing() {
        return composition != null ? !composition.isEmpty() : pending.length() > 0;
    }

    /** A letter typed in pinyin mode; false when it cannot be taken (too long) and should be typed as is. */
    boolean type(String letter) {
        if (failed) {
            return false;
        }
        boolean taken;
        if (composition == null) {
            taken = pending.length() < Composition.MAX_INPUT;
            if (taken) {
                pending.append(letter.toLowerCase(java.util.Locale.ROOT));
            }
        } else {
            taken = composition.type(letter);
        }
        refresh();
        return taken;
    }

    /** Backspace: takes a letter; false when there were none (then the field loses a character). */
    boolean backspace() {
        boolean took;
        if (composition == null) {
            took = pending.length() > 0;
            if (took) {
                pending.setLength(pending.length() - 1);
            }
        } else {
            took = composition.backspace();
        }
        refresh();
        return took;
    }

    /** Space: commits the first candidate; false when nothing is being typed. */
    boolean commitFirst() {
        if (!isComposing()) {
            return false;
        }
        commit.accept(composition == null ? drainPending() : composition.commitFirst());
        refresh();
        return true;
    }

    /** Commits the letters as they are (the keyboard is put away, a digit is typed). */
    void commitLetters() {
        if (composition != null && !composition.isEmpty()) {
            String letters = composition.input().replace("'", "");
            composition.clear();
            commit.accept(letters);
        } else if (pending.length() > 0) {
            commit.accept(drainPending());
        }
        refresh();
    }

    /** Drops what is being typed: the resident moved to another field. */
    void clear() {
        pending.setLength(0);
        if (composition != null) {
            composition.clear();
        }
        refresh();
    }

    private String drainPending() {
        String s = pending.toString();
        pending.setLength(0);
        return s;
    }

    private void choose(int i) {
        if (composition != null && i < composition.page().size()) {
            commit.accept(composition.choose(i));
            refresh();
        }
    }

    private void page(boolean forward) {
        if (composition != null) {
            if (forward) {
                composition.next();
            } else {
                composition.previous();
            }
            refresh();
        }
    }

    private void refresh() {
        List<Candidate> page = composition == null ? List.of() : composition.page();
        String letters = composition == null ? pending.toString() : composition.input();
        composing.setText(composition == null && pending.length() > 0 ? letters + "  " + preparing : letters);
        for (int i = 0; i < PAGE_SIZE; i++) {
            boolean shown = i < page.size();
            candidates[i].setText(shown ? page.get(i).text() : "");
            candidates[i].setVisible(shown);
        }
        previous.setDisable(composition == null || !composition.hasPrevious());
        next.setDisable(composition == null || !composition.hasNext());
        composingProperty.set(isComposing());
    }
}
