package org.onetrip.kiosk.ui;

import javafx.scene.Parent;

/**
 * One screen of the touch flow. {@link #build()} makes its nodes afresh from the session and the
 * current language, so a language switch or a wipe simply rebuilds.
 */
public interface Screen {

    /** The root node's id, used by CSS and tests (e.g. {@code home}). */
    String id();

    Parent build();

    /** Called when the screen goes away: stop timers, release device handlers. */
    default void dispose() {
    }

    /** True for the home and attract screens, where no resident's session is open. */
    default boolean isRest() {
        return false;
    }
}
