package org.onetrip.kiosk.idcard;

import java.time.LocalDate;

/**
 * Whether the kiosk accepts a card that was read correctly: not expired, and (for the card types
 * numbered by GB 11643) an ID number whose check character is right. Same rule for every reader.
 */
public final class CardCheck {

    /** Why a card was refused; the UI words each one for the resident. */
    public enum Rejection { EXPIRED, NOT_YET_VALID, BAD_ID_NUMBER }

    private CardCheck() {
    }

    /** Null when the card is acceptable on {@code today}. */
    public static Rejection check(Identity id, LocalDate today) {
        if (id.validTo() != null && id.validTo().isBefore(today)) {
            return Rejection.EXPIRED;
        }
        if (id.validFrom() != null && id.validFrom().isAfter(today)) {
            return Rejection.NOT_YET_VALID;
        }
        boolean numbered = id.cardType() == CardType.RESIDENT || id.cardType() == CardType.HMT_RESIDENCE_PERMIT
                || id.cardType() == CardType.FOREIGN_PERMANENT_2023;
        if (numbered && !IdNumbers.isValid(id.idNumber())) {
            return Rejection.BAD_ID_NUMBER;
        }
        return null;
    }
}
