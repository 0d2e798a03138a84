package org.onetrip.kiosk.device;

/** The coarse state every device reports, after openHAB's ThingStatus. */
public enum DeviceState {
    /** Working; the flow may use it. */
    ONLINE,
    /** Not usable now; {@link StatusDetail} says why. */
    OFFLINE,
    /** Not yet known, e.g. while a port is being opened. */
    UNKNOWN
}
