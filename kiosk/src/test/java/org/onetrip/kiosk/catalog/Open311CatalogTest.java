package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as a back office serves it, and back into a catalogue on the kiosk. */
class Open311CatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceCatalog bundled = new CatalogLoader().loadBundled();

    private ArrayNode serviceList(ServiceCatalog c) {
        ArrayNode list = JSON.createArrayNode();
        c.services().forEach(s -> list.add(Open311Catalog.serviceListEntry(s, "realtime")));
        return list;
    }

    private Map<String, JsonNode> definitions(ServiceCatalog c) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        c.services().forEach(s -> m.put(s.code(), Open311Catalog.serviceDefinition(s)));
        return m;
    }

    private static void stripExtensions(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("extended_attributes");
        }
        n.forEach(Open311CatalogTest::stripExtensions);
    }

    @Test
    void standardFieldsHaveTheirStandardTypes() {
        ServiceDefinition s = bundled.service("residence-certificate").orElseThrow();
        ObjectNode entry = Open311Catalog.serviceListEntry(s, "realtime");
        assertThat(entry.path("service_code").asText()).isEqualTo("residence-certificate");
        assertThat(entry.path("service_name").isTextual()).isTrue();
        assertThat(entry.path("service_name").asText()).isEqualTo(s.name().zh());
        assertThat(entry.path("keywords").isTextual()).isTrue();
        assertThat(entry.path("keywords").asText()).isEqualTo(String.join(",", s.keywords()));
        assertThat(entry.path("metadata").asBoolean()).isTrue();
        assertThat(entry.path("group").asText()).isEqualTo(s.windowCode());
        assertThat(entry.path("extended_attributes").path("service_name").path("en").asText()).isEqualTo(s.name().en());

        ObjectNode def = Open311Catalog.serviceDefinition(s);
        JsonNode first = def.path("attributes").get(0);
        assertThat(first.path("variable").asBoolean()).isTrue();
        assertThat(first.path("description").isTextual()).isTrue();
        assertThat(first.path("datatype").asText()).isIn("string", "number", "datetime", "text", "singlevaluelist",
                "multivaluelist");
        assertThat(def.path("attributes").size()).isEqualTo(s.attributes().size());
    }

    @Test
    void aCatalogueServedWithExtensionsComesBackWhole() {
        ObjectNode file = Open311Catalog.toCatalogFile(serviceList(bundled), definitions(bundled), bundled, s -> {
            throw new AssertionError(s);
        });
        ServiceCatalog back = new CatalogLoader().parse(file, "test");

        assertThat(back.windows()).isEqualTo(bundled.windows());
        assertThat(back.services()).isEqualTo(bundled.services());
    }

    @Test
    void fromAPlainServerTheKioskKeepsWhatOnlyItKnowsForItsOwnServices() {
        ArrayNode list = serviceList(bundled);
        Map<String, JsonNode> defs = definitions(bundled);
        stripExtensions(list);
        defs.values().forEach(Open311CatalogTest::stripExtensions);

        ServiceCatalog back = new CatalogLoader().parse(Open311Catalog.toCatalogFile(list, defs, bundled, s -> { }), "plain");

        assertThat(back.services()).isEqualTo(bundled.services());
    }

    @Test
    void aServiceOnlyTheServerKnowsTakesThePlainTextsAndSafeDefaults() throws Exception {
        JsonNode list = JSON.readTree("""
                [{"service_code":"dog-licence","service_name":"养犬登记","description":"办理养犬登记证","metadata":true,
                  "type":"realtime","keywords":"狗, 养犬 ,","group":"livelihood"}]""");
        JsonNode def = JSON.readTree("""
                {"service_code":"dog-licence","attributes":[
                  {"variable":true,"code":"breed","datatype":"singlevaluelist","required":true,"order":2,
                   "description":"犬种","datatype_description":"选一项",
                   "values":[{"key":"small","name":"小型犬"},{"key":"large","name":"大型犬"}]},
                  {"variable":false,"code":"notice","datatype":"text","required":false,"order":1,"description":"须知"},
                  {"variable":true,"code":"count","datatype":"number","required":false,"order":3,"description":"数量"}]}""");

        ServiceCatalog c = new CatalogLoader().parse(
                Open311Catalog.toCatalogFile(list, Map.of("dog-licence", def), bundled, s -> { }), "plain");

        ServiceDefinition s = c.service("dog-licence").orElseThrow();
        assertThat(s.name().zh()).isEqualTo("养犬登记");
        assertThat(s.keywords()).containsExactly("狗", "养犬");
        assertThat(s.identity()).isEqualTo(IdentityRequirement.RESIDENT);
        assertThat(s.attributes()).extracting(Attribute::code).containsExactly("breed", "count");
        assertThat(s.attribute("breed").value("large").name().zh()).isEqualTo("大型犬");
        assertThat(s.attribute("breed").personal()).isFalse();
        assertThat(c.windows()).isEqualTo(bundled.windows());
    }

    @Test
    void aChangedChineseNameIsTakenWithoutTheStaleEnglish() throws Exception {
        ArrayNode list = serviceList(bundled);
        stripExtensions(list);
        ((ObjectNode) list.get(0)).put("service_name", "新名称");
        String code = list.get(0).path("service_code").asText();

        ServiceCatalog c = new CatalogLoader().parse(
                Open311Catalog.toCatalogFile(list, definitions(bundled), bundled, s -> { }), "plain");

        assertThat(c.service(code).orElseThrow().name().byTag()).isEqualTo(Map.of("zh-CN", "新名称"));
    }

    @Test
    void servicesTheKioskCannotOfferAreLeftOutWithTheReason() throws Exception {
        JsonNode list = JSON.readTree("""
                [{"service_code":"pothole","service_name":"坑洼","group":"streets","metadata":false},
                 {"service_code":"with-form","service_name":"表单","group":"opinion","metadata":true},
                 {"service_name":"no code","group":"opinion"},
                 {"service_code":"plain","service_name":"无表单","group":"opinion","metadata":false}]""");
        List<String> skipped = new ArrayList<>();

        ServiceCatalog c = new CatalogLoader().parse(Open311Catalog.toCatalogFile(list, Map.of(), bundled, skipped::add),
                "remote");

        assertThat(c.services()).extracting(ServiceDefinition::code).containsExactly("plain");
        assertThat(skipped).hasSize(3);
        assertThat(skipped.get(0)).contains("pothole").contains("streets");
        assertThat(skipped.get(1)).contains("with-form").contains("definition");
        assertThat(Open311Catalog.codesWithDefinitions(list)).containsExactly("with-form");
    }

    @Test
    void aServiceListThatIsNoArrayIsRefused() throws Exception {
        assertThatThrownBy(() -> Open311Catalog.toCatalogFile(JSON.readTree("{\"error\":1}"), Map.of(), bundled, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array");
    }
}
