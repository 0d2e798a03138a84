package org.onetrip.kiosk.store;

/**
 * The request store could not do what was asked: the database is unusable (locked, full,
 * corrupt, from a newer kiosk) or a statement failed. The message says what was being done and
 * why; the cause is the driver's exception. Messages never hold personal data.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
