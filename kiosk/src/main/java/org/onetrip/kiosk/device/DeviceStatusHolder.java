package org.onetrip.kiosk.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds one device's status and tells listeners about real changes only. Thread-safe. */
public final class DeviceStatusHolder {
    private static final Logger log = LoggerFactory.getLogger(DeviceStatusHolder.class);

    private final String deviceId;
    private final List<Consumer<DeviceStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceStatus status;

    public DeviceStatusHolder(String deviceId, DeviceStatus initial) {
        this.deviceId = deviceId;
        this.status = initial;
    }

    public DeviceStatus get() {
        return status;
    }

    public void addListener(Consumer<DeviceStatus> listener) {
        listeners.add(listener);
    }

    /** Sets the status; returns true and notifies when it differs from the current one. */
    public boolean update(DeviceStatus next) {
        synchronized (this) {
            if (next.sameAs(status)) {
                return false;
            }
            status = next;
        }
        log.info("device {} is now {}", deviceId, next);
        for (Consumer<DeviceStatus> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.warn("status listener of {} failed", deviceId, e);
            }
        }
        return true;
    }
}
