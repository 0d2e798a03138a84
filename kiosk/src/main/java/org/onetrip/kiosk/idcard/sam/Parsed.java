package org.onetrip.kiosk.idcard.sam;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of reading untrusted bytes: a value, or a reason a person can read. Parsers here
 * return this instead of throwing, so a card that reads wrong is a read failure for the caller to
 * report, never an exception escaping a device thread. Reasons never quote personal data.
 */
public final class Parsed<T> {
    private final T value;
    private final String reason;

    private Parsed(T value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Parsed<T> failed(String reason) {
        return new Parsed<>(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isOk() {
        return reason == null;
    }

    /** The value; throws {@link IllegalStateException} with the reason when parsing failed. */
    public T value() {
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return value;
    }

    /** Why parsing failed; empty when it did not. */
    public String reason() {
        return reason == null ? "" : reason;
    }

    public <U> Parsed<U> map(Function<T, U> f) {
        return reason == null ? ok(f.apply(value)) : failed(reason);
    }

    @Override
    public String toString() {
        return reason == null ? "Parsed.ok" : "Parsed.failed(" + reason + ")";
    }
}
