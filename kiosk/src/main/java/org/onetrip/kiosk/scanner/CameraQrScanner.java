package org.onetrip.kiosk.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceThread;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.scanner.camera.CommandFrames;
import org.onetrip.kiosk.scanner.camera.FrameSource;
import org.onetrip.kiosk.scanner.camera.QrFrameDecoder;
import org.onetrip.kiosk.scanner.camera.RepeatFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code scanner.device=camera:COMMAND} (or {@code camera:FOLDER}) scanner: frames from a
 * {@link FrameSource}, QR codes found by ZXing ({@link QrFrameDecoder}), one report per showing of
 * a code ({@link RepeatFilter}).
 *
 * <p>Its thread decodes the newest frame, at most one every {@link Settings#minFrameInterval()}
 * so the camera leaves CPU for the screen; older frames are skipped, never queued. ONLINE once
 * frames arrive; when the camera command exits the status says how (a command the shell cannot
 * run is a CONFIGURATION_ERROR) and it is started again every {@link Settings#retryDelay()}.
 * Decoded text is never logged.
 */
public final class CameraQrScanner extends ScannerBase {
    private static final Logger log = LoggerFactory.getLogger(CameraQrScanner.class);

    /**
     * @param minFrameInterval the shortest time between two decoded frames
     * @param forgetAfter      a code not seen for this long counts again when it comes back
     * @param retryDelay       pause before starting the camera again
     */
    public record Settings(Duration minFrameInterval, Duration forgetAfter, Duration retryDelay) {
        /** 15 decoded frames a second at most; a code shown again after 2 s counts again. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(66), Duration.ofSeconds(2), Duration.ofSeconds(5));
        }

        public Settings withRetryDelay(Duration d) {
            return new Settings(minFrameInterval, forgetAfter, d);
        }

        public Settings withMinFrameInterval(Duration d) {
            return new Settings(d, forgetAfter, retryDelay);
        }
    }

    private final FrameSource source;
    private final Settings settings;
    private final QrFrameDecoder decoder = new QrFrameDecoder();
    private final RepeatFilter repeats;
    private final DeviceThread worker = new DeviceThread("scanner-camera", this::run);

    public CameraQrScanner(FrameSource source, Settings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.repeats = new RepeatFilter(settings.forgetAfter());
    }


    @Override
    public String name() {
        return "QR scanner (camera: " + source.describe() + ")";
    }




    @Override
    public synchronized void start() {
        if (worker.started()) {
            return;
        }
        worker.start();
    }

    @Override
    public void close() {
        worker.stop(source::close);
    }

    private void run() {
        try {
            while (worker.running()) {
                status.update(DeviceStatus.unknown("starting " + source.describe()));
                try {
                    source.open();
                    readFrames();
                } catch (IOException e) {
                    offline(e);
                } catch (RuntimeException e) {
                    // A bug must not end the thread: the kiosk would never scan again.
                    log.error("camera scanner failed; starting it again", e);
                    offline(new IOException("internal error: " + e, e));
                }
                source.close();
                if (worker.running()) {
                    Thread.sleep(settings.retryDelay().toMillis());
                }
            }
        } catch (InterruptedException e) {
            // close() was called
        } finally {
            source.close();
        }
    }

    private void readFrames() throws IOException, InterruptedException {
        long frames = 0;
        long lastDecode = System.nanoTime() - settings.minFrameInterval().toNanos();
        while (worker.running()) {
            long wait = lastDecode + settings.minFrameInterval().toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            BufferedImage frame = source.next();
            lastDecode = System.nanoTime();
            if (frames++ == 0) {
                status.update(DeviceStatus.online("receiving " + frame.getWidth() + "×" + frame.getHeight()
                        + " frames from " + source.describe()));
            }
            Optional<String> code = decoder.decode(frame);
            if (code.isEmpty()) {
                continue;
            }
            String text = code.get();
            if (!repeats.pass(text, System.nanoTime())) {
                continue;
            }
            if (!ScanPayloads.acceptable(text)) {
                log.warn("dropped a QR code of {} characters from the camera: not printable text within {}",
                        text.length(), ScanPayloads.MAX_LENGTH);
                continue;
            }
            log.info("camera read a code of {} characters", text.length());
            try {
                handOn(text);
            } catch (RuntimeException e) {
                log.warn("scan listener failed", e);
            }
        }
    }

    private void offline(IOException e) {
        if (!worker.running()) {
            return;
        }
        String retry = "; starting again every " + settings.retryDelay().toMillis() / 1000.0 + " s";
        if (e instanceof CommandFrames.Ended ended) {
            status.update(DeviceStatus.offline(ended.notRunnable() ? StatusDetail.CONFIGURATION_ERROR
                    : StatusDetail.COMMUNICATION_ERROR, e.getMessage() + retry));
        } else if (e instanceof NoSuchFileException) {
            status.update(DeviceStatus.offline(StatusDetail.GONE, e.getMessage() + retry));
        } else {
            status.update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR,
                    "camera " + source.describe() + ": " + e.getMessage() + retry));
        }
    }
}
