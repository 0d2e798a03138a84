package org.onetrip.backoffice.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.BackOfficeServer;
import org.onetrip.backoffice.LogCapture;
import org.onetrip.backoffice.TestBackOffice;

/**
 * The back office as an attacker and a careless client meet it: wrong api keys slowed to 429,
 * heartbeats held to their schema, an aborted upload as one log line, the headers on every answer,
 * 405 with Allow, X-HTTP-Method-Override ignored, the TLS listener, no personal data in logs.
 */
class HttpHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static HttpResponse<String> getFrom(TestBackOffice bo, String path, String forwardedFor) {
        HttpRequest.Builder b = bo.request(path).GET();
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return bo.send(b);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void wrongApiKeysAreSlowedPerClientWith429AndRetryAfter(String kind) {
        BackOfficeServer.Settings behindProxy = BackOfficeServer.Settings.loopback(0).withTrustedProxies(Set.of("127.0.0.1"));
        try (TestBackOffice bo = new TestBackOffice(kind, dir, behindProxy, null)) {
            String attacker = "203.0.113.7";
            for (int i = 0; i < 10; i++) {
                assertThat(getFrom(bo, "requests.json?api_key=guess" + i, "10.9.9.9, " + attacker).statusCode()).isEqualTo(403);
            }
            HttpResponse<String> slowed = getFrom(bo, "requests.json?api_key=guess10", attacker);
            assertThat(slowed.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(json(slowed).get(0).path("code").asInt()).isEqualTo(429);
            // While slowed, even a right key is not looked at: a hit must not tell a guesser anything.
            assertThat(getFrom(bo, "requests.json?api_key=" + bo.apiKey, attacker).statusCode()).isEqualTo(429);
            HttpResponse<String> post = bo.send(bo.request("requests.json").header("X-Forwarded-For", attacker)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(bo.hazardForm(Map.of()))));
            assertThat(post.statusCode()).isEqualTo(429);
            assertThat(bo.store.count()).isZero();
            // Other clients, and reads without a key, go on.
            assertThat(getFrom(bo, "requests.json?api_key=" + bo.apiKey, "198.51.100.1").statusCode()).isEqualTo(200);
            assertThat(getFrom(bo, "requests.json", attacker).statusCode()).isEqualTo(200);
            assertThat(getFrom(bo, "services.json", attacker).statusCode()).isEqualTo(200);
        }
        // Without a trusted proxy, X-Forwarded-For is anyone's to write and is not believed.
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("direct"))) {
            for (int i = 0; i < 10; i++) {
                assertThat(getFrom(bo, "requests.json?api_key=guess" + i, "10.0.0." + i).statusCode()).isEqualTo(403);
            }
            assertThat(getFrom(bo, "requests.json?api_key=guess", "10.0.0.99").statusCode()).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aHeartbeatOutsideItsSchemaIsRefusedAndTheFleetViewStaysUp(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String good = "{\"api_key\":\"" + bo.apiKey + "\",\"kiosk_id\":\"sim-kiosk-01\",\"app_version\":\"0.1.0\","
                    + "\"at\":\"2026-12-05T01:00:00Z\",\"devices\":{\"printer\":{\"state\":\"ONLINE\",\"detail\":\"NONE\","
                    + "\"message\":\"ready\"}},\"alarms\":[{\"at\":\"2026-12-05T00:59:00Z\",\"kind\":\"door_open\"}],"
                    + "\"queue\":{\"pending\":2,\"needs_attention\":0,\"oldest_pending_filed_at\":null},\"uptime_s\":3600}";
            assertThat(heartbeat(bo, good).statusCode()).isEqualTo(200);

            String deep = "{\"api_key\":\"" + bo.apiKey + "\",\"x\":" + "[".repeat(999) + "]".repeat(999) + "}";
            List<String> bad = List.of(deep,
                    good.replace("\"uptime_s\":3600", "\"extra\":{\"nested\":1}"),
                    good.replace("\"pending\":2", "\"pending\":-1"),
                    good.replace("\"ready\"", "\"" + "x".repeat(301) + "\""),
                    good.replace("\"printer\":{", "\"a b\":{"),
                    good.replace("\"kind\":\"door_open\"}", "\"kind\":\"door_open\",\"photo\":\"…\"}"),
                    "[1,2,3]");
            for (String body : bad) {
                HttpResponse<String> r = heartbeat(bo, body);
                assertThat(r.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
                assertThat(json(r).get(0).path("code").asInt()).isEqualTo(400);
            }
            StringBuilder many = new StringBuilder("{\"api_key\":\"" + bo.apiKey + "\",\"devices\":{");
            for (int i = 0; i < 33; i++) {
                many.append(i == 0 ? "" : ",").append("\"d").append(i).append("\":{\"state\":\"ONLINE\"}");
            }
            assertThat(heartbeat(bo, many.append("}}").toString()).statusCode()).isEqualTo(400);
            assertThat(heartbeat(bo, "{\"api_key\":\"" + bo.apiKey + "\",\"pad\":\"" + "x".repeat(20_000) + "\"}").statusCode())
                    .isEqualTo(413);

            HttpResponse<String> fleet = bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/kiosks"))
                    .header("Authorization", "Bearer " + bo.staffToken).GET());
            assertThat(fleet.statusCode()).isEqualTo(200);
            assertThat(json(fleet).get(0).path("heartbeat").path("queue").path("pending").asInt()).isEqualTo(2);
        }
    }

    private static HttpResponse<String> heartbeat(TestBackOffice bo, String body) {
        return bo.send(bo.request("kiosks/sim-kiosk-01/heartbeat.json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void anAbortedUploadIsOneShortLogLine() throws Exception {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir); LogCapture logs = new LogCapture()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", bo.port()), 5000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n"
                        + "api_key=" + bo.apiKey + "&service_code=hazard-report&attribute%5Bphone%5D=1380013")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200); // the server is reading the body when the client goes
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (logs.events().stream().noneMatch(e -> e.getFormattedMessage().contains("closed the connection"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // anything else it would log comes with it
            List<ILoggingEvent> events = logs.events().stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)).toList();
            assertThat(events).as(logs.text()).hasSize(1);
            assertThat(events.get(0).getThrowableProxy()).isNull();
            assertThat(logs.text().length()).as(logs.text()).isLessThan(200);
            assertThat(logs.text()).doesNotContain("1380013", bo.apiKey);
        }
    }

    @Test
    void everyAnswerCarriesItsSecurityHeaders() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir, BackOfficeServer.Settings.loopback(0),
                config -> config.routes.get("/page-for-test", ctx -> ctx.html("<p>页</p>")))) {
            for (String path : List.of("services.json", "services.xml", "discovery.json", "requests.json", "requests.xml",
                    "nothing-here.json", "services/none.xml", "requests.json?api_key=wrong")) {
                HttpResponse<String> r = bo.get(path);
                assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
                assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
                boolean catalogue = path.startsWith("services") || path.startsWith("discovery");
                assertThat(r.headers().firstValue("Cache-Control")).as(path)
                        .contains(catalogue ? "public, max-age=300" : "no-store");
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isEmpty();
            }
            HttpResponse<String> staff = bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/kiosks"))
                    .header("Authorization", "Bearer " + bo.staffToken).GET());
            assertThat(staff.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(staff.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

            HttpResponse<String> page = bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/page-for-test")).GET());
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*", "script-src", "connect-src");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void aWrongMethodIs405WithAllowAndMethodOverrideIsIgnored() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            HttpResponse<String> delete = bo.send(bo.request("services.json").DELETE());
            assertThat(delete.statusCode()).isEqualTo(405);
            assertThat(allow(delete)).contains("GET").doesNotContain("POST", "DELETE");
            assertThat(json(delete).get(0).path("code").asInt()).isEqualTo(405);
            HttpResponse<String> put = bo.send(bo.request("requests.xml").PUT(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(allow(put)).contains("GET", "POST");
            assertThat(put.body()).startsWith("<?xml");
            assertThat(allow(bo.send(bo.request("kiosks/k/heartbeat.json").GET()))).containsExactly("POST");

            // The header some frameworks honour to turn a POST into anything: here a POST stays a POST.
            HttpResponse<String> overriddenPost = bo.send(bo.request("requests.json").header("X-HTTP-Method-Override", "DELETE")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(bo.hazardForm(Map.of()))));
            assertThat(overriddenPost.statusCode()).isEqualTo(201);
            HttpResponse<String> postAsGet = bo.send(bo.request("services.json").header("X-HTTP-Method-Override", "GET")
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            assertThat(postAsGet.statusCode()).isEqualTo(405);
            HttpResponse<String> getAsDelete = bo.send(bo.request("services.json").header("X-HTTP-Method-Override", "DELETE").GET());
            assertThat(getAsDelete.statusCode()).isEqualTo(200);
            assertThat(bo.store.count()).isEqualTo(1);
        }
    }

    private static List<String> allow(HttpResponse<String> r) {
        return List.of(r.headers().firstValue("Allow").orElseThrow(() -> new AssertionError("no Allow header")).split(",\\s*"));
    }

    @Test
    void theTlsListenerServesOpen311OverHttpsWithHsts() throws Exception {
        Path ks = dir.resolve("backoffice.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "test-pass", "-keypass",
                "test-pass", "-alias", "backoffice", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(out).isZero();

        BackOfficeServer.Settings tls = BackOfficeServer.Settings.loopback(0)
                .withTls(new BackOfficeServer.Tls("127.0.0.1", 0, ks, "test-pass"));
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir, tls, null)) {
            int port = bo.server().tlsPort();
            assertThat(port).isPositive().isNotEqualTo(bo.port());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(ks)) {
                trust.load(in, "test-pass".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                    + "/open311/v2/services.json")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            assertThat(json(r)).hasSize(TestBackOffice.CATALOG.services().size());
            assertThat(bo.get("services.json").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void noPersonalDataReachesTheLog(String kind) {
        try (LogCapture logs = new LogCapture(); TestBackOffice bo = new TestBackOffice(kind, dir)) {
            Map<String, String> f = PersonalDataAtRestTest.form(bo);
            String id = PersonalDataAtRestTest.file(bo, "a");
            bo.staffStatus(id, "needs_documents", "请赖佳佳补交户口本");
            // Refused ones too: a wrong field beside personal ones, a wrong key.
            Map<String, String> bad = new java.util.LinkedHashMap<>(f);
            bad.put("attribute[payment]", "赖佳佳");
            bo.postForm(TestBackOffice.form(bad), "b");
            bad.put("api_key", "13800138000");
            bo.postForm(TestBackOffice.form(bad), "c");
            bo.get("tokens/13800138000.json");
            bo.get("requests/350982199005010026.json");
            for (String secret : PersonalDataAtRestTest.SECRETS) {
                assertThat(logs.text()).as(secret).doesNotContain(secret);
            }
            assertThat(logs.text()).doesNotContain(bo.apiKey);
        }
    }
}
