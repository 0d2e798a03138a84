package org.onetrip.kiosk.ui.keyboard;

import javafx.scene.control.TextInputControl;

/** Types into a text control the way a physical keyboard would, respecting its formatter. */
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

    static void type(TextInputControl target, String s) {
        if (target == null || !target.isEditable()) {
            return;
        }
        target.replaceSelection(s);
    }

    static void backspace(TextInputControl target) {
        if (target == null || !target.isEditable()) {
            return;
        }
        if (target.getSelectedText().isEmpty()) {
            target.deletePreviousChar();
        } else {
            target.replaceSelection("");
        }
    }
}
