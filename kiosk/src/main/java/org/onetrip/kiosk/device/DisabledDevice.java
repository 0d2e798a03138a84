package org.onetrip.kiosk.device;

import java.util.function.Consumer;

/** Shared behaviour of the {@code none} adapters: always OFFLINE/DISABLED, nothing to open. */
public abstract class DisabledDevice implements Device {
    private final String id;
    private final String name;
    private final DeviceStatus status;

    protected DisabledDevice(String id, String name) {
        this.id = id;
        this.name = name;
        this.status = DeviceStatus.offline(StatusDetail.DISABLED, "switched off in the profile (" + id + ".device=none)");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        // never changes
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
