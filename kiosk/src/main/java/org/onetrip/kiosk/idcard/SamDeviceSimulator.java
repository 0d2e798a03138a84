package org.onetrip.kiosk.idcard;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SerialLinkException;
import org.onetrip.kiosk.idcard.sam.SamFrames;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SimulatedSam} on a real serial port: the far end of a null-modem cable or of a socat
 * pseudo-terminal pair, so the kiosk's {@link SamIdCardReader} talks to it exactly as to a reader.
 * For the end-to-end tests, the benchmark and a developer's bench without hardware.
 *
 * <p>Paced, it sends its answers no faster than the SAM's baud rate allows (10 bits a byte), as a
 * real UART would; a pseudo-terminal otherwise delivers them at memory speed. When the port goes
 * away (socat stopped, adapter unplugged) it waits for it to come back and reattaches.
 */
public final class SamDeviceSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SamDeviceSimulator.class);
    private static final int RETRY_MS = 100;
    private static final int PACING_CHUNK = 16;

    private final String path;
    private final SimulatedSam sam;
    private final boolean paced;
    private volatile boolean attached;
    private volatile long bytesSent;
    private final org.onetrip.kiosk.device.DeviceThread worker =
            new org.onetrip.kiosk.device.DeviceThread("sam-simulator", this::run);

    public SamDeviceSimulator(String path, SimulatedSam sam, boolean paced) {
        this.path = Objects.requireNonNull(path, "path");
        this.sam = Objects.requireNonNull(sam, "sam");
        this.paced = paced;
    }

    public SimulatedSam sam() {
        return sam;
    }

    /** True while the port is open and served. */
    public boolean attached() {
        return attached;
    }

    /** Bytes of answers written so far. */
    public long bytesSent() {
        return bytesSent;
    }

    public void start() {
        worker.start();
    }

    @Override
    public void close() {
        worker.stop();
    }

    private void run() {
        String lastProblem = null;
        while (worker.running()) {
            try (SerialLink link = SerialLink.open(path, sam.baud())) {
                attached = true;
                lastProblem = null;
                log.info("simulated SAM attached to {} at {} baud{}", path, link.baud(), paced ? ", paced" : "");
                serve(link);
            } catch (SerialLinkException e) {
                if (!e.getMessage().equals(lastProblem)) {
                    log.info("simulated SAM waits for {}: {}", path, e.getMessage());
                    lastProblem = e.getMessage();
                }
            } finally {
                attached = false;
            }
            if (worker.running()) {
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void serve(SerialLink link) throws SerialLinkException {
        byte[] buf = new byte[4096];
        while (worker.running()) {
            int n = link.read(buf, 0, buf.length, SerialLink.READ_SLICE_MS);
            if (n <= 0) {
                continue;
            }
            int rate = sam.baud();
            for (byte[] answer : sam.receive(buf, 0, n)) {
                send(link, answer, rate);
            }
            if (sam.baud() != link.baud()) {
                // Set baud answers at the old rate and listens at the new one: reopen.
                return;
            }
        }
    }

    private void send(SerialLink link, byte[] answer, int baud) throws SerialLinkException {
        if (!paced) {
            link.writeAll(answer);
            bytesSent += answer.length;
            return;
        }
        long start = System.nanoTime();
        for (int off = 0; off < answer.length; off += PACING_CHUNK) {
            int len = Math.min(PACING_CHUNK, answer.length - off);
            link.writeAll(answer, off, len);
            bytesSent += len;
            long due = start + SamFrames.wireMicros(off + len, baud) * 1000L;
            for (long wait; (wait = due - System.nanoTime()) > 0 && worker.running(); ) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public String toString() {
        return "SamDeviceSimulator[" + path + (attached ? ", attached" : "") + "]";
    }
}
