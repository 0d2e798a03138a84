package org.onetrip.kiosk.ui.speech;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.speech.Speech;

/**
 * Speech on or off and its volume for the current session: the resident's choice on the speech
 * bar (or the elders' mode's, {@link #setOn}), back to the profile's {@code speech.enabled} and
 * {@code speech.volume} when the session ends ({@link #resetToProfile}). JavaFX thread only.
 */
public final class SpeechControl {
    /** One step of the volume buttons, in percent. */
    public static final int STEP = 10;

    private final Speech speech;
    private final boolean profileOn;
    private final int profileVolume;
    private final BooleanProperty on;
    private final IntegerProperty volume;

    public SpeechControl(Speech speech, boolean profileOn, int profileVolume) {
        this.speech = speech;
        this.profileOn = profileOn;
        this.profileVolume = profileVolume;
        this.on = new SimpleBooleanProperty(profileOn);
        this.volume = new SimpleIntegerProperty(profileVolume);
        speech.setVolume(profileVolume);
        volume.addListener((o, a, b) -> speech.setVolume(b.intValue()));
        on.addListener((o, a, b) -> {
            if (!b) {
                speech.stop();
            }
        });
    }

    /** Turns speech on or off for this session (the elders' mode calls {@code setOn(true)}). */
    public void setOn(boolean value) {
        on.set(value);
    }

    public boolean isOn() {
        return on.get();
    }

    public BooleanProperty onProperty() {
        return on;
    }

    public int volume() {
        return volume.get();
    }

    public void setVolume(int percent) {
        volume.set(Math.max(0, Math.min(100, percent)));
    }

    public IntegerProperty volumeProperty() {
        return volume;
    }

    public void louder() {
        setVolume(volume() + STEP);
    }

    public void quieter() {
        setVolume(volume() - STEP);
    }

    /** The end of a session: the next resident starts with the profile's choice. */
    public void resetToProfile() {
        on.set(profileOn);
        volume.set(profileVolume);
    }

    /** False when the profile switched speech off ({@code speech.device=none}): no control is shown. */
    public boolean available() {
        return speech.status().detail() != StatusDetail.DISABLED;
    }

    public Speech speech() {
        return speech;
    }
}
