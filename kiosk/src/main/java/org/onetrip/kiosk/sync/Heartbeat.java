package org.onetrip.kiosk.sync;

import java.time.Instant;
import java.util.Map;
import org.onetrip.kiosk.device.DeviceStatus;

/**
 * The kiosk's health for the back office's fleet view (extension 3): no personal data, only
 * device states, the queue's depth and the oldest request still waiting to be sent.
 */
public record Heartbeat(String kioskId, String appVersion, Instant at, Map<String, DeviceStatus> devices,
        long pending, long needsAttention, Instant oldestPendingFiledAt) {

    public Heartbeat {
        devices = Map.copyOf(devices);
    }
}
