package org.onetrip.backoffice.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.catalog.LocalizedText;

/**
 * The departments a request can be assigned to (the centre's 五办一中心一大队) and the response
 * templates staff pick from, per service with a default set ({@code staff/responses.json}).
 */
public final class Responses {
    public record Department(String code, LocalizedText name) {
    }

    private final List<Department> departments = new ArrayList<>();
    private final Map<String, Map<String, List<LocalizedText>>> templates = new LinkedHashMap<>();

    public Responses() {
        try (InputStream in = Responses.class.getResourceAsStream("/staff/responses.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /staff/responses.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode d : root.path("departments")) {
                departments.add(new Department(d.path("code").asText(), text(d)));
            }
            root.path("templates").fields().forEachRemaining(service -> {
                Map<String, List<LocalizedText>> byKind = new LinkedHashMap<>();
                service.getValue().fields().forEachRemaining(kind -> {
                    List<LocalizedText> list = new ArrayList<>();
                    kind.getValue().forEach(t -> list.add(text(t)));
                    byKind.put(kind.getKey(), List.copyOf(list));
                });
                templates.put(service.getKey(), byKind);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalizedText text(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zh-CN", n.path("zh-CN").asText());
        m.put("en", n.path("en").asText());
        return new LocalizedText(m);
    }

    public List<Department> departments() {
        return List.copyOf(departments);
    }

    public Department department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
    }

    /** The service's own templates of {@code kind} ("complete", "reject") first, then the default ones. */
    public List<LocalizedText> templates(String serviceCode, String kind) {
        List<LocalizedText> out = new ArrayList<>(templates.getOrDefault(serviceCode, Map.of()).getOrDefault(kind, List.of()));
        out.addAll(templates.get("default").getOrDefault(kind, List.of()));
        return out;
    }
}
