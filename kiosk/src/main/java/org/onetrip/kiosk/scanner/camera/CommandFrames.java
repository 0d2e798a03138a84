package org.onetrip.kiosk.scanner.camera;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a camera command that writes motion JPEG to its standard output, such as
 * {@code rpicam-vid -t 0 -n --codec mjpeg --width 640 --height 480 --framerate 15 -o -}
 * (Raspberry Pi camera) or {@code ffmpeg -loglevel error -f v4l2 -input_format mjpeg
 * -video_size 640x480 -i /dev/video0 -c copy -f mjpeg -} (USB webcam).
 *
 * <p>The command runs under {@code /bin/sh -c}, so pipes and quoting work as in a terminal; it comes
 * from the profile, which is as trusted as the kiosk's service unit. A reader thread drains its
 * output continuously (a camera blocked on a full pipe stalls) and keeps only the newest frame; its
 * error output is kept, last lines only, for the status message when it exits.
 */
public final class CommandFrames implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(CommandFrames.class);
    private static final int STDERR_LINES = 3;

    /** The command ended; {@code notRunnable} when the shell could not run it at all (126, 127). */
    public static final class Ended extends IOException {
        private final boolean notRunnable;

        Ended(String message, boolean notRunnable) {
            super(message);
            this.notRunnable = notRunnable;
        }

        public boolean notRunnable() {
            return notRunnable;
        }
    }

    private final String command;
    private final Deque<String> stderr = new ArrayDeque<>();
    private Process process;
    private Thread stderrReader;
    // Guarded by this.
    private byte[] newest;
    private long received;
    private long skipped;
    private boolean ended;

    public CommandFrames(String command) {
        this.command = command;
    }

    @Override
    public String describe() {
        return command;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        synchronized (stderr) {
            stderr.clear();
        }
        newest = null;
        ended = false;
        Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
        p.getOutputStream().close();
        process = p;
        daemon("camera-frames", () -> readFrames(p));
        stderrReader = daemon("camera-stderr", () -> readErrors(p));
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void readFrames(Process p) {
        MjpegSplitter splitter = new MjpegSplitter();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                List<byte[]> frames = splitter.feed(buf, 0, n);
                if (!frames.isEmpty()) {
                    synchronized (this) {
                        if (process != p) {
                            return;
                        }
                        skipped += frames.size() - 1 + (newest == null ? 0 : 1);
                        newest = frames.get(frames.size() - 1);
                        received += frames.size();
                        notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("camera output closed: {}", e.toString());
        } finally {
            synchronized (this) {
                if (process == p) {
                    ended = true;
                    notifyAll();
                }
            }
            if (splitter.droppedBytes() > 0) {
                log.debug("camera output had {} bytes outside JPEG frames", splitter.droppedBytes());
            }
        }
    }

    private void readErrors(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.debug("camera: {}", line);
                synchronized (stderr) {
                    if (!line.isBlank()) {
                        stderr.addLast(line.strip());
                        while (stderr.size() > STDERR_LINES) {
                            stderr.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.debug("camera error output closed: {}", e.toString());
        }
    }

    @Override
    public BufferedImage next() throws IOException, InterruptedException {
        while (true) {
            byte[] jpeg;
            synchronized (this) {
                while (newest == null && !ended) {
                    wait();
                }
                if (newest == null) {
                    throw endedException();
                }
                jpeg = newest;
                newest = null;
            }
            BufferedImage image = null;
            try {
                image = ImageIO.read(new ByteArrayInputStream(jpeg));
            } catch (IOException e) {
                log.debug("a camera frame of {} bytes does not decode: {}", jpeg.length, e.getMessage());
            }
            if (image != null) {
                return image;
            }
        }
    }

    private Ended endedException() {
        Process p;
        Thread errors;
        synchronized (this) {
            p = process;
            errors = stderrReader;
        }
        int code = -1;
        try {
            if (p != null && p.waitFor(2, TimeUnit.SECONDS)) {
                code = p.exitValue();
                if (errors != null) {
                    errors.join(1000); // its last words, e.g. "sh: 1: rpicam-vid: not found"
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said;
        synchronized (stderr) {
            said = stderr.isEmpty() ? "" : ": " + String.join(" / ", stderr);
        }
        return new Ended("the camera command " + (code < 0 ? "stopped sending frames" : "exited with " + code) + said,
                code == 126 || code == 127);
    }

    /** Frames received so far and frames skipped because a newer one came before they were taken. */
    public synchronized long[] counts() {
        return new long[] {received, skipped};
    }

    @Override
    public void close() {
        Process p;
        synchronized (this) {
            p = process;
            process = null;
            ended = true;
            notifyAll();
        }
        if (p != null) {
            // sh -c leaves the camera program as its child: stop it too, or it keeps the camera busy.
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
