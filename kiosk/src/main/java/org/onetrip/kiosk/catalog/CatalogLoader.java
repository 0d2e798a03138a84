package org.onetrip.kiosk.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a catalogue file: {@code {"windows": […], "services": […]}}, each service an Open311
 * service list entry merged with its service definition ({@code service_code}, {@code service_name},
 * {@code description}, {@code group}, {@code keywords}, {@code attributes} with {@code code},
 * {@code datatype}, {@code required}, {@code order}, {@code values}), names given per language.
 * A broken catalogue fails loudly with the service and field at fault.
 */
public final class CatalogLoader {
    /** The catalogue bundled with the kiosk: kiosk/src/main/resources/catalog/services.json. */
    public static final String BUNDLED = "/catalog/services.json";

    private final ObjectMapper json = new ObjectMapper();

    public ServiceCatalog loadBundled() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalogue " + BUNDLED + " is missing from the build");
            }
            return parse(json.readTree(in), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled catalogue " + BUNDLED, e);
        }
    }

    public ServiceCatalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(json.readTree(in), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read catalogue " + file + ": " + e.getMessage(), e);
        }
    }

    ServiceCatalog parse(JsonNode root, String source) {
        List<ServiceWindow> windows = new ArrayList<>();
        for (JsonNode w : root.path("windows")) {
            String letter = text(w, "letter", source);
            if (!letter.matches("[A-Z]")) {
                throw new IllegalArgumentException(source + ": window letter must be one capital letter, got '" + letter + "'");
            }
            windows.add(new ServiceWindow(text(w, "code", source), letter.charAt(0), localized(w.path("name")),
                    localized(w.path("description")), w.path("icon").asText("")));
        }
        List<ServiceDefinition> services = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            String code = text(s, "service_code", source);
            String where = source + ": service '" + code + "'";
            try {
                services.add(new ServiceDefinition(code, localized(s.path("service_name")), localized(s.path("description")),
                        text(s, "group", where), strings(s.path("keywords")),
                        IdentityRequirement.valueOf(s.path("identity").asText("resident").toUpperCase(Locale.ROOT)),
                        localizedList(s.path("documents")), attributes(s.path("attributes"), where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (windows.isEmpty() || services.isEmpty()) {
            throw new IllegalArgumentException(source + ": a catalogue needs windows and services");
        }
        return new ServiceCatalog(windows, services);
    }

    private List<Attribute> attributes(JsonNode list, String where) {
        List<Attribute> out = new ArrayList<>();
        for (JsonNode a : list) {
            String code = text(a, "code", where);
            if (!code.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new IllegalArgumentException("attribute code '" + code + "' must be lower case letters, digits, _");
            }
            List<AttributeValue> values = new ArrayList<>();
            for (JsonNode v : a.path("values")) {
                values.add(new AttributeValue(text(v, "key", where), localized(v.path("name"))));
            }
            Datatype type = Datatype.of(text(a, "datatype", where));
            if ((type == Datatype.SINGLEVALUELIST || type == Datatype.MULTIVALUELIST) && values.isEmpty()) {
                throw new IllegalArgumentException("attribute '" + code + "' is a list without values");
            }
            JsonNode v = a.path("validation");
            Validation validation = v.isMissingNode() ? Validation.NONE : new Validation(v.path("kind").asText("none"),
                    v.has("min") ? v.get("min").asLong() : null, v.has("max") ? v.get("max").asLong() : null,
                    v.path("pattern").asText(null), v.path("max_length").asInt(200));
            out.add(new Attribute(code, type, a.path("required").asBoolean(false), localized(a.path("description")),
                    localized(a.path("datatype_description")), a.path("order").asInt(out.size() + 1), values, validation,
                    localizedList(a.path("phrases")), a.path("personal").asBoolean(false)));
        }
        return out;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return v.asText();
    }

    private static LocalizedText localized(JsonNode n) {
        if (n.isTextual()) {
            return new LocalizedText(Map.of("zh-CN", n.asText()));
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return new LocalizedText(m);
    }

    private static List<LocalizedText> localizedList(JsonNode n) {
        List<LocalizedText> out = new ArrayList<>();
        n.forEach(x -> out.add(localized(x)));
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
