package org.onetrip.kiosk.ui.keyboard;

import javafx.scene.control.TextInputControl;

/**
 * Types into a text control the way a physical keyboard would, respecting its formatter, and never
 * while another field holds the focus: a pad left pointing at a field the resident has moved away
 * from must not type into it.
 */
final class KeyTarget {
    private KeyTarget() {
    }

    /** A key: never takes focus, so the field being filled keeps it. */
    static javafx.scene.control.Button key(String id, String text) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setFocusTraversable(false);
        return b;
    }

    /**
     * True when keys may type into {@code target}: editable, in a scene, and no other text field
     * holds the focus (a screen with one field, the PIN, may have its focus on a button).
     */
    static boolean accepts(TextInputControl target) {
        if (target == null || !target.isEditable() || target.getScene() == null) {
            return false;
        }
        javafx.scene.Node focus = target.getScene().getFocusOwner();
        return focus == target || !(focus instanceof TextInputControl);
    }

    static void type(TextInputControl target, String s) {
        if (accepts(target)) {
            target.replaceSelection(s);
        }
    }

    /** A keypad's digit: numbers are entered left to right, so it always goes at the end. */
    static void append(TextInputControl target, String s) {
        if (accepts(target)) {
            target.end();
            target.replaceSelection(s);
        }
    }

    static void backspace(TextInputControl target) {
        if (!accepts(target)) {
            return;
        }
        if (target.getSelectedText().isEmpty()) {
            target.deletePreviousChar();
        } else {
            target.replaceSelection("");
        }
    }

    /** A keypad's delete: takes the last character, wherever the caret was tapped. */
    static void backspaceAtEnd(TextInputControl target) {
        if (accepts(target)) {
            target.end();
            target.deletePreviousChar();
        }
    }

    static void clear(TextInputControl target) {
        if (accepts(target)) {
            target.clear();
        }
    }
}
