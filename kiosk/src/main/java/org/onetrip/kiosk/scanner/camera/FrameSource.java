package org.onetrip.kiosk.scanner.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Where camera frames come from: a camera command's motion-JPEG output ({@link CommandFrames}) or
 * a folder of images ({@link FolderFrames}, for tests and demonstrations). Handed to
 * {@link org.onetrip.kiosk.scanner.CameraQrScanner}, which decodes what this gives.
 */
public interface FrameSource extends AutoCloseable {

    /** What this is, for status messages: the command line or the folder. */
    String describe();

    /** Starts the camera (or opens the folder); a failure says why. */
    void open() throws IOException;

    /**
     * The newest frame not yet returned, waiting for one if needed; frames that arrived while the
     * caller was busy are skipped, so decoding never falls behind the camera. Throws when the
     * source has ended (the command exited, the folder went away).
     */
    BufferedImage next() throws IOException, InterruptedException;

    /** Stops the camera; safe to call twice and from another thread. */
    @Override
    void close();
}
