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
     * For a screen that only shows something (the status screen): left alone this long, the
     * "are you still there?" countdown starts, and the kiosk goes home when it ends, unless the
     * resident asks for more time (issue 12). Doubled in the elders' mode. Null for the others,
     * which count the kiosk's idle timeout.
     */
    default java.time.Duration returnHomeAfter() {
        return null;
    }

    /**
     * For a screen that goes away at a set time whatever is touched (the recovered ticket, issue
     * 12): that time. The same countdown warns before it, and {@link #moreTime()} answers its
     * "I need more time". Null for the others.
     */
    default java.time.Instant endsAt() {
        return null;
    }

    /** "I need more time" on a screen with {@link #endsAt()}: moves that time on, where it may. */
    default void moreTime() {
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
