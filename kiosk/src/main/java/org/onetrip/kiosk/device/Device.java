package org.onetrip.kiosk.device;

import java.util.function.Consumer;

/**
 * What every device port shares: an id, a human name, a status and its changes, a lifecycle.
 * {@link #start()} never throws for a missing or broken device: that is a status.
 */
public interface Device extends AutoCloseable {

    /** Stable id, e.g. {@code idcard}, {@code printer}, {@code scanner}. */
    String id();

    /** A human name for the technician, e.g. "ID card reader (simulated)". */
    String name();

    DeviceStatus status();

    /** Called on a device thread whenever the status changes; never on the JavaFX thread. */
    void addStatusListener(Consumer<DeviceStatus> listener);

    /** Opens the device and starts its threads. Failures become a status. */
    void start();

    /** Stops threads and releases the port. */
    @Override
    void close();
}
