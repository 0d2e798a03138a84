package org.onetrip.kiosk.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The catalogue in Open311 GeoReport v2 shape, both ways: the back office serves a catalogue file
 * as {@code services.json} and {@code services/{code}.json}, and the kiosk turns what a back office
 * serves back into a catalogue. Pure: JSON trees in, JSON trees out.
 *
 * <p>Standard fields carry their standard types (names are plain strings, in Chinese;
 * {@code keywords} is one comma-separated string), so a plain Open311 client reads them. What only
 * a kiosk needs (names in every language, the identity a service takes, the documents to bring,
 * validation rules, phrases, which fields are personal) travels in {@code extended_attributes}, the
 * name GeoReport v2 servers already use for their additions. From a plain server without them the
 * kiosk keeps those details from its own catalogue for the services it knows.
 *
 * <p>Windows are the centre's physical counters, not an Open311 notion: they always come from the
 * kiosk's own catalogue, and a remote service whose {@code group} names no window here is left out.
 */
public final class Open311Catalog {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String EXT = "extended_attributes";

    private Open311Catalog() {
    }

    // ---------------------------------------------------------------------------------------------
    // Catalogue → Open311 (the back office)

    /** One entry of {@code services.json}; {@code type} is realtime or batch. */
    public static ObjectNode serviceListEntry(ServiceDefinition s, String type) {
        ObjectNode n = F.objectNode();
        n.put("service_code", s.code());
        n.put("service_name", s.name().zh());
        n.put("description", s.description().zh());
        n.put("metadata", !s.attributes().isEmpty());
        n.put("type", type);
        n.put("keywords", String.join(",", s.keywords()));
        n.put("group", s.windowCode());
        ObjectNode ext = n.putObject(EXT);
        ext.set("service_name", localized(s.name()));
        ext.set("description", localized(s.description()));
        ext.put("identity", s.identity().name().toLowerCase(Locale.ROOT));
        ArrayNode docs = ext.putArray("documents");
        s.documents().forEach(d -> docs.add(localized(d)));
        if (s.timeLimit() != null) {
            ext.put("time_limit_hours", s.timeLimit().toHours());
        }
        return n;
    }

    /** {@code services/{code}.json}: the service definition. */
    public static ObjectNode serviceDefinition(ServiceDefinition s) {
        ObjectNode n = F.objectNode();
        n.put("service_code", s.code());
        ArrayNode attrs = n.putArray("attributes");
        for (Attribute a : s.attributes()) {
            ObjectNode o = attrs.addObject();
            o.put("variable", true);
            o.put("code", a.code());
            o.put("datatype", a.datatype().open311());
            o.put("required", a.required());
            o.put("datatype_description", a.datatypeDescription().zh());
            o.put("order", a.order());
            o.put("description", a.description().zh());
            ArrayNode values = o.putArray("values");
            ObjectNode ext = o.putObject(EXT);
            ext.set("description", localized(a.description()));
            ext.set("datatype_description", localized(a.datatypeDescription()));
            ObjectNode valueNames = ext.putObject("values");
            for (AttributeValue v : a.values()) {
                values.addObject().put("key", v.key()).put("name", v.name().zh());
                valueNames.set(v.key(), localized(v.name()));
            }
            Validation rule = a.validation();
            ObjectNode val = ext.putObject("validation");
            val.put("kind", rule.kind());
            if (rule.min() != null) {
                val.put("min", rule.min());
            }
            if (rule.max() != null) {
                val.put("max", rule.max());
            }
            if (rule.pattern() != null) {
                val.put("pattern", rule.pattern());
            }
            val.put("max_length", rule.maxLength());
            if (rule.minDate() != null) {
                val.put("min_date", rule.minDate().text());
            }
            if (rule.maxDate() != null) {
                val.put("max_date", rule.maxDate().text());
            }
            ArrayNode phrases = ext.putArray("phrases");
            a.phrases().forEach(p -> phrases.add(localized(p)));
            ext.put("personal", a.personal());
        }
        return n;
    }

