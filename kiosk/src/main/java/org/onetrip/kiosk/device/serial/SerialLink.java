package org.onetrip.kiosk.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.onetrip.kiosk.device.serial.SerialLinkException.Problem;

/**
 * Our one wrapper around jSerialComm: a serial port opened by path, 8N1, no flow control, with
 * reads that wait at most a given time and writes that write everything or throw. jSerialComm's
 * booleans, -1 returns and errno codes stay in here; callers get a {@link SerialLinkException}
 * with the cause.
 *
 * <p>jSerialComm's timing rules, and how this class lives with them:
 * <ul>
 * <li>Linux and macOS round serial timeouts to tenths of a second (termios VTIME). Reads here run
 *     in {@value #READ_SLICE_MS} ms semi-blocking slices under a deadline of our own, so a read
 *     timeout is accurate to about a tenth of a second, and a thread blocked in {@link #read}
 *     notices an interrupt or {@link #close()} within one slice.</li>
 * <li>Never reopen a port inside its own disconnect callback ({@code LISTENING_EVENT_PORT_DISCONNECTED}
 *     runs on jSerialComm's event thread). This class registers no listeners at all: a lost device
 *     shows as a failed read or write, and the owner reopens from its own thread.</li>
 * <li>{@code getCommPort} resolves a symbolic link (a udev by-id name, a socat pty link) once, when
 *     called. {@link #open} always calls it anew, so a device that comes back under a new node is
 *     found through the same link.</li>
 * <li>{@code openPort} may succeed with a non-zero last error code (e.g. ENOTTY from an ioctl a
 *     pseudo-terminal lacks); the code is only read after a failure.</li>
 * <li>Once the device is gone, {@code readBytes} and {@code bytesAvailable} return -1 and
 *     {@code writeBytes} returns 0 with errno EIO, so a write that makes no progress is a failure.</li>
 * </ul>
 *
 * <p>One thread reads and writes; {@link #close()} may be called from another.
 */
public final class SerialLink implements AutoCloseable {
    /** The semi-blocking read slice; a multiple of 100 ms, as Linux would round it anyway. */
    public static final int READ_SLICE_MS = 100;
    /** A write of a few kilobytes at 9600 baud takes seconds; longer than this is stuck. */
    public static final int WRITE_TIMEOUT_MS = 5000;
    /** Bytes handed to the driver at once by {@link #writeAll(byte[], java.time.Duration)}. */
    static final int WRITE_CHUNK = 256;
    /** More than this in the driver's output queue and {@code writeAll} waits for it to drain. */
    static final int WRITE_QUEUE_LIMIT = 1024;

    private static final int ENOENT = 2;
    private static final int EPERM = 1;
    private static final int ENXIO = 6;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;

    private final SerialPort port;
    private final String path;
    private final int baud;
    private volatile boolean closed;

    private SerialLink(SerialPort port, String path, int baud) {
        this.port = port;
        this.path = path;
        this.baud = baud;
    }

