package org.onetrip.kiosk.proxy;

import java.time.LocalDate;
import java.util.Objects;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.idcard.CardType;

/**
 * A registered village proxy agent (代办员) as the kiosk holds one: the registration's code (what
 * the back office and the log see), the card type registered, the masked name and the village,
 * and until when the registration runs ({@code null}: no end). The ID number and the whole name
 * are held only as salted digests.
 */
public record ProxyAgent(String code, CardType cardType, String maskedName, LocalizedText village,
        LocalDate validUntil, SaltedDigest idNumber, SaltedDigest name) {

    /**
     * Request attributes a proxy filing carries to the back office: the registration's code and the
     * village (in Chinese). The agent's ID number is not among them.
     */
    public static final String REGISTRATION_ATTRIBUTE = "agent_registration";
    public static final String VILLAGE_ATTRIBUTE = "agent_village";

    public ProxyAgent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(maskedName, "maskedName");
        Objects.requireNonNull(village, "village");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(name, "name");
    }

    /** The registration covers {@code day}. */
    public boolean validOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }

    @Override
    public String toString() {
        return "ProxyAgent[" + code + ", " + maskedName + ", " + village.zh() + "]";
    }
}
