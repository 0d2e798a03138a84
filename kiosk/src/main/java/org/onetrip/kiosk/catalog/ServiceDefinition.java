package org.onetrip.kiosk.catalog;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * One service item of the centre, shaped after Open311's service list entry and service
 * definition together: code, name, description, group (the window), keywords and attributes,
 * plus what the kiosk needs: the identity it takes and the documents the resident must bring, and
 * what the back office needs: the time within which the centre promises to handle a request
 * ({@code timeLimit}, null when the service has none; hazard reports: 2 hours, as in the centre's
 * reform).
 */
public record ServiceDefinition(
        String code,
        LocalizedText name,
        LocalizedText description,
        String windowCode,
        List<String> keywords,
        IdentityRequirement identity,
        List<LocalizedText> documents,
        List<Attribute> attributes,
        Duration timeLimit) {

    public ServiceDefinition {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        documents = documents == null ? List.of() : List.copyOf(documents);
        attributes = attributes == null ? List.of()
                : attributes.stream().sorted(Comparator.comparingInt(Attribute::order)).toList();
    }

    /** A service without a time limit. */
    public ServiceDefinition(String code, LocalizedText name, LocalizedText description, String windowCode,
            List<String> keywords, IdentityRequirement identity, List<LocalizedText> documents, List<Attribute> attributes) {
        this(code, name, description, windowCode, keywords, identity, documents, attributes, null);
    }

    public Attribute attribute(String code) {
        return attributes.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }
}
