package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import org.onetrip.kiosk.device.serial.SerialLink;

/** A printer on a serial port (RS-232 or a USB serial adapter), through {@link SerialLink}. */
public final class SerialTransport implements PrinterTransport {
    private final String path;
    private final int baud;
    private SerialLink link;

    public SerialTransport(String path, int baud) {
        this.path = path;
        this.baud = baud;
    }

    @Override
    public String describe() {
        return "serial:" + path + "?baud=" + baud;
    }

    @Override
    public void open() throws IOException {
        if (link == null) {
            link = SerialLink.open(path, baud);
        }
    }

    @Override
    public boolean isOpen() {
        return link != null;
    }

    /**
     * Bounded by the time the bytes take on the wire, three times over plus two seconds: a
     * 6 KB raster receipt takes 6.4 s at 9600 baud, so it may take 21 s before we give up.
     */
    @Override
    public void write(byte[] data) throws IOException {
        SerialLink l = requireOpen();
        l.writeAll(data, l.wireTime(data.length).multipliedBy(3).plusSeconds(2));
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        return requireOpen().read(buf, timeout);
    }

    @Override
    public void discardInput() throws IOException {
        SerialLink l = requireOpen();
        byte[] buf = new byte[64];
        while (l.available() > 0 && l.read(buf, Duration.ZERO) > 0) {
            // keep draining
        }
    }

    @Override
    public Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }

    @Override
    public StatusSupport statusSupport() {
        return StatusSupport.REQUIRED;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    private SerialLink requireOpen() throws IOException {
        if (link == null) {
            throw new IOException(describe() + " is not open");
        }
        return link;
    }
}
