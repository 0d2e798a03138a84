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

    /**
     * For a screen that only shows something (the status screen): left alone this long, the kiosk
     * goes home by itself, without the "are you still there?" countdown. Null for the others.
     */
    default java.time.Duration returnHomeAfter() {
        return null;
    }

    /**
     * The text key of the idle countdown's explanation ({0} is the seconds left): by default the
     * visit is cleared; a finished visit's screen says something fitting instead.
     */
    default String idleNoticeKey() {
        return "idle.countdown";
    }

    /**
     * What is spoken when the screen shows, in the language of {@code t} (ui/speech/Narrator):
     * built with {@link org.onetrip.kiosk.ui.speech.Spoken} from message keys, so the centre's
     * recordings can replace them. Null (the default): its title and subtitle as drawn.
     */
    default org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return null;
    }

    /**
     * Esc, before it means "back": a screen that has something of its own open (the form's docked
     * keyboard) closes it and returns true. False by default.
     */
    default boolean escape() {
        return false;
    }
}
