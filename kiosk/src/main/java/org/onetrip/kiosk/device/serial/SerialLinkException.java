package org.onetrip.kiosk.device.serial;

import java.io.IOException;

/**
 * A serial port that cannot be opened or stopped working, with what went wrong in words a
 * technician can act on, and the native error where jSerialComm gave one.
 */
public class SerialLinkException extends IOException {

    /** What kind of failure, so the caller can choose a device status without parsing messages. */
    public enum Problem {
        /** The device node is not there: never plugged in, unplugged, or a wrong path. */
        NOT_FOUND,
        /** The node is there but this user may not open it (not in the dialout group). */
        ACCESS_DENIED,
        /** Another program holds the port. */
        BUSY,
        /** The node is there but opening, reading or writing failed. */
        IO_ERROR,
        /** A write did not finish in time (flow control, a stuck device). */
        TIMEOUT
    }

    private final Problem problem;
    private final String path;

    public SerialLinkException(Problem problem, String path, String message) {
        this(problem, path, message, null);
    }

    public SerialLinkException(Problem problem, String path, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    public String path() {
        return path;
    }

    /** True when the device node disappeared (or never was): wait for it to come back. */
    public boolean gone() {
        return problem == Problem.NOT_FOUND;
    }
}
