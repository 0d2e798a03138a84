package org.onetrip.kiosk.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onetrip.kiosk.text.StrictUtf8;

/**
 * Reads a catalogue file: {@code {"windows": […], "services": […]}}, each service an Open311
 * service list entry merged with its service definition ({@code service_code}, {@code service_name},
 * {@code description}, {@code group}, {@code keywords}, {@code attributes} with {@code code},
 * {@code datatype}, {@code required}, {@code order}, {@code values}), names given per language.
 * {@code time_limit_hours} is the centre's promise per service (the back office's work queue counts down to it).
 * A plain string where a name is expected is taken as Chinese, as a GeoReport v2 server sends it.
 * A broken catalogue fails loudly with the service and field at fault.
 */
public final class CatalogLoader {
    /** The catalogue bundled with the kiosk: kiosk/src/main/resources/catalog/services.json. */
    public static final String BUNDLED = "/catalog/services.json";


    public ServiceCatalog loadBundled() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalogue " + BUNDLED + " is missing from the build");
            }
            return parse(in.readAllBytes(), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled catalogue " + BUNDLED, e);
        }
    }

    /**
     * A catalogue file; anything wrong with it is a {@link CatalogException} with the file, the line
     * and column, and what is wrong (bytes that are not UTF-8, JSON syntax, a field at fault).
     */
    public ServiceCatalog load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogException(file.toString(), 0, 0, "cannot be read (" + e + ")", e);
        }
        return parse(bytes, file.toString());
    }

    private ServiceCatalog parse(byte[] bytes, String source) {
        String text;
        try {
            text = StrictUtf8.decode(bytes, source);
        } catch (StrictUtf8.MalformedTextException e) {
            throw new CatalogException(source, e.line(), e.column(), "byte " + e.offset() + " is not UTF-8; save the file as UTF-8", e);
        }
        return parse(text, source);
    }

    /** A catalogue from its JSON text, e.g. one the kiosk cached after fetching it from the back office. */
    public ServiceCatalog parse(String catalogJson, String source) {
        JsonNode root;
        try {
            root = readTree(catalogJson);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CatalogException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading a string cannot fail: " + source, e); // never
        }
        try {
            return parse(root, source);
        } catch (Located e) {
            int[] at = locate(catalogJson, e.pointer);
            String message = e.getMessage().startsWith(source + ": ") ? e.getMessage().substring(source.length() + 2) : e.getMessage();
            throw new CatalogException(source, at[0], at[1], message, e);
        }
    }

    /**
     * The tree {@code ObjectMapper.readTree} would give (last of duplicate keys, ints as int or
     * long, decimals as double; nothing after the value is read), built from Jackson's streaming
     * parser: the catalogue is read before the home screen, and an ObjectMapper's set-up loads
     * some 350 classes of databind that the home screen does not need (issue 13, -Xlog:class+load).
     */
    static JsonNode readTree(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            return t == null ? MissingNode.getInstance() : value(p, t);
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactory();
    // Compiled once: String.matches compiles its pattern at every call, a few hundred times per
    // catalogue, before the home screen (issue 13, cold start).
    private static final java.util.regex.Pattern LETTER = java.util.regex.Pattern.compile("[A-Z]");
    private static final java.util.regex.Pattern ATTRIBUTE_CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, next));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }

    /** A problem found at a JSON pointer ({@code /services/3/attributes/1}), so a file's line can be named. */
    private static final class Located extends IllegalArgumentException {
        final String pointer;

        Located(String pointer, String message, Throwable cause) {
            super(message, cause);
            this.pointer = pointer;
        }
    }

    private static String pointerOf(IllegalArgumentException e) {
        return e instanceof Located l ? l.pointer : "";
    }

    /** Line and column where the value at {@code pointer} starts in {@code text}; {0, 0} when not found. */
    private static int[] locate(String text, String pointer) {
        try (JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                if (ctx != null && ctx.pathAsPointer().toString().equals(pointer)) {
                    JsonLocation at = p.currentTokenLocation();
                    return new int[] {at.getLineNr(), at.getColumnNr()};
                }
            }
        } catch (IOException e) {
            // already parsed once: cannot happen; the file is named without a line
        }
        return new int[] {0, 0};
    }

    /**
     * Every error names where it is: {@code source: service 'x': attribute 'y': what is wrong}.
     * Inner helpers throw the bare reason; each level adds its own name once. Also for trees built
     * in memory, e.g. by {@link Open311Catalog#toCatalogFile}.
     */
    public ServiceCatalog parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": a catalogue is a JSON object with windows and services");
        }
        List<ServiceWindow> windows = new ArrayList<>();
        int index = 0;
        for (JsonNode w : root.path("windows")) {
            index++;
            String where = source + ": window #" + index;
            try {
                String code = text(w, "code");
                where = source + ": window '" + code + "'";
                if (windows.stream().anyMatch(x -> x.code().equals(code))) {
                    throw new IllegalArgumentException("window code appears twice");
                }
                String letter = text(w, "letter");
                if (!LETTER.matcher(letter).matches()) {
                    throw new IllegalArgumentException("window letter must be one capital letter, got '" + letter + "'");
                }
                windows.add(new ServiceWindow(code, letter.charAt(0), name(w, "name"),
                        localized(w.path("description")), w.path("icon").asText("")));
            } catch (IllegalArgumentException e) {
                throw new Located("/windows/" + (index - 1) + pointerOf(e), where + ": " + e.getMessage(), e);
            }
        }
        List<ServiceDefinition> services = new ArrayList<>();
        index = 0;
        for (JsonNode s : root.path("services")) {
            index++;
            String where = source + ": service #" + index;
            try {
                String code = text(s, "service_code");
                where = source + ": service '" + code + "'";
                if (services.stream().anyMatch(x -> x.code().equals(code))) {
                    throw new IllegalArgumentException("service_code appears twice");
                }
                String group = text(s, "group");
                if (windows.stream().noneMatch(w -> w.code().equals(group))) {
                    throw new IllegalArgumentException("group names unknown window '" + group + "'");
                }
                services.add(new ServiceDefinition(code, name(s, "service_name"), localized(s.path("description")),
                        text(s, "group"), strings(s.path("keywords")), identity(s.path("identity")),
                        localizedList(s.path("documents")), attributes(s.path("attributes")), timeLimit(s)));
            } catch (IllegalArgumentException e) {
                throw new Located("/services/" + (index - 1) + pointerOf(e), where + ": " + e.getMessage(), e);
            }
        }
        if (windows.isEmpty() || services.isEmpty()) {
            throw new IllegalArgumentException(source + ": a catalogue needs windows and services");
        }
        try {
            return new ServiceCatalog(windows, services);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** A service without {@code identity} takes the resident's card: the safe default. */
    /** {@code time_limit_hours}: a whole number of hours from 1 to 8760 (a year), or absent. */
    private static java.time.Duration timeLimit(JsonNode s) {
        JsonNode n = s.get("time_limit_hours");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 8760) {
            throw new IllegalArgumentException("time_limit_hours must be a whole number of hours from 1 to 8760");
        }
        return java.time.Duration.ofHours(n.asInt());
    }

    private static IdentityRequirement identity(JsonNode n) {
        String v = n.asText("resident");
        try {
            return IdentityRequirement.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identity must be none, resident or proxy, got '" + v + "'");
        }
    }

    private List<Attribute> attributes(JsonNode list) {
        List<Attribute> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int index = 0;
        for (JsonNode a : list) {
            index++;
            String code = "#" + index;
            try {
                code = text(a, "code");
                if (!ATTRIBUTE_CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException("code must be lower case letters, digits, _");
                }
                if (!codes.add(code)) {
                    // Two fields with one code: the form would show both but only one could be filled.
                    throw new IllegalArgumentException("code appears twice");
                }
                out.add(attribute(a, code, out.size() + 1));
            } catch (IllegalArgumentException e) {
                throw new Located("/attributes/" + (index - 1) + pointerOf(e), "attribute '" + code + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    private Attribute attribute(JsonNode a, String code, int defaultOrder) {
        Datatype type = Datatype.of(text(a, "datatype"));
        List<AttributeValue> values = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode v : a.path("values")) {
            String key = text(v, "key");
            if (!keys.add(key)) {
                throw new IllegalArgumentException("value key '" + key + "' appears twice");
            }
            try {
                values.add(new AttributeValue(key, name(v, "name")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value '" + key + "': " + e.getMessage(), e);
            }
        }
        if ((type == Datatype.SINGLEVALUELIST || type == Datatype.MULTIVALUELIST) && values.isEmpty()) {
            throw new IllegalArgumentException("a list without values");
        }
        JsonNode v = a.path("validation");
        Validation validation = v.isMissingNode() || v.isNull() ? Validation.NONE
                : new Validation(v.path("kind").asText("none"), number(v, "min"), number(v, "max"),
                        v.hasNonNull("pattern") ? v.get("pattern").asText() : null, v.path("max_length").asInt(200),
                        dateBound(v, "min_date"), dateBound(v, "max_date"));
        if (type != Datatype.DATETIME && (validation.minDate() != null || validation.maxDate() != null)) {
            throw new IllegalArgumentException("min_date and max_date are for datetime fields only");
        }
        return new Attribute(code, type, a.path("required").asBoolean(false), localized(a.path("description")),
                localized(a.path("datatype_description")), a.path("order").asInt(defaultOrder), values, validation,
                localizedList(a.path("phrases")), a.path("personal").asBoolean(false));
    }

    private static DateBound dateBound(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("validation '" + field + "' must be a text such as \"today\", got " + v);
        }
        return DateBound.parse(v.asText());
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("validation '" + field + "' must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v.asText();
    }

    /** A name the screen shows: it must at least have its Chinese text. */
    private static LocalizedText name(JsonNode n, String field) {
        LocalizedText t = localized(n.path(field));
        String zh = t.byTag().get("zh-CN");
        if (zh == null || zh.isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "' in zh-CN");
        }
        return t;
    }

    private static LocalizedText localized(JsonNode n) {
        if (n.isTextual()) {
            return new LocalizedText(Map.of("zh-CN", n.asText()));
        }
        Map<String, String> m = new LinkedHashMap<>();
        // A JSON null would otherwise become the text "null" on screen.
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                m.put(e.getKey(), e.getValue().asText());
            }
        });
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
