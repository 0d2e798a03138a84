package org.onetrip.kiosk.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One open serial port, 8N1 without flow control, over jSerialComm. The only class that touches
 * jSerialComm: its booleans and -1 results become {@link IOException}s with the path and the
 * native error code, so nothing else in the kiosk deals with them.
 *
 * <p>Timing rules from jSerialComm's documentation that bite here: on Linux and macOS read
 * timeouts have 1/10 s granularity (a 30 ms timeout waits 100 ms), and write timeouts exist only
 * on Windows, so {@link #writeAll} bounds a write by watching the driver's output queue instead.
 * Not thread-safe for two readers or two writers; one reader and one writer may share it.
 */
public final class SerialLink implements AutoCloseable {
    /** Bytes handed to the driver at once; small enough that a stalled line is noticed quickly. */
    private static final int CHUNK = 256;
    /** Output queue size above which we wait before writing more (Linux tty buffers are 4 KB). */
    private static final int QUEUE_LIMIT = 1024;

    private final SerialPort port;
    private final String path;
    private final int baud;

    private SerialLink(SerialPort port, String path, int baud) {
        this.port = port;
        this.path = path;
        this.baud = baud;
    }

    /**
     * Opens {@code path} (e.g. {@code /dev/ttyUSB0}, or a pty) at {@code baud}, 8 data bits, no
     * parity, one stop bit. A missing path is a {@link NoSuchFileException}, so callers can tell
     * an unplugged device from a refused one.
     */
    public static SerialLink open(String path, int baud) throws IOException {
        if (baud <= 0) {
            throw new IOException("baud rate must be positive, not " + baud + " (" + path + ")");
        }
        if (!Files.exists(Path.of(path))) {
            throw new NoSuchFileException(path, null, "no such serial device");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("not a serial port: " + path, e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + ": native error " + port.getLastErrorCode()
                    + " at " + port.getLastErrorLocation() + " (permission? group dialout?)");
        }
        return new SerialLink(port, path, baud);
    }

    public String path() {
        return path;
    }

    public int baud() {
        return baud;
    }

    /**
     * Reads what has arrived, waiting up to {@code timeout} for the first byte; returns the
     * count, 0 when nothing came. A zero timeout only takes what is already there.
     */
    public int read(byte[] buf, Duration timeout) throws IOException {
        long ms = Math.max(0, timeout.toMillis());
        boolean ok = ms == 0
                ? port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0)
                : port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.min(ms, Integer.MAX_VALUE), 0);
        if (!ok) {
            throw failure("cannot set read timeout on");
        }
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw failure("read failed on");
        }
        return n;
    }

    /** Bytes waiting to be read, without waiting. */
    public int available() throws IOException {
        int n = port.bytesAvailable();
        if (n < 0) {
            throw failure("cannot query");
        }
        return n;
    }

    /**
     * Writes every byte and waits until the driver has sent them, or throws. Each chunk goes to
     * the driver only when its output queue has room, so a line held up (a printer asserting
     * flow control, a pty nobody reads) ends in an {@link IOException} after {@code timeout}
     * instead of a write blocked forever.
     */
    public void writeAll(byte[] data, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int off = 0;
        while (off < data.length) {
            int queued = port.bytesAwaitingWrite();
            if (queued > QUEUE_LIMIT) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("write to " + path + " timed out after " + timeout.toMillis()
                            + " ms with " + (data.length - off) + " bytes unsent (line stalled?)");
                }
                sleep(Math.max(1, 1000L * CHUNK * 10 / baud / 4));
                continue;
            }
            int n = port.writeBytes(data, Math.min(CHUNK, data.length - off), off);
            if (n < 0) {
                throw failure("write failed on");
            }
            off += n;
        }
        // Return once the bytes have left the port, so a status request sent next is answered
        // within the usual time and callers can measure when the last byte went out.
        while (port.bytesAwaitingWrite() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("write to " + path + " timed out after " + timeout.toMillis()
                        + " ms with " + port.bytesAwaitingWrite() + " bytes still queued (line stalled?)");
            }
            sleep(Math.max(1, Math.min(20, wireTime(port.bytesAwaitingWrite()).toMillis())));
        }
    }

    /** How long {@code bytes} take on the wire at this baud rate (10 bits a byte with 8N1). */
    public Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }

    @Override
    public void close() {
        port.closePort();
    }

    private IOException failure(String what) {
        return new IOException(what + " " + path + ": native error " + port.getLastErrorCode()
                + " at " + port.getLastErrorLocation() + (port.isOpen() ? "" : " (port closed or unplugged)"));
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }
}
