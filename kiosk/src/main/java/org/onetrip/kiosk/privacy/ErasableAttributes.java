package org.onetrip.kiosk.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.Datatype;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;

/**
 * Which attribute values of a stored request are erased with its personal data. A resident can
 * type anything into a free-text field — an ID number into "what happened", an illness into
 * "reason" — so every {@code string} and {@code text} attribute is personal, whether or not the
 * catalogue marks it so. Numbers, dates and choices from the catalogue's lists stay: they are what
 * the request was about, not who filed it. A service or attribute the catalogue does not know (any
 * more) is erased whole: what cannot be judged is not kept.
 */
@FunctionalInterface
public interface ErasableAttributes {

    /** True when the value of {@code attributeCode} in a request for {@code serviceCode} is erased. */
    boolean erasable(String serviceCode, String attributeCode);

    /** Every attribute value: for a store that has no catalogue to judge by. */
    ErasableAttributes EVERY_ATTRIBUTE = (service, attribute) -> true;

    /** Free text and personal fields of {@code catalog}'s services; everything of unknown ones. */
    static ErasableAttributes of(ServiceCatalog catalog) {
        Map<String, Set<String>> kept = new HashMap<>();
        for (ServiceDefinition s : catalog.services()) {
            kept.put(s.code(), s.attributes().stream().filter(a -> !holdsFreeText(a)).map(Attribute::code)
                    .collect(Collectors.toUnmodifiableSet()));
        }
        return (service, attribute) -> {
            Set<String> k = kept.get(service);
            return k == null || !k.contains(attribute);
        };
    }

    /** Free text, or a field the catalogue marks personal. */
    static boolean holdsFreeText(Attribute a) {
        return a.personal() || a.datatype() == Datatype.STRING || a.datatype() == Datatype.TEXT;
    }
}
