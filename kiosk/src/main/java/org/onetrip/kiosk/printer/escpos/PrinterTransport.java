package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import org.onetrip.kiosk.config.DeviceUri;

/**
 * A byte pipe to a printer: serial, TCP port 9100 or a USB printer-class device file. Every call
 * is bounded in time: a silent or stalled printer ends in a timeout or an {@link IOException},
 * never a hang. Used by one thread at a time ({@link EscPosPrinter} serialises its calls).
 */
public interface PrinterTransport extends AutoCloseable {

    /** Whether a printer on this transport can answer {@code DLE EOT}. */
    enum StatusSupport {
        /** Always answers (serial, TCP): no answer means the printer is off or unreachable. */
        REQUIRED,
        /** May answer (a USB printer-class device some printers read back through). */
        BEST_EFFORT,
        /** Cannot answer (a plain file): printing goes ahead with the status unknown. */
        NONE
    }

    /** Where the printer is, as in the profile, e.g. {@code tcp:192.0.2.10:9100}. */
    String describe();

    /** Opens the connection; does nothing if it is open. */
    void open() throws IOException;

    boolean isOpen();

    /** Writes every byte, or throws when the printer stops taking them within a bounded time. */
    void write(byte[] data) throws IOException;

    /** Reads what has arrived, waiting up to {@code timeout} for the first byte; 0 when none. */
    int read(byte[] buf, Duration timeout) throws IOException;

    /** Drops bytes already received, e.g. a late answer to an earlier request. */
    default void discardInput() throws IOException {
        byte[] buf = new byte[64];
        while (read(buf, Duration.ZERO) > 0) {
            // keep draining
        }
    }

    StatusSupport statusSupport();

    /**
     * How long {@code bytes} may take to reach the printer after {@link #write} returned: their
     * wire time on a serial line (10 bits a byte), zero where the transport has no such limit.
     */
    default Duration wireTime(int bytes) {
        return Duration.ZERO;
    }

    /** Closes the connection; {@link #open()} may open it again. Never throws. */
    @Override
    void close();

    /**
     * The transport for {@code printer.device}: {@code serial:PATH?baud=N} (9600 baud when not
     * given, the usual factory setting), {@code tcp:HOST:PORT}, {@code file:PATH}.
     */
    static PrinterTransport of(DeviceUri uri) {
        return switch (uri.scheme()) {
            case SERIAL -> new SerialTransport(uri.path(), uri.intParam("printer.device", "baud", 9600));
            case TCP -> new TcpTransport(uri.host(), uri.port(), TcpTransport.CONNECT_TIMEOUT, TcpTransport.IO_TIMEOUT);
            case FILE -> new FileTransport(java.nio.file.Path.of(uri.path()), FileTransport.WRITE_TIMEOUT);
            default -> throw new IllegalArgumentException("not an ESC/POS printer transport: " + uri);
        };
    }
}
