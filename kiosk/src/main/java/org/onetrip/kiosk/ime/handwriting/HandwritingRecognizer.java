package org.onetrip.kiosk.ime.handwriting;

import java.util.List;
import org.onetrip.kiosk.device.DeviceStatus;

/**
 * Turns handwritten ink into candidate characters, likeliest first. A recognizer whose engine or
 * model is missing says so in its {@link #status()} (the pad is then hidden, selftest lists it)
 * and recognises nothing; it never throws for that.
 *
 * <p>Its model is big and rarely needed: {@link #prepare} opens it ahead of the first stroke,
 * {@link #release} gives it back when the visit ends, and a recognition opens it if need be.
 *
 * <p>Not for the JavaFX thread: a recognition takes milliseconds to tens of milliseconds on a Pi,
 * opening the model longer. Implementations may be called from any one thread at a time.
 */
public interface HandwritingRecognizer extends AutoCloseable {

    /** For selftest and the technician: "handwriting". */
    String ID = "handwriting";

    DeviceStatus status();

    default boolean isOnline() {
        return status().isOnline();
    }

    /** At most {@code max} candidates, likeliest first; empty for empty ink or an offline recognizer. */
    List<Candidate> recognise(Ink ink, int max);

    /** Opens the model now, unless it is open (the pad shows: the first stroke should not wait for it). */
    void prepare();

    /** Gives back the model's memory; the next {@link #prepare} or recognition opens it again. */
    void release();

    @Override
    void close();
}
