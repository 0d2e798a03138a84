package org.onetrip.kiosk.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.text.TextRules;

/**
 * A request as the resident pressed Submit, before it is stored. {@code attributes} holds the
 * values that are not personal; {@code personalAttributes} those the catalogue marks personal
 * (phone numbers…), which the store keeps apart so they can be erased. {@code resident} and
 * {@code agent} are null when the service takes no identity or no proxy. Every value is stored as
 * {@link TextRules} normalise it (NFC, LF line breaks), the form the catalogue's validator checked.
 */
public record NewRequest(
        UUID requestId,
        String kioskId,
        String serviceCode,
        String windowCode,
        char windowLetter,
        LocalDate day,
        Instant filedAt,
        String receiptToken,
        Map<String, String> attributes,
        Map<String, String> personalAttributes,
        Identity resident,
        Identity agent) {

    public NewRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(receiptToken, "receiptToken");
        attributes = clean(attributes);
        personalAttributes = clean(personalAttributes);
    }

    private static Map<String, String> clean(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, TextRules.normalise(v)));
        return Map.copyOf(out);
    }
}
