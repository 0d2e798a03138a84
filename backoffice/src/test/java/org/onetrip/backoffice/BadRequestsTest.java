package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the back office must refuse: each gets an Open311 error array and leaves every table
 * exactly as it was. And SQL metacharacters in every field: refused or stored verbatim, never run.
 */
class BadRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SQL = List.of("'; DROP TABLE service_requests; --", "\" OR 1=1 --",
            "x') ON CONFLICT DO NOTHING; --", "%'; DELETE FROM kiosks WHERE '1'='1", "\\'; SELECT pg_sleep(5); --");

    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    /** The answer is an Open311 error array with this status, and nothing in the database changed. */
    private static void refusedAndNothingChanged(TestBackOffice bo, int status, Runnable send, HttpResponse<String>[] last) {
        Map<String, List<String>> before = bo.store.snapshot();
        send.run();
        HttpResponse<String> r = last[0];
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
        assertThat(body.isArray()).as(r.body()).isTrue();
        assertThat(body.size()).isPositive();
        body.forEach(e -> {
            assertThat(e.path("code").asInt()).isEqualTo(status);
            assertThat(e.path("description").asText()).isNotBlank();
        });
        assertThat(bo.store.snapshot()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("kinds")
    void badPostsAreRefusedWithTheErrorArrayAndChangeNothing(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            HttpResponse<String>[] last = new HttpResponse[1];
            Map<String, String> none = new LinkedHashMap<>();

            // Missing fields
            Map<String, String> noCode = new LinkedHashMap<>(Map.of("service_code", ""));
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(noCode), "k1"), last);
            Map<String, String> noLocation = new LinkedHashMap<>();
            noLocation.put("attribute[location]", "");
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(noLocation), "k2"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm("api_key=" + bo.apiKey, "k3"), last);
            assertThat(last[0].body()).contains("service_code");
            // Unknown service, unknown field, a value not among the choices
            refusedAndNothingChanged(bo, 404, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("service_code", "pothole")), "k4"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("attribute[colour]", "red")), "k5"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("attribute[danger]", "maybe")), "k6"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("nickname", "x")), "k7"), last);
            // Wrong api key, missing api key, another kiosk's device_id
            refusedAndNothingChanged(bo, 403, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("api_key", "wrong")), "k8"), last);
            refusedAndNothingChanged(bo, 403, () -> last[0] = bo.postForm(bo.hazardForm(none).replaceFirst("api_key=[^&]*&", ""), "k9"), last);
            refusedAndNothingChanged(bo, 403, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("device_id", "kiosk-02")), "k10"), last);
            // Malformed form encoding, bytes that are no UTF-8, a body that is no form
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(none) + "&attribute%5Blocation%5D=%zz%", "k11"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(none).replace("attribute%5Blocation%5D=",
                    "attribute%5Blocation%5D=%FF%FE"), "k12"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.send(bo.request("requests.json")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "k13")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"service_code\":\"hazard-report\"}"))), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(none) + "&service_code=hazard-report", "k14"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("attribute[location]", "路口\u0000")), "k15"), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(none), "key with spaces"), last);
            // A long value within a small body (the big bodies: see the raw-socket tests below)
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.postForm(bo.hazardForm(Map.of("attribute[location]", "路".repeat(300))), "k17"), last);
        }
    }

    /**
     * Oversized bodies, over a raw socket: a server may answer 413 as soon as it sees the headers and
     * close, so the client must read the answer even when it could not write the whole body.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void oversizedBodiesAreRefusedWhetherAnnouncedOrChunked(String kind) throws Exception {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Map<String, List<String>> before = bo.store.snapshot();
            byte[] body = bo.hazardForm(Map.of("attribute[description]", "长".repeat(40_000))).getBytes(StandardCharsets.US_ASCII);

            String announced = raw(bo.port(), "Content-Length: " + body.length, body);
            String chunked = raw(bo.port(), "Transfer-Encoding: chunked", concat(
                    (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), body,
                    "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

            for (String answer : List.of(announced, chunked)) {
                assertThat(answer.substring(0, answer.indexOf("\r\n"))).contains(" 413");
                assertThat(answer).contains("\"code\":413");
            }
            assertThat(bo.store.snapshot()).isEqualTo(before);
        }
    }

    private static String raw(int port, String framing, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n" + framing + "\r\n"
                    + "Idempotency-Key: " + UUID.randomUUID() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server answered before reading it all: read that answer
            }
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("kinds")
    void badReadsAndUnknownPathsGetTheErrorArray(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            HttpResponse<String>[] last = new HttpResponse[1];
            refusedAndNothingChanged(bo, 403, () -> last[0] = bo.get("requests.json?service_request_id=1&api_key=wrong"), last);
            refusedAndNothingChanged(bo, 404, () -> last[0] = bo.get("nothing-here.json"), last);
            refusedAndNothingChanged(bo, 404, () -> last[0] = bo.get("services/hazard-report.html"), last);
            refusedAndNothingChanged(bo, 404, () -> last[0] = bo.get("services/hazard-report"), last);
            refusedAndNothingChanged(bo, 405, () -> last[0] = bo.send(bo.request("services.json")
                    .DELETE()), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.send(bo.request("kiosks/sim-kiosk-01/heartbeat.json")
                    .POST(HttpRequest.BodyPublishers.ofString("{not json"))), last);
            refusedAndNothingChanged(bo, 400, () -> last[0] = bo.get("requests.json?api_key=" + bo.apiKey
                    + "&service_request_id=" + "1,".repeat(150)), last);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sqlMetacharactersInEveryFieldAreRefusedOrStoredVerbatim(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            List<String> fields = new ArrayList<>(List.of("api_key", "service_code", "device_id", "first_name", "last_name",
                    "phone", "email", "description", "address_string", "account_id", "attribute[category]",
                    "attribute[location]", "attribute[description]", "attribute[since]", "attribute[danger]",
                    "attribute[phone]", "attribute[receipt_token]", "attribute[resident_name]"));
            int stored = 0;
            for (String field : fields) {
                for (String payload : SQL) {
                    Map<String, List<String>> before = bo.store.snapshot();
                    long count = bo.store.count();
                    String key = UUID.randomUUID().toString();
                    HttpResponse<String> r = bo.postForm(bo.hazardForm(Map.of(field, payload)), key);
                    JsonNode body = readJson(r);
                    assertThat(body.isArray()).isTrue();
                    if (r.statusCode() == 201) {
                        stored++;
                        assertThat(bo.store.count()).isEqualTo(count + 1);
                        String id = body.get(0).path("service_request_id").asText();
                        var saved = bo.store.find(List.of(id), null).get(0);
                        String column = field.startsWith("attribute[") ? field.substring(10, field.length() - 1) : field;
                        if (field.startsWith("attribute[") && !column.equals("receipt_token")) {
                            // What names or reaches a person is apart from the request's content.
                            Map<String, String> where = column.equals("phone") || column.startsWith("resident_")
                                    ? bo.store.personal(saved.requestKey()).orElseThrow().attributes() : saved.attributes();
                            assertThat(where.get(column)).as(field).isEqualTo(payload);
                        }
                    } else {
                        assertThat(r.statusCode()).as(field + " " + r.body()).isIn(400, 403, 404);
                        assertThat(body.get(0).path("code").asInt()).isEqualTo(r.statusCode());
                        assertThat(bo.store.snapshot()).as(field).isEqualTo(before);
                    }
                }
            }
            // The free-text fields took the payloads as text; the tables are all still there.
            assertThat(stored).isGreaterThanOrEqualTo(5 * 8);
            assertThat(bo.store.snapshot()).containsKeys("service_requests", "kiosks", "status_history");
            assertThat(bo.store.kioskFor(bo.apiKey)).contains(TestBackOffice.KIOSK);
            // Also in a read: the ids are parameters, not SQL.
            HttpResponse<String> read = bo.get("requests.json?api_key=" + bo.apiKey + "&service_request_id="
                    + java.net.URLEncoder.encode(SQL.get(0), StandardCharsets.UTF_8));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(readJson(read)).isEmpty();
        }
    }

    private static JsonNode readJson(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }
}
