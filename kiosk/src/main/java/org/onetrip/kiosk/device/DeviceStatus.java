package org.onetrip.kiosk.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's status as a person reads it: state, detail and a message for the technician.
 * Immutable, so it crosses from device threads to the UI thread safely.
 */
public record DeviceStatus(DeviceState state, StatusDetail detail, String message, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        message = message == null ? "" : message;
        since = since == null ? Instant.now() : since;
    }

    public static DeviceStatus online(String message) {
        return new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, message, Instant.now());
    }

    public static DeviceStatus online(StatusDetail detail, String message) {
        return new DeviceStatus(DeviceState.ONLINE, detail, message, Instant.now());
    }

    public static DeviceStatus offline(StatusDetail detail, String message) {
        return new DeviceStatus(DeviceState.OFFLINE, detail, message, Instant.now());
    }

    public static DeviceStatus unknown(String message) {
        return new DeviceStatus(DeviceState.UNKNOWN, StatusDetail.INITIALIZING, message, Instant.now());
    }

    public boolean isOnline() {
        return state == DeviceState.ONLINE;
    }

    /** Online but asking for the technician (e.g. paper near end). */
    public boolean needsAttention() {
        return state != DeviceState.ONLINE || detail != StatusDetail.NONE;
    }

    /** True when only the state and detail differ, so a repeated identical status is not news. */
    public boolean sameAs(DeviceStatus other) {
        return other != null && state == other.state && detail == other.detail
                && message.equals(other.message);
    }

    /*
     * Written out, not the record's own: the UI's status map compares statuses while the home
     * screen is built (FxBridge), and a record's equals is linked at its first call through
     * java.lang.runtime.ObjectMethods, 10-16 ms of the interpreter on the JavaFX thread of a cold
     * start (issue 13; UiLogFileCliTest). The same four components, in the same way.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceStatus d && state == d.state && detail == d.detail
                && message.equals(d.message) && since.equals(d.since);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, detail, message, since);
    }

    @Override
    public String toString() {
        return state + (detail == StatusDetail.NONE ? "" : "/" + detail) + (message.isEmpty() ? "" : ": " + message);
    }
}
