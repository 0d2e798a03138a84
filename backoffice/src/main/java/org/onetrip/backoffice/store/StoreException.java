package org.onetrip.backoffice.store;

/** The database could not do what was asked; the message says what and why, never a request's content. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
