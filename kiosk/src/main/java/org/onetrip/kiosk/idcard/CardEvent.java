package org.onetrip.kiosk.idcard;

/** What a reader reports: a card read, a read that failed, or the card taken away. */
public sealed interface CardEvent {

    /** A card was placed and read; reported once per placement. */
    record Presented(Identity identity) implements CardEvent {
    }

    /** A card is there but could not be read; {@code transientFailure} means "try again". */
    record ReadFailed(boolean transientFailure, String reason) implements CardEvent {
    }

    /** The card was removed from the reader. */
    record Removed() implements CardEvent {
    }
}
