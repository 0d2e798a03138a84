package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.catalog.ServiceDefinition;

/** The Open311 profile and the staff API, on SQLite and PostgreSQL. */
class Open311ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static java.util.List<String> kinds() {
        return TestBackOffice.kinds();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void servicesAndTheirDefinitionsComeFromTheCatalogue(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            HttpResponse<String> list = bo.get("services.json");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json(list)).hasSize(TestBackOffice.CATALOG.services().size());
            assertThat(json(list).get(0).path("type").asText()).isEqualTo("realtime");

            ServiceDefinition s = TestBackOffice.CATALOG.service("residence-certificate").orElseThrow();
            JsonNode def = json(bo.get("services/residence-certificate.json"));
            assertThat(def.path("service_code").asText()).isEqualTo(s.code());
            assertThat(def.path("attributes")).hasSize(s.attributes().size());

            HttpResponse<String> unknown = bo.get("services/no-such.json");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json(unknown).get(0).path("code").asInt()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRequestIsFiledOncePerIdempotencyKey(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String key = UUID.randomUUID().toString();
            String form = bo.hazardForm(Map.of("attribute[receipt_token]", "AbCdEfGhIjKlMnOpQrStUv"));

            HttpResponse<String> first = bo.postForm(form, key);
            HttpResponse<String> again = bo.postForm(form, key);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String id = json(first).get(0).path("service_request_id").asText();
            assertThat(id).isNotEmpty();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get(0).path("service_request_id").asText()).isEqualTo(id);
            assertThat(bo.store.count()).isEqualTo(1);
            var stored = bo.store.find(java.util.List.of(id), null).get(0);
            assertThat(stored.attributes()).containsEntry("location", "资国寺路与太姥大道路口")
                    .containsEntry("description", "红绿灯不亮，车辆抢行").doesNotContainKey("receipt_token");

            var before = bo.store.snapshot();
            HttpResponse<String> other = bo.postForm(bo.hazardForm(Map.of("attribute[danger]", "yes")), key);
            assertThat(other.statusCode()).isEqualTo(422);
            assertThat(json(other).get(0).path("description").asText()).contains("Idempotency-Key");
            assertThat(bo.store.snapshot()).isEqualTo(before);

