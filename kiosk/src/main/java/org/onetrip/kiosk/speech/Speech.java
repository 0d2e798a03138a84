package org.onetrip.kiosk.speech;

import java.util.Locale;
import org.onetrip.kiosk.device.Device;

/**
 * Speaks to the resident (EN 301 549 clause 5.1.3: closed functionality with speech output).
 * {@link #say} returns at once, never blocking the JavaFX thread; a new utterance interrupts the
 * one still playing. A missing engine or player is the device's status, never an exception.
 */
public interface Speech extends Device {

    /** Speaks {@code u}, interrupting whatever is being spoken. Returns at once. */
    void say(Utterance u);

    /** Speaks plain text in {@code locale}, as {@link #say(Utterance)}. */
    default void say(String text, Locale locale) {
        say(Utterance.of(locale, text));
    }

    /** Stops what is being spoken, if anything. Returns at once. */
    void stop();

    /** Loudness from 0 (silent) to 100; takes effect from the next utterance. */
    void setVolume(int percent);

    int volume();
}
