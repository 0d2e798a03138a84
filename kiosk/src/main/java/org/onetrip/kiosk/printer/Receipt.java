package org.onetrip.kiosk.printer;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * What a receipt says, independent of how a printer draws it. {@code locale} is the kiosk's
 * language; {@code secondLocale}, when not null, is printed beneath it. The resident's name is only
 * ever carried masked.
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
        Locale secondLocale) {

    public Receipt {
        documents = List.copyOf(documents);
        maskedName = maskedName == null ? "" : maskedName;
        centrePhone = centrePhone == null ? "" : centrePhone;
    }
}
