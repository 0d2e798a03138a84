package org.onetrip.kiosk.speech;

import org.onetrip.kiosk.device.DisabledDevice;

/** {@code speech.device=none}: the kiosk is silent and says so on {@code selftest}. */
public final class NoSpeech extends DisabledDevice implements Speech {
    private volatile int volume;

    public NoSpeech() {
        super("speech", "speech output (switched off)");
    }

    @Override
    public void say(Utterance u) {
        // switched off
    }

    @Override
    public void stop() {
        // nothing plays
    }

    @Override
    public void setVolume(int percent) {
        volume = Math.max(0, Math.min(100, percent));
    }

    @Override
    public int volume() {
        return volume;
    }
}
