package org.onetrip.kiosk.idcard;

import java.time.LocalDate;
import java.util.Objects;
import org.onetrip.kiosk.privacy.Masking;

/**
 * What a card says about its holder. The photo is deliberately absent: the kiosk never keeps it.
 * {@code validTo} is null for a card valid for life (长期). {@code toString} masks personal data,
 * so an identity that slips into a log line gives nothing away.
 */
public record Identity(
        CardType cardType,
        String name,
        Sex sex,
        String ethnicity,
        LocalDate birthDate,
        String address,
        String idNumber,
        String issuingAuthority,
        LocalDate validFrom,
        LocalDate validTo,
        String englishName,
        String nationality) {

    public Identity {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        sex = sex == null ? Sex.UNKNOWN : sex;
        ethnicity = ethnicity == null ? "" : ethnicity;
        address = address == null ? "" : address;
        issuingAuthority = issuingAuthority == null ? "" : issuingAuthority;
        englishName = englishName == null ? "" : englishName;
        nationality = nationality == null ? "" : nationality;
    }

    /** A resident card's identity, the common case. */
    public static Identity resident(String name, Sex sex, String ethnicity, LocalDate birthDate, String address,
            String idNumber, String authority, LocalDate validFrom, LocalDate validTo) {
        return new Identity(CardType.RESIDENT, name, sex, ethnicity, birthDate, address, idNumber, authority,
                validFrom, validTo, "", "");
    }

    public boolean validForLife() {
        return validTo == null;
    }

    public String maskedName() {
        return Masking.name(name);
    }

    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }

    @Override
    public String toString() {
        return "Identity[" + cardType + ", " + maskedName() + ", " + maskedIdNumber() + "]";
    }
}
