package org.onetrip.kiosk.speech;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where spoken audio goes: a WAV stream (header first) written to a player. One
 * {@link Playback} per clip; the speech worker writes it, then waits for the end of the sound.
 */
public interface AudioOut {

    /** Why nothing can be played here (a missing player), or null when playing should work. */
    String problem();

    /** For the technician, e.g. "aplay -D default". */
    String describe();

    /** Starts a player that reads one WAV stream. */
    Playback open() throws IOException;

    /** One clip being played. */
    interface Playback {
        /** The WAV stream: header, then samples. Closing it ends the clip. */
        OutputStream input();

        /** Waits until the sound has been played out; returns a failure message, or null. */
        String awaitEnd() throws InterruptedException;

        /** Stops at once (a new utterance interrupts); never blocks. */
        void cancel();
    }
}
