package org.onetrip.kiosk.store;

import java.nio.file.Path;

/**
 * The request store could not do what was asked: the database is unusable (locked, full,
 * corrupt, from a newer kiosk) or a statement failed. The message says what was being done and
 * why; the cause is the driver's exception. Messages never hold personal data.
 *
 * <p>A full disk is not a bug but a state of the machine: its exception ({@link #diskFull})
 * says "disk full" in one line, carries no stack trace and no driver exception (SQLite reports it
 * as an I/O error in {@code xShmMap} or {@code xWrite}, which helps nobody), so a log or a
 * terminal shows one line, never forty.
 */
public final class StoreException extends RuntimeException {
    private final boolean diskFull;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.diskFull = false;
    }

    public StoreException(String message) {
        super(message);
        this.diskFull = false;
    }

    private StoreException(String message, boolean diskFull) {
        super(message, null, false, false);
        this.diskFull = diskFull;
    }

    /** The disk holding {@code file} is full: one line, what could not be done and what to do. */
    static StoreException diskFull(Path file, String what, long freeBytes) {
        return new StoreException("disk full: could not " + what + " in the request store " + file + " (" + freeBytes
                + " bytes free); free space in " + file.getParent() + " (old logs, receipt pictures) and try again", true);
    }

    /** True when the store failed because its disk is full. */
    public boolean diskFull() {
        return diskFull;
    }
}
