package org.onetrip.kiosk.catalog;

import java.util.Comparator;
import java.util.List;

/**
 * One service item of the centre, shaped after Open311's service list entry and service
 * definition together: code, name, description, group (the window), keywords and attributes,
 * plus what the kiosk needs: the identity it takes and the documents the resident must bring.
 */
public record ServiceDefinition(
        String code,
        LocalizedText name,
        LocalizedText description,
        String windowCode,
        List<String> keywords,
        IdentityRequirement identity,
        List<LocalizedText> documents,
        List<Attribute> attributes) {

    public ServiceDefinition {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        documents = documents == null ? List.of() : List.copyOf(documents);
        attributes = attributes == null ? List.of()
                : attributes.stream().sorted(Comparator.comparingInt(Attribute::order)).toList();
    }

    public Attribute attribute(String code) {
        return attributes.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }
}