            // Without the header (a plain Open311 client) every POST is a new request.
            assertThat(bo.postForm(form, null).statusCode()).isEqualTo(201);
            assertThat(bo.postForm(form, null).statusCode()).isEqualTo(201);
            assertThat(bo.store.count()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void requestsAreReadByIdWithTheDetailExtensionByTheirKioskOnly(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String a = json(bo.postForm(bo.hazardForm(Map.of()), "a")).get(0).path("service_request_id").asText();
            String b = json(bo.postForm(bo.hazardForm(Map.of()), "b")).get(0).path("service_request_id").asText();
            String key = URLEncoder.encode(bo.apiKey, StandardCharsets.UTF_8);

            JsonNode both = json(bo.get("requests.json?service_request_id=" + b + "," + a + ",999999&extensions=true&api_key=" + key));
            assertThat(both).hasSize(2);
            assertThat(both.get(0).path("service_request_id").asText()).isEqualTo(b);
            assertThat(both.get(0).path("status").asText()).isEqualTo("open");
            assertThat(both.get(0).path("extended_attributes").path("status_detail").asText()).isEqualTo("received");
            assertThat(both.get(0).path("service_code").asText()).isEqualTo("hazard-report");
            assertThat(both.get(0).path("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
            assertThat(both.get(0).has("receipt_token")).isFalse();

            JsonNode plain = json(bo.get("requests/" + a + ".json?api_key=" + key));
            assertThat(plain.get(0).has("extended_attributes")).isFalse();
            assertThat(json(bo.get("requests.json?api_key=" + key))).hasSize(2);

            String otherKey = URLEncoder.encode(bo.store.issueApiKey("other-kiosk"), StandardCharsets.UTF_8);
            // Another kiosk's key reads what anyone reads (Open311ViewsTest: which fields).
            assertThat(json(bo.get("requests.json?service_request_id=" + a + "&api_key=" + otherKey))).hasSize(1);
            assertThat(bo.get("requests/" + a + ".json?api_key=" + otherKey).statusCode()).isEqualTo(200);
            // Without a key, as GeoReport v2 has it, anyone reads the public fields.
            assertThat(bo.get("requests/" + a + ".json").statusCode()).isEqualTo(200);
            assertThat(bo.get("requests/" + a + ".json?api_key=wrong").statusCode()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void staffChangeAStatusWithNotesAndEveryChangeIsKeptWithWhoAndWhen(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String id = json(bo.postForm(bo.hazardForm(Map.of()), "k")).get(0).path("service_request_id").asText();

            HttpResponse<String> anonymous = bo.send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/requests/" + id + "/status"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status_detail\":\"completed\"}")));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(bo.staffStatus(id, "teleported", null).statusCode()).isEqualTo(400);
            assertThat(bo.staffStatus(id, "queued", null).statusCode()).isEqualTo(400);
            assertThat(bo.staffStatus("999999", "completed", null).statusCode()).isEqualTo(404);

            assertThat(bo.staffStatus(id, "in_progress", "已派城管中队").statusCode()).isEqualTo(200);
            HttpResponse<String> done = bo.staffStatus(id, "completed", "已修复");

            JsonNode r = json(done);
            assertThat(r.path("status").asText()).isEqualTo("closed");
            assertThat(r.path("status_notes").asText()).isEqualTo("已修复");
            assertThat(r.path("history")).hasSize(3);
            assertThat(r.path("history").get(0).path("changed_by").asText()).isEqualTo("system");
            assertThat(r.path("history").get(1).path("status_detail").asText()).isEqualTo("in_progress");
            assertThat(r.path("history").get(1).path("status_notes").asText()).isEqualTo("已派城管中队");
            assertThat(r.path("history").get(1).path("changed_by").asText()).isEqualTo("wang");
            assertThat(r.path("history").get(2).path("at").asText()).isNotEmpty();

            JsonNode seen = json(bo.get("requests/" + id + ".json?extensions=true&api_key="
                    + URLEncoder.encode(bo.apiKey, StandardCharsets.UTF_8)));
            assertThat(seen.get(0).path("extended_attributes").path("status_detail").asText()).isEqualTo("completed");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCompletedOrRejectedRequestIsNotReopened(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String done = bo.fileHazard("a", Map.of());
            String refused = bo.fileHazard("b", Map.of("attribute[since]", "now"));
            assertThat(bo.staffStatus(done, "in_progress", null).statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(done, "completed", "已修复").statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(refused, "rejected", "重复上报").statusCode()).isEqualTo(200);
            var before = bo.store.snapshot();

            for (String id : List.of(done, refused)) {
                for (String next : List.of("received", "in_progress", "needs_documents", "completed", "rejected")) {
                    HttpResponse<String> r = bo.staffStatus(id, next, null);
                    assertThat(r.statusCode()).as(id + " → " + next).isEqualTo(409);
                    assertThat(json(r).get(0).path("description").asText()).contains("not reopened");
                }
            }
            assertThat(bo.store.snapshot()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batchIntakeAnswersATokenAndTheIdComesWhenStaffFirstAct(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir, true, null)) {
            assertThat(json(bo.get("services.json")).get(0).path("type").asText()).isEqualTo("batch");
            HttpResponse<String> filed = bo.postForm(bo.hazardForm(Map.of()), "k");
            assertThat(filed.statusCode()).isEqualTo(201);
            String token = json(filed).get(0).path("token").asText();
            assertThat(json(filed).get(0).has("service_request_id")).isFalse();
            String key = URLEncoder.encode(bo.apiKey, StandardCharsets.UTF_8);

            JsonNode waiting = json(bo.get("tokens/" + token + ".json?api_key=" + key));
            assertThat(waiting.get(0).path("service_request_id").isNull()).isTrue();

            JsonNode taken = json(bo.staffStatus(token, "in_progress", "已受理"));
            String id = taken.path("service_request_id").asText();
            assertThat(id).isNotEmpty();

            assertThat(json(bo.get("tokens/" + token + ".json?api_key=" + key)).get(0).path("service_request_id").asText())
                    .isEqualTo(id);
            assertThat(json(bo.postForm(bo.hazardForm(Map.of()), "k")).get(0).path("token").asText()).isEqualTo(token);
            assertThat(bo.get("tokens/nope.json?api_key=" + key).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void heartbeatsAreKeptWithoutTheKeyForTheFleetView(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String body = "{\"api_key\":\"" + bo.apiKey + "\",\"kiosk_id\":\"sim-kiosk-01\",\"queue\":{\"pending\":3}}";
            HttpResponse<String> ok = bo.send(bo.request("kiosks/sim-kiosk-01/heartbeat.json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(ok.statusCode()).isEqualTo(200);
            HttpResponse<String> wrongKiosk = bo.send(bo.request("kiosks/another/heartbeat.json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(wrongKiosk.statusCode()).isEqualTo(403);

            JsonNode fleet = json(bo.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/kiosks"))
                    .header("Authorization", "Bearer " + bo.staffToken).GET()));
            assertThat(fleet).hasSize(1);
            assertThat(fleet.get(0).path("heartbeat").path("queue").path("pending").asInt()).isEqualTo(3);
            assertThat(fleet.get(0).path("heartbeat").has("api_key")).isFalse();
        }
    }
}
