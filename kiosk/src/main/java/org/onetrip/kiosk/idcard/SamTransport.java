package org.onetrip.kiosk.idcard;

import java.io.IOException;

/**
 * The byte pipe between {@link SamIdCardReader} and a SAM reader. Handed to the reader in its
 * constructor: {@link SerialSamTransport} in the kiosk, {@link SimulatedSamTransport} in the
 * simulator and in tests. Failures are {@link IOException}s; a
 * {@link org.onetrip.kiosk.device.serial.SerialLinkException} says which kind (gone, denied…).
 */
public interface SamTransport extends AutoCloseable {

    /** Where the reader is, for status messages, e.g. {@code /dev/ttyUSB0}. */
    String describe();

    /** Opens the link at {@code baud}, closing it first if it was open. */
    void open(int baud) throws IOException;

    /** Sends every byte or throws. */
    void write(byte[] bytes) throws IOException;

    /**
     * Waits up to {@code timeoutMillis} for bytes; returns how many were put in {@code buf} (at
     * least one), or 0 on timeout or interrupt. A timeout of 0 takes only what has arrived.
     */
    int read(byte[] buf, int timeoutMillis) throws IOException;

    /** Closes the link; safe to call when closed and from another thread. */
    @Override
    void close();
}
