package org.onetrip.kiosk.printer;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * What a receipt says, independent of how a printer draws it. {@code locale} is the kiosk's
 * language; {@code secondLocale}, when not null, is printed beneath it. The resident's name is only
 * ever carried masked; so is the proxy agent's, when one filed the request ({@code agent}, else null).
 */
public record Receipt(
        LocalizedText centreName,
        LocalizedText windowName,
        String ticket,
        LocalizedText serviceName,
        ZonedDateTime filedAt,
        String maskedName,
        List<LocalizedText> documents,
        String statusUrl,
        LocalizedText centreHours,
        String centrePhone,
        String kioskId,
        Locale locale,
        Locale secondLocale,
        Agent agent) {

    /** The proxy agent who filed for the resident: masked name and village, never the ID number. */
    public record Agent(String maskedName, LocalizedText village) {
        public Agent {
            maskedName = maskedName == null ? "" : maskedName;
        }
    }

    public Receipt {
        documents = List.copyOf(documents);
        maskedName = maskedName == null ? "" : maskedName;
        centrePhone = centrePhone == null ? "" : centrePhone;
    }

    /** A receipt of a request filed without a proxy agent. */
    public Receipt(LocalizedText centreName, LocalizedText windowName, String ticket, LocalizedText serviceName,
            ZonedDateTime filedAt, String maskedName, List<LocalizedText> documents, String statusUrl,
            LocalizedText centreHours, String centrePhone, String kioskId, Locale locale, Locale secondLocale) {
        this(centreName, windowName, ticket, serviceName, filedAt, maskedName, documents, statusUrl, centreHours,
                centrePhone, kioskId, locale, secondLocale, null);
    }
}