    private static ObjectNode localized(LocalizedText t) {
        ObjectNode o = F.objectNode();
        t.byTag().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.put(e.getKey(), e.getValue()));
        return o;
    }

    // ---------------------------------------------------------------------------------------------
    // Open311 → catalogue (the kiosk)

    /**
     * A catalogue file tree ({@code {"windows": …, "services": …}}) from a back office's service
     * list and the definitions fetched for it ({@code definitions} by service code; a service with
     * {@code metadata} true and no definition here is left out, as its form is unknown). Windows,
     * and the details a plain server does not send, come from {@code local}. Services left out are
     * reported to {@code skipped} with the reason; parse the result with {@link CatalogLoader#parse(String, String)}.
     */
    public static ObjectNode toCatalogFile(JsonNode serviceList, Map<String, JsonNode> definitions, ServiceCatalog local,
            Consumer<String> skipped) {
        if (serviceList == null || !serviceList.isArray()) {
            throw new IllegalArgumentException("services.json is not a JSON array");
        }
        ObjectNode root = F.objectNode();
        ArrayNode windows = root.putArray("windows");
        for (ServiceWindow w : local.windows()) {
            ObjectNode o = windows.addObject();
            o.put("code", w.code());
            o.put("letter", String.valueOf(w.letter()));
            o.set("name", localized(w.name()));
            o.set("description", localized(w.description()));
            o.put("icon", w.icon());
        }
        ArrayNode services = root.putArray("services");
        for (JsonNode s : serviceList) {
            String code = s.path("service_code").asText("");
            String group = s.path("group").asText("");
            if (code.isEmpty()) {
                skipped.accept("a service without service_code");
                continue;
            }
            if (local.window(group).isEmpty()) {
                skipped.accept("service '" + code + "': group '" + group + "' is no window of this kiosk");
                continue;
            }
            JsonNode definition = definitions.get(code);
            if (s.path("metadata").asBoolean(false) && definition == null) {
                skipped.accept("service '" + code + "': its definition could not be fetched");
                continue;
            }
            ServiceDefinition known = local.service(code).orElse(null);
            JsonNode ext = s.path(EXT);
            ObjectNode o = services.addObject();
            o.put("service_code", code);
            o.set("service_name", text(s.path("service_name"), ext.path("service_name"), known == null ? null : known.name()));
            o.set("description", text(s.path("description"), ext.path("description"),
                    known == null ? null : known.description()));
            o.put("group", group);
            ArrayNode keywords = o.putArray("keywords");
            for (String k : s.path("keywords").asText("").split(",")) {
                if (!k.isBlank()) {
                    keywords.add(k.strip());
                }
            }
            if (ext.path("identity").isTextual()) {
                o.put("identity", ext.path("identity").asText());
            } else if (known != null) {
                o.put("identity", known.identity().name().toLowerCase(Locale.ROOT));
            }
            if (ext.path("documents").isArray()) {
                o.set("documents", ext.path("documents").deepCopy());
            } else if (known != null) {
                ArrayNode docs = o.putArray("documents");
                known.documents().forEach(d -> docs.add(localized(d)));
            }
            if (ext.has("time_limit_hours")) {
                o.set("time_limit_hours", ext.get("time_limit_hours").deepCopy());
            } else if (known != null && known.timeLimit() != null) {
                o.put("time_limit_hours", known.timeLimit().toHours());
            }
            ArrayNode attrs = o.putArray("attributes");
            if (definition != null) {
                for (JsonNode a : definition.path("attributes")) {
                    // variable=false marks an informational line, not something the resident enters.
                    if (a.path("variable").asBoolean(true)) {
                        attrs.add(attribute(a, known == null ? null : known.attribute(a.path("code").asText(""))));
                    }
                }
            }
        }
        return root;
    }

    private static ObjectNode attribute(JsonNode a, Attribute known) {
        JsonNode ext = a.path(EXT);
        ObjectNode o = F.objectNode();
        o.set("code", a.path("code").deepCopy());
        o.set("datatype", a.path("datatype").deepCopy());
        o.put("required", a.path("required").asBoolean(false));
        if (a.path("order").canConvertToInt()) {
            o.put("order", a.path("order").asInt());
        }
        o.set("description", text(a.path("description"), ext.path("description"), known == null ? null : known.description()));
        o.set("datatype_description", text(a.path("datatype_description"), ext.path("datatype_description"),
                known == null ? null : known.datatypeDescription()));
        ArrayNode values = o.putArray("values");
        for (JsonNode v : a.path("values")) {
            String key = v.path("key").asText("");
            AttributeValue knownValue = known == null ? null : known.value(key);
            values.addObject().put("key", key).set("name", text(v.path("name"), ext.path("values").path(key),
                    knownValue == null ? null : knownValue.name()));
        }
        if (ext.path("validation").isObject()) {
            o.set("validation", ext.path("validation").deepCopy());
        } else if (known != null) {
            Validation r = known.validation();
            ObjectNode val = o.putObject("validation");
            val.put("kind", r.kind());
            if (r.min() != null) {
                val.put("min", r.min());
            }
            if (r.max() != null) {
                val.put("max", r.max());
            }
            if (r.pattern() != null) {
                val.put("pattern", r.pattern());
            }
            val.put("max_length", r.maxLength());
            if (r.minDate() != null) {
                val.put("min_date", r.minDate().text());
            }
            if (r.maxDate() != null) {
                val.put("max_date", r.maxDate().text());
            }
        }
        if (ext.path("phrases").isArray()) {
            o.set("phrases", ext.path("phrases").deepCopy());
        } else if (known != null) {
            ArrayNode phrases = o.putArray("phrases");
            known.phrases().forEach(p -> phrases.add(localized(p)));
        }
        o.put("personal", ext.path("personal").isBoolean() ? ext.path("personal").asBoolean() : known != null && known.personal());
        return o;
    }

    /**
     * A text in every language: the extension's when sent; else the kiosk's own when its Chinese
     * still matches what the server says (so its English stays); else the server's plain string.
     */
    private static JsonNode text(JsonNode plain, JsonNode extended, LocalizedText known) {
        if (extended.isObject() && extended.size() > 0) {
            return extended.deepCopy();
        }
        String zh = plain.isTextual() ? plain.asText() : "";
        if (known != null && known.zh().equals(zh)) {
            return localized(known);
        }
        ObjectNode o = F.objectNode();
        if (!zh.isEmpty()) {
            o.put("zh-CN", zh);
        }
        return o;
    }

    /** The service codes of a service list, in order, for fetching their definitions. */
    public static List<String> codesWithDefinitions(JsonNode serviceList) {
        List<String> codes = new ArrayList<>();
        for (JsonNode s : serviceList) {
            if (s.path("metadata").asBoolean(false) && s.path("service_code").isTextual()) {
                codes.add(s.path("service_code").asText());
            }
        }
        return codes;
    }
}
