package org.onetrip.kiosk.io;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;

/** A device whose status the test sets; its listeners are told as a real device's would be. */
final class FakeDevice implements Device {
    private final String id;
    private final DeviceStatusHolder status;

    FakeDevice(String id) {
        this.id = id;
        this.status = new DeviceStatusHolder(id, DeviceStatus.online("ready"));
    }

    void set(DeviceStatus s) {
        status.update(s);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return id + " (fake)";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        status.addListener(listener);
    }

    @Override
    public void start() {
        // nothing to open
    }

    @Override
    public void close() {
        // nothing to release
    }
}
