package org.onetrip.backoffice.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.TestBackOffice;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2) as a third-party client meets it: both formats on
 * every call, XML read by the JDK's parser and checked against the standard's element names; the
 * discovery document; the search of requests; who sees which fields; location and media; the
 * kiosk's filing time and ticket. On SQLite and PostgreSQL.
 */
class Open311StandardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** GeoReport v2's request object, every element a response may carry (plus our extension). */
    static final Set<String> REQUEST_ELEMENTS = Set.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
            "extended_attributes", "token", "account_id");
    static final Set<String> SERVICE_ELEMENTS = Set.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group", "extended_attributes");
    static final Set<String> ATTRIBUTE_ELEMENTS = Set.of("variable", "code", "datatype", "required", "datatype_description",
            "order", "description", "values", "extended_attributes");

    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    /** Parsed by the JDK's XML parser: a body that is not well-formed XML fails here. */
    static Element xml(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("text/xml");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            return d.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static List<String> names(Element e) {
        return children(e).stream().map(Element::getTagName).toList();
    }

    static String text(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst()
                .map(Element::getTextContent).orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    /** A valid form of {@code service} with its required fields filled from the catalogue. */
    static Map<String, String> form(TestBackOffice bo, String service) {
        ServiceDefinition s = TestBackOffice.CATALOG.service(service).orElseThrow();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", bo.apiKey);
        f.put("service_code", service);
        for (Attribute a : s.attributes()) {
            if (!a.required()) {
                continue;
            }
            String v = switch (a.datatype()) {
                case SINGLEVALUELIST, MULTIVALUELIST -> a.values().get(0).key();
                case NUMBER -> "1";
                case DATETIME -> "2026-12-01";
                default -> a.code().equals("phone") ? "13800138000" : "测试内容";
            };
            f.put("attribute[" + a.code() + "]" + (a.datatype().name().equals("MULTIVALUELIST") ? "[]" : ""), v);
        }
        return f;
    }

    static String post(TestBackOffice bo, Map<String, String> fields) {
        HttpResponse<String> r = bo.postForm(TestBackOffice.form(fields), UUID.randomUUID().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get(0).path("service_request_id").asText();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyCallAnswersXmlWithTheStandardsElementNames(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Element services = xml(bo.get("services.xml"));
            assertThat(services.getTagName()).isEqualTo("services");
            assertThat(children(services)).hasSize(TestBackOffice.CATALOG.services().size());
            for (Element s : children(services)) {
                assertThat(s.getTagName()).isEqualTo("service");
                assertThat(SERVICE_ELEMENTS).containsAll(names(s));
                assertThat(names(s)).contains("service_code", "service_name", "metadata", "type", "group");
            }
            assertThat(text(children(services).get(0), "type")).isEqualTo("realtime");

            Element def = xml(bo.get("services/hazard-report.xml"));
            assertThat(def.getTagName()).isEqualTo("service_definition");
            assertThat(text(def, "service_code")).isEqualTo("hazard-report");
            Element attrs = children(def).stream().filter(c -> c.getTagName().equals("attributes")).findFirst().orElseThrow();
            for (Element a : children(attrs)) {
                assertThat(a.getTagName()).isEqualTo("attribute");
                assertThat(ATTRIBUTE_ELEMENTS).containsAll(names(a));
                Element values = children(a).stream().filter(c -> c.getTagName().equals("values")).findFirst().orElseThrow();
                for (Element v : children(values)) {
                    assertThat(v.getTagName()).isEqualTo("value");
                    assertThat(names(v)).containsExactly("key", "name");
                }
            }

            // POST requests.xml: the answer in XML
            HttpResponse<String> filed = bo.send(bo.request("requests.xml").header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(bo.hazardForm(Map.of()))));
            assertThat(filed.statusCode()).isEqualTo(201);
            Element answer = xml(filed);
            assertThat(answer.getTagName()).isEqualTo("service_requests");
            assertThat(names(answer)).containsExactly("request");
            String id = text(children(answer).get(0), "service_request_id");
            assertThat(id).matches("\\d+");

            for (String path : List.of("requests.xml", "requests/" + id + ".xml",
                    "requests.xml?service_request_id=" + id + "&extensions=true")) {
                Element list = xml(bo.get(path));
                assertThat(list.getTagName()).as(path).isEqualTo("service_requests");
                assertThat(children(list)).as(path).hasSize(1);
                Element r = children(list).get(0);
                assertThat(r.getTagName()).isEqualTo("request");
                assertThat(REQUEST_ELEMENTS).as(path).containsAll(names(r));
                assertThat(names(r)).contains("service_request_id", "status", "service_code", "service_name",
                        "requested_datetime", "updated_datetime", "lat", "long", "address", "media_url");
                assertThat(text(r, "service_request_id")).isEqualTo(id);
                assertThat(text(r, "status")).isEqualTo("open");
            }
            // The same values in both formats.
            JsonNode j = json(bo.get("requests/" + id + ".json")).get(0);
            Element x = children(xml(bo.get("requests/" + id + ".xml"))).get(0);
            j.fieldNames().forEachRemaining(k -> assertThat(text(x, k)).as(k).isEqualTo(j.get(k).isNull() ? "" : j.get(k).asText()));

            Element errors = xml(bo.get("services/no-such-service.xml"));
            assertThat(errors.getTagName()).isEqualTo("errors");
            assertThat(names(errors)).containsExactly("error");
            assertThat(names(children(errors).get(0))).containsExactly("code", "description");
            assertThat(text(children(errors).get(0), "code")).isEqualTo("404");
            HttpResponse<String> bad = bo.send(bo.request("requests.xml").header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(bo.hazardForm(
                    Map.of("attribute[danger]", "maybe", "lat", "91")))));
            assertThat(bad.statusCode()).isEqualTo(400);
            Element badErrors = xml(bad);
            assertThat(children(badErrors)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(children(badErrors).stream().map(e -> text(e, "description")).toList())
                    .anyMatch(d -> d.startsWith("lat, long"));
            assertThat(xml(bo.get("requests.xml?api_key=wrong")).getTagName()).isEqualTo("errors");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batchTokensAnswerInBothFormats(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir, true, null)) {
            String token = json(bo.postForm(bo.hazardForm(Map.of()), "t")).get(0).path("token").asText();
            Element none = children(xml(bo.get("tokens/" + token + ".xml"))).get(0);
            assertThat(names(none)).containsExactly("service_request_id", "token");
            assertThat(text(none, "service_request_id")).isEmpty();
            assertThat(bo.staffStatus(token, "in_progress", null).statusCode()).isEqualTo(200);
            JsonNode j = json(bo.get("tokens/" + token + ".json")).get(0);
            assertThat(j.path("service_request_id").asText()).matches("\\d+");
            assertThat(text(children(xml(bo.get("tokens/" + token + ".xml"))).get(0), "service_request_id"))
                    .isEqualTo(j.path("service_request_id").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDiscoveryDocumentNamesTheSpecificationAndBothFormats(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            JsonNode d = json(bo.get("discovery.json"));
            assertThat(d.path("changeset").asText()).isNotEmpty();
            assertThat(d.path("contact").asText()).isNotEmpty();
            assertThat(d.has("key_service")).isTrue();
            JsonNode e = d.path("endpoints").get(0);
            assertThat(e.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
            assertThat(e.path("url").asText()).isEqualTo("http://127.0.0.1:" + bo.port() + "/open311/v2");
            assertThat(e.path("type").asText()).isEqualTo("production");
            assertThat(e.path("formats")).extracting(JsonNode::asText).containsExactlyInAnyOrder("text/xml", "application/json");

            Element x = xml(bo.get("discovery.xml"));
            assertThat(x.getTagName()).isEqualTo("discovery");
            assertThat(names(x)).containsExactly("changeset", "contact", "key_service", "endpoints");
            Element endpoint = children(children(x).get(3)).get(0);
            assertThat(endpoint.getTagName()).isEqualTo("endpoint");
            assertThat(names(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
            Element formats = children(endpoint).get(4);
            assertThat(names(formats)).containsExactly("format", "format");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void requestsAreSearchedByDateStatusAndServiceWithinNinetyDaysAndAThousand(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Instant now = Instant.now();
            Map<String, String> hazard = new LinkedHashMap<>(form(bo, "hazard-report"));
            hazard.put("attribute[kiosk_filed_at]", now.minus(2, ChronoUnit.DAYS).toString());
            String recent = post(bo, hazard);
            hazard.put("attribute[kiosk_filed_at]", now.minus(100, ChronoUnit.DAYS).toString());
            String old = post(bo, hazard);
            Map<String, String> suggestion = new LinkedHashMap<>(form(bo, "suggestion"));
            suggestion.put("attribute[kiosk_filed_at]", now.minus(10, ChronoUnit.DAYS).toString());
            String closed = post(bo, suggestion);
            assertThat(bo.staffStatus(closed, "in_progress", null).statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(closed, "completed", "已答复").statusCode()).isEqualTo(200);

            // Default: the last 90 days, newest first, no api key needed.
            assertThat(ids(bo.get("requests.json"))).containsExactly(recent, closed);
            assertThat(ids(bo.get("requests.json?status=open"))).containsExactly(recent);
            assertThat(ids(bo.get("requests.json?status=closed"))).containsExactly(closed);
            assertThat(ids(bo.get("requests.json?status=open,closed"))).containsExactly(recent, closed);
            assertThat(ids(bo.get("requests.json?service_code=suggestion"))).containsExactly(closed);
            assertThat(ids(bo.get("requests.json?service_code=suggestion,hazard-report"))).containsExactly(recent, closed);
            String start = enc(now.minus(120, ChronoUnit.DAYS).toString());
            String end = enc(now.minus(50, ChronoUnit.DAYS).toString());
            assertThat(ids(bo.get("requests.json?start_date=" + start + "&end_date=" + end))).containsExactly(old);
            assertThat(ids(bo.get("requests.json?start_date=" + start))).containsExactly(old);
            assertThat(ids(bo.get("requests.json?end_date=" + end))).containsExactly(old);
            // An offset sent unescaped arrives as a space; a date alone is a day in the office's zone.
            String day = java.time.LocalDate.ofInstant(now.minus(11, ChronoUnit.DAYS), java.time.ZoneId.of("Asia/Shanghai"))
                    .toString();
            assertThat(ids(bo.get("requests.json?start_date=" + day + "T00:00:00+08:00&status=closed"))).containsExactly(closed);
            assertThat(ids(bo.get("requests.json?start_date=" + day + "&end_date=" + enc(now.toString()))))
                    .containsExactly(recent, closed);
            // The filters as XML, too.
            assertThat(children(xml(bo.get("requests.xml?status=closed")))).hasSize(1);

            assertThat(bo.get("requests.json?start_date=" + start + "&end_date=" + enc(now.toString())).statusCode())
                    .as("more than 90 days").isEqualTo(400);
            assertThat(bo.get("requests.json?start_date=" + end + "&end_date=" + start).statusCode()).isEqualTo(400);
            assertThat(bo.get("requests.json?start_date=yesterday").statusCode()).isEqualTo(400);
            HttpResponse<String> badStatus = bo.get("requests.json?status=pending");
            assertThat(badStatus.statusCode()).isEqualTo(400);
            assertThat(json(badStatus).get(0).path("description").asText()).startsWith("status:");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSearchAnswersAtMostAThousand(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Instant t = Instant.now().minus(1, ChronoUnit.DAYS);
            for (int i = 0; i < 1005; i++) {
                bo.store.file(TestBackOffice.KIOSK, "k" + i, "h" + i, new org.onetrip.backoffice.store.BackOfficeStore
                        .NewServiceRequest("suggestion", "意见建议", null, null, null, null, null, null, null, null, null,
                        TestBackOffice.KIOSK, null, Map.of("topic", "other"), Map.of(), null, "B-" + i, t.plusMillis(i)), false);
            }
            JsonNode all = json(bo.get("requests.json"));
            assertThat(all).hasSize(Open311Api.MAX_RESULTS);
            assertThat(all.get(0).path("service_request_id").asText()).as("newest first")
                    .isEqualTo(bo.store.byTicket("B-1004").get(0).serviceRequestId());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void strangersSeePublicFieldsTheFilingKioskSeesItsOwnInFull(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Map<String, String> f = new LinkedHashMap<>(form(bo, "elderly-allowance"));
            f.put("address_string", "福鼎市桐城街道资国寺路88号");
            f.put("lat", "27.3245");
            f.put("long", "120.2163");
            f.put("description", "赖佳佳申请高龄补贴");
            f.put("last_name", "赖佳佳");
            f.put("phone", "13800138000");
            String personalId = post(bo, f);
            assertThat(bo.staffStatus(personalId, "needs_documents", "请赖佳佳补交户口本").statusCode()).isEqualTo(200);
            Map<String, String> h = new LinkedHashMap<>(form(bo, "hazard-report"));
            h.put("lat", "27.3");
            h.put("long", "120.2");
            h.put("address_string", "资国寺路口");
            h.put("media_url", "https://example.org/photo/1.jpg");
            String hazardId = post(bo, h);

            JsonNode stranger = json(bo.get("requests/" + personalId + ".json")).get(0);
            assertThat(stranger.path("service_code").asText()).isEqualTo("elderly-allowance");
            assertThat(stranger.path("status").asText()).isEqualTo("open");
            for (String hidden : List.of("status_notes", "description", "address", "lat", "long", "media_url")) {
                assertThat(stranger.get(hidden).isNull()).as(hidden).isTrue();
            }
            assertThat(stranger.toString()).doesNotContain("赖佳佳", "13800138000", "资国寺路88号");
            assertThat(bo.get("requests.xml").body()).doesNotContain("赖佳佳", "13800138000", "资国寺路88号");

            String key = enc(bo.apiKey);
            JsonNode own = json(bo.get("requests/" + personalId + ".json?api_key=" + key)).get(0);
            assertThat(own.path("status_notes").asText()).isEqualTo("请赖佳佳补交户口本");
            assertThat(own.path("address").asText()).isEqualTo("福鼎市桐城街道资国寺路88号");
            assertThat(own.path("lat").decimalValue()).isEqualByComparingTo("27.3245");
            assertThat(own.path("long").decimalValue()).isEqualByComparingTo("120.2163");
            assertThat(own.path("description").asText()).isEqualTo("赖佳佳申请高龄补贴");
            assertThat(own.toString()).as("names and phones never leave through Open311").doesNotContain("13800138000");
            assertThat(own.has("last_name")).isFalse();

            // An anonymous report is public in full, as FixMyStreet publishes reports.
            JsonNode hazard = json(bo.get("requests/" + hazardId + ".json")).get(0);
            assertThat(hazard.path("address").asText()).isEqualTo("资国寺路口");
            assertThat(hazard.path("media_url").asText()).isEqualTo("https://example.org/photo/1.jpg");
            assertThat(hazard.path("lat").asText()).isEqualTo("27.3");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void locationAndMediaAreCheckedNotDropped(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            record Case(Map<String, String> fields, String problem) {
            }
            List<Case> refused = List.of(
                    new Case(Map.of("lat", "27.3"), "lat, long: give both or neither"),
                    new Case(Map.of("long", "120.2"), "lat, long: give both or neither"),
                    new Case(Map.of("lat", "90.5", "long", "120"), "lat: a decimal number from -90 to 90"),
                    new Case(Map.of("lat", "27", "long", "-180.01"), "long: a decimal number from -180 to 180"),
                    new Case(Map.of("lat", "1e3", "long", "0"), "lat: a decimal number from -90 to 90"),
                    new Case(Map.of("lat", "NaN", "long", "0"), "lat: a decimal number from -90 to 90"),
                    new Case(Map.of("lat", "27", "long", "0x10"), "long: a decimal number from -180 to 180"),
                    new Case(Map.of("media_url", "javascript:alert(1)"), "media_url: not an http or https URL"),
                    new Case(Map.of("media_url", "https://user:pw@example.org/x.jpg"), "media_url: not an http or https URL"),
                    new Case(Map.of("address_id", "x".repeat(201)), "address_id: longer than 200 characters"));
            for (Case c : refused) {
                var before = bo.store.snapshot();
                HttpResponse<String> r = bo.postForm(bo.hazardForm(c.fields()), UUID.randomUUID().toString());
                assertThat(r.statusCode()).as(c.toString()).isEqualTo(400);
                assertThat(json(r)).extracting(e -> e.path("description").asText()).as(c.toString()).contains(c.problem());
                assertThat(bo.store.snapshot()).isEqualTo(before);
            }
            String id = json(bo.postForm(bo.hazardForm(Map.of("lat", "-33.8688", "long", "151.2093", "address_id", "A-17",
                    "address_string", "资国寺路口", "media_url", "http://example.org/a.jpg")), "ok")).get(0)
                    .path("service_request_id").asText();
            var stored = bo.store.find(List.of(id), null).get(0);
            assertThat(stored.location().lat()).isEqualTo("-33.8688");
            assertThat(stored.location().lon()).isEqualTo("151.2093");
            assertThat(stored.location().addressId()).isEqualTo("A-17");
            assertThat(stored.location().address()).isEqualTo("资国寺路口");
            assertThat(stored.mediaUrl()).isEqualTo("http://example.org/a.jpg");
            JsonNode read = json(bo.get("requests/" + id + ".json")).get(0);
            assertThat(read.path("address_id").asText()).isEqualTo("A-17");
            assertThat(read.path("lat").asText()).isEqualTo("-33.8688");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTrailingAmpersandAndEmptyOptionalFieldsAreAccepted(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            // What a generic form client sends: every field, filled or not, and a trailing '&'.
            String body = bo.hazardForm(Map.of()) + "&email=&phone=&lat=&long=&media_url=&address_string=&description="
                    + "&attribute%5Bphone%5D=&&";
            HttpResponse<String> r = bo.postForm(body, "trailing");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            var stored = bo.store.find(List.of(json(r).get(0).path("service_request_id").asText()), null).get(0);
            assertThat(stored.location().lat()).isNull();
            assertThat(stored.description()).isNull();
            assertThat(bo.store.personal(stored.requestKey()).orElseThrow().attributes()).doesNotContainKey("phone");
            assertThat(bo.store.personal(stored.requestKey()).orElseThrow().phone()).isNull();
            // Empty is "not sent": a required field left empty is still missing.
            HttpResponse<String> missing = bo.postForm(bo.hazardForm(Map.of("attribute[location]", "")), "missing");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(bo.postForm(bo.hazardForm(Map.of("service_code", "")), "nocode").statusCode()).isEqualTo(400);
            assertThat(bo.postForm(bo.hazardForm(Map.of()) + "&=x", "noname").statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void requestedIsWhenTheResidentFiledAndTheTicketIsKept(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Instant filed = Instant.parse("2026-11-30T18:05:00Z"); // 02:05 in the centre's night
            String id = json(bo.postForm(bo.hazardForm(Map.of("attribute[kiosk_filed_at]", filed.toString(),
                    "attribute[ticket]", "D-017")), "night")).get(0).path("service_request_id").asText();
            var stored = bo.store.find(List.of(id), null).get(0);
            assertThat(stored.requested()).isEqualTo(filed);
            assertThat(stored.received()).isAfter(filed);
            assertThat(stored.ticket()).isEqualTo("D-017");
            assertThat(stored.attributes()).doesNotContainKeys("ticket", "kiosk_filed_at");
            assertThat(json(bo.get("requests/" + id + ".json")).get(0).path("requested_datetime").asText())
                    .isEqualTo("2026-12-01T02:05:00+08:00");
            assertThat(bo.store.byTicket("D-017")).extracting(r -> r.serviceRequestId()).containsExactly(id);

            // A kiosk clock ahead of the office's: filed "in the future" is taken as now.
            String ahead = json(bo.postForm(bo.hazardForm(Map.of("attribute[kiosk_filed_at]", "2099-01-01T00:00:00Z")), "ahead"))
                    .get(0).path("service_request_id").asText();
            assertThat(bo.store.find(List.of(ahead), null).get(0).requested()).isBefore(Instant.now().plusSeconds(1));

            assertThat(bo.postForm(bo.hazardForm(Map.of("attribute[kiosk_filed_at]", "yesterday")), "bad").statusCode())
                    .isEqualTo(400);
            assertThat(bo.postForm(bo.hazardForm(Map.of("attribute[ticket]", "D 017<")), "bad2").statusCode()).isEqualTo(400);
        }
    }

    private static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json(r).forEach(n -> out.add(n.path("service_request_id").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
