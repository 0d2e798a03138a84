package org.onetrip.kiosk.device;

/** Why a device is in its state; one vocabulary for every device and the technician's screen. */
public enum StatusDetail {
    NONE,
    /** Starting up or probing. */
    INITIALIZING,
    /** The profile names a device this kiosk cannot use (bad URI, unknown port). */
    CONFIGURATION_ERROR,
    /** The device does not answer, or answers with garbage. */
    COMMUNICATION_ERROR,
    /** The device node disappeared (unplugged). */
    GONE,
    /** Switched off in the profile ({@code none}). */
    DISABLED,
    /** Printer: out of paper. */
    PAPER_OUT,
    /** Printer: paper nearly out; still printing, the technician should refill. */
    PAPER_NEAR_END,
    /** Printer: cover open. */
    COVER_OPEN,
    /** A mechanical, cutter or other hardware fault reported by the device. */
    HARDWARE_ERROR,
    /** Back office: working, but it refused some requests; they wait for the technician ({@code kiosk queue}). */
    REQUESTS_PARKED
}
