package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static ServiceCatalog bundled;
    private static JsonNode bundledJson;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CatalogLoader loader = new CatalogLoader();

    @BeforeAll
    static void loadBundled() throws IOException {
        bundled = new CatalogLoader().loadBundled();
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.BUNDLED)) {
            bundledJson = new ObjectMapper().readTree(in);
        }
    }

    // ---- The catalogue shipped in kiosk/src/main/resources/catalog/services.json.

    @Test
    void hasTheFourWindowsWithTheirLetters() {
        assertThat(bundled.windows())
                .extracting(ServiceWindow::code, ServiceWindow::letter, w -> w.name().zh())
                .containsExactly(
                        tuple("party", 'A', "党建服务"),
                        tuple("economy", 'B', "经济服务"),
                        tuple("opinion", 'C', "社情民意"),
                        tuple("livelihood", 'D', "民生保障"));
        assertThat(bundled.windows()).allSatisfy(w -> assertThat(w.icon()).matches("[a-z]+"));
    }

    @Test
    void hasAtLeastTwentyFourServicesAndFourPerWindow() {
        assertThat(bundled.services()).hasSizeGreaterThanOrEqualTo(24);
        for (ServiceWindow w : bundled.windows()) {
            assertThat(bundled.servicesOf(w.code())).as("services of window %s", w.code()).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void serviceCodesAreUniqueKebabCase() {
        // Read the raw file: ServiceCatalog keys services by code, so a duplicate could hide there.
        List<String> codes = new ArrayList<>();
        bundledJson.path("services").forEach(s -> codes.add(s.path("service_code").asText()));
        assertThat(codes).doesNotHaveDuplicates().hasSize(bundled.services().size())
                .allSatisfy(c -> assertThat(c).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void everyTextHasChineseAndEnglish() {
        List<String> problems = new ArrayList<>();
        for (ServiceWindow w : bundled.windows()) {
            check(problems, "window " + w.code() + " name", w.name());
            check(problems, "window " + w.code() + " description", w.description());
        }
        for (ServiceDefinition s : bundled.services()) {
            String at = "service " + s.code();
            check(problems, at + " name", s.name());
            check(problems, at + " description", s.description());
            s.documents().forEach(d -> check(problems, at + " document", d));
            for (Attribute a : s.attributes()) {
                String field = at + " attribute " + a.code();
                check(problems, field + " description", a.description());
                check(problems, field + " datatype_description", a.datatypeDescription());
                a.values().forEach(v -> check(problems, field + " value " + v.key(), v.name()));
                a.phrases().forEach(p -> check(problems, field + " phrase", p));
            }
        }
        assertThat(problems).isEmpty();
    }

    private void check(List<String> problems, String what, LocalizedText t) {
        String zh = t.byTag().get("zh-CN");
        String en = t.byTag().get("en");
        if (zh == null || zh.isBlank() || !HAN.matcher(zh).find()) {
            problems.add(what + ": no Chinese text: " + t.byTag());
        }
        if (en == null || en.isBlank() || HAN.matcher(en).find()) {
            problems.add(what + ": no English text: " + t.byTag());
        }
        if ((zh != null && !zh.equals(zh.strip())) || (en != null && !en.equals(en.strip()))) {
            problems.add(what + ": stray spaces: " + t.byTag());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "一二孩生育服务登记, livelihood, RESIDENT",
            "旧址重建新房申请, economy, PROXY",
            "问题隐患上报, opinion, NONE",
            "居住证明, livelihood, RESIDENT",
            "最低生活保障, livelihood, RESIDENT",
            "代办服务预约, livelihood, RESIDENT",
            "党员组织关系转接, party, RESIDENT",
            "入党申请咨询, party, RESIDENT",
            "流动党员报到, party, RESIDENT",
            "志愿服务报名, party, RESIDENT",
            "个体工商户登记咨询, economy, RESIDENT",
            "就业登记, economy, RESIDENT",
            "创业担保贷款咨询, economy, RESIDENT",
            "老年人高龄津贴申请, livelihood, RESIDENT",
            "残疾人两项补贴申请, livelihood, RESIDENT",
            "城乡居民医保参保登记, livelihood, RESIDENT",
            "临时救助申请, livelihood, RESIDENT",
            "意见建议, opinion, NONE",
            "民情诉求, opinion, RESIDENT",
            "矛盾纠纷调解申请, opinion, RESIDENT",
            "计生特别扶助, livelihood, RESIDENT"})
    void requiredServiceExistsWithItsIdentity(String zhName, String window, IdentityRequirement identity) {
        List<ServiceDefinition> found = bundled.services().stream()
                .filter(s -> s.name().zh().contains(zhName)).toList();
        assertThat(found).as("services named %s", zhName).hasSize(1);
        assertThat(found.get(0).windowCode()).isEqualTo(window);
        assertThat(found.get(0).identity()).isEqualTo(identity);
    }

    @Test
    void keyServicesHaveTheirAgreedCodes() {
        assertThat(bundled.service("birth-registration")).get()
                .extracting(ServiceDefinition::identity).isEqualTo(IdentityRequirement.RESIDENT);
        assertThat(bundled.service("house-rebuild")).get()
                .extracting(ServiceDefinition::identity).isEqualTo(IdentityRequirement.PROXY);
        assertThat(bundled.service("hazard-report")).get()
                .extracting(ServiceDefinition::identity).isEqualTo(IdentityRequirement.NONE);
    }

    @Test
    void hazardReportOffersThePatrolCategoriesAPlaceAndAProblem() {
        ServiceDefinition s = bundled.service("hazard-report").orElseThrow();
        Attribute category = s.attribute("category");
        assertThat(category.datatype()).isEqualTo(Datatype.SINGLEVALUELIST);
        assertThat(category.required()).isTrue();
        assertThat(category.values()).extracting(v -> v.name().zh()).containsExactly(
                "市容环境", "道路交通", "消防安全", "违章建筑", "食品安全", "安全生产",
                "防汛防台", "噪声扰民", "公共设施", "环境污染", "治安隐患", "其他");

        Attribute location = s.attribute("location");
        assertThat(location.inputKind()).isEqualTo(InputKind.KEYBOARD);
        assertThat(location.required()).isTrue();
        assertThat(location.phrases()).isNotEmpty();

        Attribute description = s.attribute("description");
        assertThat(description.datatype()).isEqualTo(Datatype.TEXT);
        assertThat(description.phrases()).extracting(LocalizedText::zh).contains("路灯不亮", "井盖缺失");

        // Anonymous: a phone number may be left, never demanded.
        assertThat(s.attributes()).filteredOn(Attribute::required)
                .noneMatch(a -> a.validation().kind().equals("phone"));
    }

    @Test
    void identifiedServicesDoNotAskAgainForNameOrIdNumber() {
        Set<String> fromTheCard = Set.of("name", "applicant_name", "full_name", "id_number", "id_card", "idcard",
                "applicant_id", "sex", "birth_date", "ethnicity");
        for (ServiceDefinition s : bundled.services()) {
            if (s.identity() != IdentityRequirement.NONE) {
                assertThat(s.attributes()).as("fields of %s", s.code())
                        .extracting(Attribute::code).doesNotContainAnyElementsOf(fromTheCard);
            }
        }
    }

    @Test
    void fieldsFollowTheTouchScreenRules() {
        for (ServiceDefinition s : bundled.services()) {
            Set<Integer> orders = new HashSet<>();
            int typed = 0;
            for (Attribute a : s.attributes()) {
                String field = s.code() + "." + a.code();
                assertThat(orders.add(a.order())).as("%s: order %d used twice", field, a.order()).isTrue();
                if (a.validation().kind().equals("phone") || a.code().contains("phone")) {
                    assertThat(a.validation().kind()).as(field).isEqualTo("phone");
                    assertThat(a.personal()).as("%s is personal", field).isTrue();
                    assertThat(a.inputKind()).as(field).isEqualTo(InputKind.KEYPAD);
                }
                // A home address or house location points at one person; a hazard's place does not.
                if (a.code().endsWith("_name") || a.code().endsWith("id_number") || a.code().equals("other_party")
                        || a.code().equals("address") || (s.code().equals("house-rebuild") && a.code().equals("site_location"))) {
                    assertThat(a.personal()).as("%s is personal", field).isTrue();
                }
                if (a.datatype() == Datatype.NUMBER) {
                    assertThat(a.validation().kind()).as(field).isEqualTo("integer");
                    assertThat(a.validation().min()).as(field + " min").isNotNull();
                    assertThat(a.validation().max()).as(field + " max").isNotNull().isGreaterThan(a.validation().min());
                }
                if (a.datatype() == Datatype.DATETIME) {
                    assertThat(a.datatypeDescription().en()).as(field).containsPattern("\\d{4}-\\d{2}-\\d{2}");
                }
                if (a.datatype() == Datatype.SINGLEVALUELIST || a.datatype() == Datatype.MULTIVALUELIST) {
                    assertThat(a.values()).as(field).hasSizeGreaterThanOrEqualTo(2)
                            .extracting(AttributeValue::key).doesNotHaveDuplicates()
                            .allSatisfy(k -> assertThat(k).matches("[a-z0-9_]+"));
                } else {
                    assertThat(a.values()).as("%s is no list, so it has no values", field).isEmpty();
                }
                if (a.inputKind() == InputKind.KEYBOARD) {
                    typed++;
                    // Touch typing Chinese is hard: free text offers phrases, unless it is a name.
                    if (!a.personal()) {
                        assertThat(a.phrases()).as("%s phrases", field).isNotEmpty();
                    }
                    assertThat(a.validation().maxLength()).as(field).isLessThanOrEqualTo(300);
                }
            }
            assertThat(typed).as("typed fields of %s", s.code()).isLessThanOrEqualTo(2);
            assertThat(s.attributes()).as("fields of %s", s.code()).isNotEmpty().hasSizeLessThanOrEqualTo(9);
        }
    }

    @Test
    void servicesThatNeedPapersListThem() {
        assertThat(bundled.services()).filteredOn(s -> s.identity() != IdentityRequirement.NONE)
                .allSatisfy(s -> assertThat(s.documents()).as("documents of %s", s.code()).isNotEmpty());
        assertThat(bundled.service("house-rebuild").orElseThrow().documents())
                .extracting(LocalizedText::zh).anyMatch(d -> d.contains("委托"));
    }

    // ---- Broken catalogues fail when loaded, naming the service and field at fault.

    /** A small valid catalogue; each test breaks one thing. */
    private ObjectNode valid() {
        try {
            return (ObjectNode) mapper.readTree("""
                    {"windows": [
                      {"code": "party", "letter": "A", "name": {"zh-CN": "党建服务", "en": "Party"}},
                      {"code": "opinion", "letter": "C", "name": {"zh-CN": "社情民意", "en": "Opinion"}}],
                     "services": [
                      {"service_code": "svc-a", "service_name": {"zh-CN": "甲", "en": "A"}, "group": "party",
                       "identity": "resident",
                       "attributes": [
                         {"code": "choice", "datatype": "singlevaluelist", "required": true,
                          "values": [{"key": "x", "name": {"zh-CN": "叉", "en": "X"}}]},
                         {"code": "phone_no", "datatype": "string", "validation": {"kind": "phone"}, "personal": true}]},
                      {"service_code": "svc-b", "service_name": {"zh-CN": "乙", "en": "B"}, "group": "opinion",
                       "identity": "none", "attributes": []}]}
                    """);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ObjectNode service(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("services").get(i);
    }

    private ObjectNode attribute(ObjectNode root, String code) {
        for (JsonNode a : service(root, 0).withArray("attributes")) {
            if (a.path("code").asText().equals(code)) {
                return (ObjectNode) a;
            }
        }
        throw new AssertionError("no attribute " + code);
    }

    private String failure(Consumer<ObjectNode> breakIt) {
        ObjectNode root = valid();
        breakIt.accept(root);
        try {
            loader.parse(root, "test.json");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the broken catalogue loaded: " + root);
    }

    @Test
    void theUnbrokenCatalogueLoads() {
        ServiceCatalog c = loader.parse(valid(), "test.json");
        assertThat(c.services()).extracting(ServiceDefinition::code).containsExactly("svc-a", "svc-b");
        assertThat(c.service("svc-a").orElseThrow().attribute("phone_no").inputKind()).isEqualTo(InputKind.KEYPAD);
        assertThat(c.service("svc-b").orElseThrow().identity()).isEqualTo(IdentityRequirement.NONE);
    }

    @Test
    void unknownWindow() {
        assertThat(failure(r -> service(r, 1).put("group", "nowhere")))
                .startsWith("test.json: ").contains("svc-b", "'nowhere'");
    }

    @Test
    void duplicateServiceCode() {
        assertThat(failure(r -> service(r, 1).put("service_code", "svc-a")))
                .startsWith("test.json: ").contains("'svc-a'", "twice");
    }

    @Test
    void listWithoutValues() {
        assertThat(failure(r -> attribute(r, "choice").remove("values")))
                .contains("service 'svc-a'", "attribute 'choice'", "without values");
    }

    @Test
    void badValidationKind() {
        assertThat(failure(r -> ((ObjectNode) attribute(r, "phone_no").get("validation")).put("kind", "sms")))
                .contains("service 'svc-a'", "attribute 'phone_no'", "'sms'");
    }

    @Test
    void missingServiceCodeNamesThePosition() {
        assertThat(failure(r -> service(r, 1).remove("service_code")))
                .isEqualTo("test.json: service #2: missing 'service_code'");
    }

    @Test
    void missingGroupIsNamedOnce() {
        assertThat(failure(r -> service(r, 0).remove("group")))
                .isEqualTo("test.json: service 'svc-a': missing 'group'");
    }

    @Test
    void patternWithoutAPattern() {
        // Was a bare NullPointerException that named neither service nor field.
        assertThat(failure(r -> ((ObjectNode) attribute(r, "phone_no").get("validation")).put("kind", "pattern")))
                .contains("service 'svc-a'", "attribute 'phone_no'", "needs a pattern");
    }

    @Test
    void badPattern() {
        assertThat(failure(r -> ((ObjectNode) attribute(r, "phone_no").get("validation"))
                .put("kind", "pattern").put("pattern", "[0-9")))
                .contains("service 'svc-a'", "attribute 'phone_no'", "[0-9");
    }

    @Test
    void duplicateAttributeCode() {
        assertThat(failure(r -> attribute(r, "phone_no").put("code", "choice")))
                .contains("service 'svc-a'", "attribute 'choice'", "twice");
    }

    @Test
    void duplicateValueKey() {
        assertThat(failure(r -> attribute(r, "choice").withArray("values").add(
                mapper.createObjectNode().put("key", "x").set("name", mapper.createObjectNode().put("zh-CN", "又"))))
        ).contains("attribute 'choice'", "'x'", "twice");
    }

    @Test
    void unknownDatatype() {
        assertThat(failure(r -> attribute(r, "choice").put("datatype", "dropdown")))
                .contains("service 'svc-a'", "attribute 'choice'", "'dropdown'");
    }

    @Test
    void badAttributeCode() {
        assertThat(failure(r -> attribute(r, "choice").put("code", "Choice-1")))
                .contains("service 'svc-a'", "'Choice-1'");
    }

    @Test
    void unknownIdentity() {
        assertThat(failure(r -> service(r, 0).put("identity", "agent")))
                .contains("service 'svc-a'", "identity", "'agent'");
    }

    @Test
    void serviceWithoutAChineseName() {
        assertThat(failure(r -> ((ObjectNode) service(r, 1).get("service_name")).remove("zh-CN")))
                .contains("service 'svc-b'", "service_name");
    }

    @Test
    void valueWithoutAName() {
        assertThat(failure(r -> ((ObjectNode) attribute(r, "choice").withArray("values").get(0)).remove("name")))
                .contains("service 'svc-a'", "attribute 'choice'", "value 'x'");
    }

    @Test
    void rangeUpsideDown() {
        assertThat(failure(r -> ((ObjectNode) attribute(r, "phone_no").get("validation"))
                .put("kind", "integer").put("min", 10).put("max", 1)))
                .contains("attribute 'phone_no'", "min 10", "max 1");
    }

    @Test
    void rangeNotANumber() {
        assertThat(failure(r -> ((ObjectNode) attribute(r, "phone_no").get("validation"))
                .put("kind", "integer").put("min", "one")))
                .contains("attribute 'phone_no'", "'min'");
    }

    @Test
    void timeLimitNotAWholeNumberOfHours() {
        assertThat(failure(r -> ((ObjectNode) service(r, 1)).put("time_limit_hours", 1.5)))
                .contains("service 'svc-b'", "time_limit_hours");
        assertThat(failure(r -> ((ObjectNode) service(r, 1)).put("time_limit_hours", 0)))
                .contains("service 'svc-b'", "time_limit_hours");
        assertThat(failure(r -> ((ObjectNode) service(r, 1)).put("time_limit_hours", "2")))
                .contains("service 'svc-b'", "time_limit_hours");
    }

    @Test
    void everyBundledServiceHasATimeLimitAndHazardReportsTwoHours() {
        assertThat(bundled.services()).allSatisfy(s -> assertThat(s.timeLimit()).isNotNull());
        assertThat(bundled.service("hazard-report").orElseThrow().timeLimit()).isEqualTo(java.time.Duration.ofHours(2));
    }

    @Test
    void windowLetterTwice() {
        assertThat(failure(r -> ((ObjectNode) r.withArray("windows").get(1)).put("letter", "A")))
                .contains("'party'", "'opinion'", "letter A");
    }

    @Test
    void windowWithoutCodeNamesThePosition() {
        assertThat(failure(r -> ((ObjectNode) r.withArray("windows").get(1)).remove("code")))
                .isEqualTo("test.json: window #2: missing 'code'");
    }

    @Test
    void badWindowLetter() {
        assertThat(failure(r -> ((ObjectNode) r.withArray("windows").get(0)).put("letter", "a")))
                .contains("window 'party'", "'a'");
    }

    @Test
    void noServices() {
        assertThat(failure(r -> r.set("services", mapper.createArrayNode())))
                .contains("needs windows and services");
    }

    @Test
    void aFileNamesItselfInTheMessage(@TempDir Path dir) throws IOException {
        ObjectNode root = valid();
        ((ArrayNode) root.withArray("services")).remove(1);
        service(root, 0).put("group", "economy");
        Path file = dir.resolve("site.json");
        Files.writeString(file, root.toString(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("svc-a").hasMessageContaining("economy");
    }

    @Test
    void aFileThatIsNotJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"windows\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }
}
