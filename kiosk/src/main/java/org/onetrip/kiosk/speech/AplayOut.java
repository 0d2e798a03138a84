package org.onetrip.kiosk.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plays through ALSA with {@code aplay} (alsa-utils, on every Raspberry Pi OS image): one process
 * per clip reading the WAV from its stdin, so it takes each clip's own format from its header (a
 * centre's recording at 44.1 kHz stereo beside espeak-ng's 22.05 kHz mono). The device is the
 * profile's {@code speech.alsa-device}; {@code default} is what /etc/asound.conf makes it (on the
 * Pi, the 3.5 mm headphone jack; firmware-config/README.md).
 */
public final class AplayOut implements AudioOut {
    private final String command;
    private final String device;

    public AplayOut(String command, String device) {
        this.command = command;
        this.device = device;
    }

    @Override
    public String problem() {
        return Programs.missing(command, "alsa-utils");
    }

    @Override
    public String describe() {
        return command + " -D " + device;
    }

    @Override
    public Playback open() throws IOException {
        Process p = new ProcessBuilder(List.of(command, "-q", "-D", device, "-t", "wav", "-"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Playback() {
            @Override
            public OutputStream input() {
                return p.getOutputStream();
            }

            @Override
            public String awaitEnd() throws InterruptedException {
                int rc = p.waitFor();
                if (rc == 0) {
                    return null;
                }
                try (InputStream err = p.getErrorStream()) {
                    String text = new String(err.readNBytes(2000), StandardCharsets.UTF_8).strip();
                    // The last line is aplay's own ("aplay: main:831: audio open error: …"); ALSA's lib lines come first.
                    String last = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
                    return command + " exited with " + rc + (last.isEmpty() ? "" : ": " + last);
                } catch (IOException e) {
                    return command + " exited with " + rc;
                }
            }

            @Override
            public void cancel() {
                p.destroy();
            }
        };
    }
}