    /** Opens {@code path} (e.g. {@code /dev/ttyUSB0}, or a link to it) at {@code baud}, 8N1. */
    public static SerialLink open(String path, int baud) throws SerialLinkException {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud " + baud);
        }
        if (missing(path)) {
            throw new SerialLinkException(Problem.NOT_FOUND, path, path + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            // Also what jSerialComm throws when the node vanishes between the check and the call.
            throw new SerialLinkException(missing(path) ? Problem.NOT_FOUND : Problem.IO_ERROR, path,
                    path + " is not a usable serial port", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MS, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            String where = " (errno " + errno + " at jSerialComm line " + port.getLastErrorLocation() + ")";
            Problem problem = switch (errno) {
                case ENOENT, ENXIO, ENODEV -> Problem.NOT_FOUND;
                case EACCES, EPERM -> Problem.ACCESS_DENIED;
                case EBUSY, EAGAIN -> Problem.BUSY;
                default -> missing(path) ? Problem.NOT_FOUND : Problem.IO_ERROR;
            };
            String message = switch (problem) {
                case NOT_FOUND -> path + " disappeared while opening";
                case ACCESS_DENIED -> "no permission to open " + path + "; add the kiosk's user to the dialout group";
                case BUSY -> path + " is in use by another program";
                default -> "cannot open " + path;
            };
            throw new SerialLinkException(problem, path, message + where);
        }
        return new SerialLink(port, path, baud);
    }

    /**
     * Waits up to {@code timeoutMillis} for bytes and returns how many were read into
     * {@code buf[off..off+len)}: at least one, or 0 on timeout or interrupt. With a timeout of 0 it
     * only takes what has already arrived.
     */
    public int read(byte[] buf, int off, int len, int timeoutMillis) throws SerialLinkException {
        if (off < 0 || len <= 0 || off + len > buf.length) {
            throw new IndexOutOfBoundsException("off " + off + " len " + len + " of " + buf.length);
        }
        ensureOpen();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int available = port.bytesAvailable();
            if (available < 0) {
                throw lost("reading");
            }
            if (available == 0 && timeoutMillis <= 0) {
                return 0;
            }
            // With bytes waiting this returns at once; otherwise after at most one slice.
            int n = port.readBytes(buf, available > 0 ? Math.min(available, len) : len, off);
            if (n < 0) {
                throw lost("reading");
            }
            if (n > 0) {
                return n;
            }
            ensureOpen();
            if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline >= 0) {
                return 0;
            }
        }
    }

    public void writeAll(byte[] b) throws SerialLinkException {
        writeAll(b, 0, b.length);
    }

    /** Writes every byte of {@code b[off..off+len)} or throws. */
    public void writeAll(byte[] b, int off, int len) throws SerialLinkException {
        ensureOpen();
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(b, len - done, off + done);
            if (n < 0) {
                throw lost("writing");
            }
            if (n == 0) {
                // A blocking write that made no progress: either the write timeout passed or the
                // device is gone (jSerialComm returns 0 with EIO then).
                if (missing(path) || port.bytesAvailable() < 0) {
                    throw lost("writing");
                }
                throw new SerialLinkException(Problem.TIMEOUT, path, "writing to " + path + " did not finish within "
                        + WRITE_TIMEOUT_MS + " ms (errno " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    /** {@link #read(byte[], int, int, int)} into the whole buffer, for callers that think in Durations. */
    public int read(byte[] buf, java.time.Duration timeout) throws SerialLinkException {
        return read(buf, 0, buf.length, (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis())));
    }

    /** Bytes waiting to be read, without waiting. */
    public int available() throws SerialLinkException {
        ensureOpen();
        int n = port.bytesAvailable();
        if (n < 0) {
            throw lost("querying");
        }
        return n;
    }

    /**
     * Writes every byte and waits until the driver has sent them, or throws after {@code timeout}.
     * Each chunk goes to the driver only when its output queue has room, so a line held up (a
     * printer asserting flow control, a pty nobody reads) ends in an exception instead of a write
     * blocked forever: jSerialComm's own write timeout works on Windows only. Returning after the
     * last byte has left lets a printer's status request that follows be answered in time.
     */
    public void writeAll(byte[] data, java.time.Duration timeout) throws SerialLinkException {
        ensureOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        int off = 0;
        while (off < data.length) {
            int queued = port.bytesAwaitingWrite();
            if (queued < 0) {
                throw lost("writing");
            }
            if (queued > WRITE_QUEUE_LIMIT) {
                if (System.nanoTime() > deadline) {
                    throw new SerialLinkException(Problem.TIMEOUT, path, "write to " + path + " timed out after "
                            + timeout.toMillis() + " ms with " + (data.length - off) + " bytes unsent (line stalled?)");
                }
                pause(Math.max(1, 1000L * WRITE_CHUNK * 10 / baud / 4));
                continue;
            }
            int n = port.writeBytes(data, Math.min(WRITE_CHUNK, data.length - off), off);
            if (n < 0) {
                throw lost("writing");
            }
            off += n;
        }
        int left;
        while ((left = port.bytesAwaitingWrite()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new SerialLinkException(Problem.TIMEOUT, path, "write to " + path + " timed out after "
                        + timeout.toMillis() + " ms with " + left + " bytes still queued (line stalled?)");
            }
            pause(Math.max(1, Math.min(20, wireTime(left).toMillis())));
        }
        if (left < 0) {
            throw lost("writing");
        }
    }

    /** How long {@code bytes} take on the wire at this baud rate (10 bits a byte with 8N1). */
    public java.time.Duration wireTime(int bytes) {
        return java.time.Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }

    private static void pause(long ms) throws SerialLinkException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String path() {
        return path;
    }

    public int baud() {
        return baud;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Closes the port; safe to call twice and from another thread. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }

    @Override
    public String toString() {
        return "SerialLink[" + path + " @" + baud + (closed ? ", closed" : "") + "]";
    }

    /**
     * True when a device path names no node. Only file-system paths can be checked; a Windows
     * name such as {@code COM3} is left to jSerialComm.
     */
    private static boolean missing(String path) {
        return path.startsWith("/") && !Files.exists(Path.of(path));
    }

    private void ensureOpen() throws SerialLinkException {
        if (closed) {
            throw new SerialLinkException(Problem.IO_ERROR, path, path + " is closed");
        }
    }

    private SerialLinkException lost(String doing) {
        if (closed) {
            return new SerialLinkException(Problem.IO_ERROR, path, path + " was closed while " + doing);
        }
        int errno = port.getLastErrorCode();
        if (missing(path)) {
            return new SerialLinkException(Problem.NOT_FOUND, path, path + " disappeared while " + doing
                    + " (unplugged?)");
        }
        return new SerialLinkException(Problem.IO_ERROR, path, "error " + doing + " " + path + " (errno " + errno + ")");
    }
}
