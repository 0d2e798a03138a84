package org.onetrip.kiosk.idcard;

import java.io.IOException;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SerialLinkException;

/** A SAM reader on a serial port (UART or USB-serial bridge), through {@link SerialLink}. */
public final class SerialSamTransport implements SamTransport {
    private final String path;
    private volatile SerialLink link;

    public SerialSamTransport(String path) {
        this.path = path;
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public void open(int baud) throws IOException {
        close();
        link = SerialLink.open(path, baud);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        openLink().writeAll(bytes);
    }

    @Override
    public int read(byte[] buf, int timeoutMillis) throws IOException {
        return openLink().read(buf, 0, buf.length, timeoutMillis);
    }

    @Override
    public void close() {
        SerialLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    private SerialLink openLink() throws SerialLinkException {
        SerialLink l = link;
        if (l == null) {
            throw new SerialLinkException(SerialLinkException.Problem.IO_ERROR, path, path + " is not open");
        }
        return l;
    }

    @Override
    public String toString() {
        return "SerialSamTransport[" + path + "]";
    }
}
