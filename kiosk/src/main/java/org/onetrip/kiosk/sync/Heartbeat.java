package org.onetrip.kiosk.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.device.DeviceStatus;

/**
 * The kiosk's health for the back office's fleet view (extension 3): no personal data, only
 * device states, the queue's depth, the oldest request still waiting to be sent, and recent
 * alarms (the cabinet door opened).
 */
public record Heartbeat(String kioskId, String appVersion, Instant at, Map<String, DeviceStatus> devices,
        long pending, long needsAttention, Instant oldestPendingFiledAt, List<Alarm> alarms) {

    /** Something the fleet view must see with its time, e.g. {@code door_opened}. */
    public record Alarm(Instant at, String kind) {
    }

    public Heartbeat {
        devices = Map.copyOf(devices);
        alarms = List.copyOf(alarms);
    }

    public Heartbeat(String kioskId, String appVersion, Instant at, Map<String, DeviceStatus> devices,
            long pending, long needsAttention, Instant oldestPendingFiledAt) {
        this(kioskId, appVersion, at, devices, pending, needsAttention, oldestPendingFiledAt, List.of());
    }
}
