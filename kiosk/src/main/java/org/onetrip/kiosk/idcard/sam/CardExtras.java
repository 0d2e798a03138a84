package org.onetrip.kiosk.idcard.sam;

import java.util.Objects;

/**
 * What a text block holds beyond {@link org.onetrip.kiosk.idcard.Identity}, by card type. Blank
 * where the card type has no such field. Kept raw (trimmed text), for the technician's read-card
 * tool and for the simulator's round trip.
 *
 * @param passNumber        {@code J}: the Hong Kong, Macau or Taiwan travel pass number (通行证号码)
 * @param issueCount        {@code J}: how many times the permit was issued (签发次数)
 * @param cardVersion       {@code I}: card version (证件版本号)
 * @param renewalCount      {@code Y}: how many times the card was renewed (换证次数)
 * @param previousPermitLink {@code Y}: the link to the holder's 2017-layout permit number
 */
public record CardExtras(String passNumber, String issueCount, String cardVersion, String renewalCount,
        String previousPermitLink) {

    public static final CardExtras NONE = new CardExtras("", "", "", "", "");

    public CardExtras {
        passNumber = Objects.requireNonNullElse(passNumber, "");
        issueCount = Objects.requireNonNullElse(issueCount, "");
        cardVersion = Objects.requireNonNullElse(cardVersion, "");
        renewalCount = Objects.requireNonNullElse(renewalCount, "");
        previousPermitLink = Objects.requireNonNullElse(previousPermitLink, "");
    }

    /** Masks the pass number: it identifies a person as surely as an ID number. */
    @Override
    public String toString() {
        return "CardExtras[passNumber=" + org.onetrip.kiosk.privacy.Masking.idNumber(passNumber) + ", issueCount="
                + issueCount + ", cardVersion=" + cardVersion + ", renewalCount=" + renewalCount + "]";
    }
}
