package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.request.RequestStatus;

/** The HTTP adapter against a scripted server on loopback (the JDK's own HTTP server). */
class Open311BackOfficeTest {
    private static final ServiceCatalog CATALOG = new CatalogLoader().loadBundled();

    record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
    }

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile Consumer<HttpExchange> answer = ex -> reply(ex, 201, "[{\"service_request_id\":\"1\"}]");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
            answer.accept(ex);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void reply(HttpExchange ex, int status, String body) {
        try {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Open311BackOffice office(String path, Duration timeout) {
        return new Open311BackOffice(new Open311BackOffice.Settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "key-1", "sim-kiosk-01",
                Duration.ofSeconds(2), timeout), CATALOG);
    }

    private Open311BackOffice office() {
        return office("/open311/v2/", Duration.ofSeconds(5));
    }

    @Test
    void aPostCarriesTheFormAndTheRequestIdAsIdempotencyKey() {
        var e = Open311FormTest.entry("hazard-report", Map.of("category", "road_traffic"), Map.of(), null);

        SubmitOutcome o = office().submit(e);

        assertThat(o).isEqualTo(new SubmitOutcome.Accepted("1", null, false));
        Seen s = seen.get(0);
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.uri()).isEqualTo("/open311/v2/requests.json");
        assertThat(s.headers().get("Idempotency-key")).containsExactly(e.requestId().toString());
        assertThat(s.headers().get("Content-type")).containsExactly("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(s.body()).isEqualTo(Open311Form.body(e, CATALOG, "key-1"));
    }

    @Test
    void aBaseUrlWithoutItsSlashStillReachesTheEndpoint() {
        office("/open311/v2", Duration.ofSeconds(5)).submit(Open311FormTest.entry("hazard-report", Map.of(), Map.of(), null));
        assertThat(seen.get(0).uri()).isEqualTo("/open311/v2/requests.json");
    }

    @Test
    void aConnectionDroppedAfterTheBodyIsARetry() {
        answer = HttpExchange::close; // the body was read; no answer is sent

        SubmitOutcome o = office().submit(Open311FormTest.entry("hazard-report", Map.of(), Map.of(), null));

        assertThat(o).isInstanceOf(SubmitOutcome.Retry.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aSlowAnswerIsARetryAfterTheTimeout() {
        answer = ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 201, "[{\"service_request_id\":\"1\"}]");
        };

        SubmitOutcome o = office("/open311/v2/", Duration.ofMillis(300))
                .submit(Open311FormTest.entry("hazard-report", Map.of(), Map.of(), null));

        assertThat(o).isInstanceOf(SubmitOutcome.Retry.class);
        assertThat(((SubmitOutcome.Retry) o).reason()).contains("no answer");
    }

    @Test
    void nobodyListeningIsARetry() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Open311BackOffice nobody = new Open311BackOffice(new Open311BackOffice.Settings(
                URI.create("http://127.0.0.1:" + port + "/open311/v2/"), "k", "k", Duration.ofSeconds(1), Duration.ofSeconds(1)),
                CATALOG);
        assertThat(nobody.submit(Open311FormTest.entry("hazard-report", Map.of(), Map.of(), null)))
                .isInstanceOf(SubmitOutcome.Retry.class);
        assertThatThrownBy(() -> nobody.statuses(List.of("1"))).isInstanceOf(BackOfficeException.class)
                .satisfies(e -> assertThat(((BackOfficeException) e).kind()).isEqualTo(BackOfficeException.Kind.UNREACHABLE));
    }

    @Test
    void statusesAreAskedForInOneCallWithTheExtension() {
        answer = ex -> reply(ex, 200, "[{\"service_request_id\":\"1\",\"status\":\"open\","
                + "\"extended_attributes\":{\"status_detail\":\"in_progress\"}}]");

        List<RemoteStatus> s = office().statuses(List.of("1", "2"));

        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(seen.get(0).uri()).isEqualTo("/open311/v2/requests.json?service_request_id=1%2C2&extensions=true&api_key=key-1");
        assertThat(s).extracting(RemoteStatus::status).containsExactly(RequestStatus.IN_PROGRESS);
        assertThat(office().statuses(List.of())).isEmpty();
        assertThat(seen).hasSize(1);
    }

    @Test
    void aForbiddenReadIsAConfigurationErrorAndAServerErrorPasses() {
        answer = ex -> reply(ex, 403, "[{\"code\":403,\"description\":\"api_key not valid\"}]");
        assertThatThrownBy(() -> office().statuses(List.of("1")))
                .satisfies(e -> assertThat(((BackOfficeException) e).kind()).isEqualTo(BackOfficeException.Kind.MISCONFIGURED));
        answer = ex -> reply(ex, 503, "");
        assertThatThrownBy(() -> office().resolveTokens(List.of("t")))
                .satisfies(e -> assertThat(((BackOfficeException) e).kind()).isEqualTo(BackOfficeException.Kind.UNREACHABLE));
    }

    @Test
    void tokensUnknownYetAreSimplyAbsent() {
        answer = ex -> {
            if (ex.getRequestURI().getPath().endsWith("/tokens/known.json")) {
                reply(ex, 200, "[{\"token\":\"known\",\"service_request_id\":\"42\"}]");
            } else {
                reply(ex, 404, "[{\"code\":404,\"description\":\"token not found\"}]");
            }
        };
        assertThat(office().resolveTokens(List.of("known", "later"))).containsExactly(Map.entry("known", "42"));
    }

    @Test
    void theHeartbeatIsJsonAndA404MeansNoFleetView() throws Exception {
        answer = ex -> reply(ex, 202, "{}");
        Heartbeat h = new Heartbeat("sim-kiosk-01", "0.1.0", Instant.parse("2025-03-14T01:30:00Z"),
                Map.of("printer", DeviceStatus.online("ok")), 3, 1, Instant.parse("2025-03-14T01:00:00Z"));

        office().heartbeat(h);
        answer = ex -> reply(ex, 500, "");
        assertThatThrownBy(() -> office().heartbeat(h))
                .satisfies(e -> assertThat(((BackOfficeException) e).kind()).isEqualTo(BackOfficeException.Kind.UNREACHABLE));

        Seen s = seen.get(0);
        assertThat(s.uri()).isEqualTo("/open311/v2/kiosks/sim-kiosk-01/heartbeat.json");
        JsonNode body = Open311Responses.JSON.readTree(s.body());
        assertThat(body.path("api_key").asText()).isEqualTo("key-1");
        assertThat(body.path("queue").path("pending").asLong()).isEqualTo(3);
        assertThat(body.path("queue").path("oldest_pending_filed_at").asText()).isEqualTo("2025-03-14T01:00:00Z");
        assertThat(body.path("devices").path("printer").path("state").asText()).isEqualTo("ONLINE");

        answer = ex -> reply(ex, 404, "");
        assertThatThrownBy(() -> office().heartbeat(h))
                .satisfies(e -> assertThat(((BackOfficeException) e).kind()).isEqualTo(BackOfficeException.Kind.NOT_OFFERED));
    }

    @Test
    void aLongDeviceMessageIsShortenedToOneLineForTheFleetViewsSchema() throws Exception {
        answer = ex -> reply(ex, 202, "{}");
        String driver = "java.io.IOException: Input/output error\n\tat com.fazecast.jSerialComm" + ".x".repeat(400);
        office().heartbeat(new Heartbeat("sim-kiosk-01", "0.1.0", Instant.parse("2025-03-14T01:30:00Z"),
                Map.of("printer", DeviceStatus.online(driver)), 0, 0, null));
        String message = Open311Responses.JSON.readTree(seen.get(0).body()).path("devices").path("printer").path("message")
                .asText();
        assertThat(message).hasSizeLessThanOrEqualTo(200).startsWith("java.io.IOException: Input/output error at com")
                .endsWith("…").doesNotContain("\n", "\t");
    }

    @Test
    void theHeartbeatCarriesTheCabinetDoorAlarms() throws Exception {
        answer = ex -> reply(ex, 202, "{}");
        office().heartbeat(new Heartbeat("sim-kiosk-01", "0.1.0", Instant.parse("2025-03-14T01:30:00Z"), Map.of(), 0, 0,
                null, List.of(new Heartbeat.Alarm(Instant.parse("2025-03-14T01:29:07Z"), "door_opened"))));
        JsonNode body = Open311Responses.JSON.readTree(seen.get(0).body());
        assertThat(body.path("alarms")).hasSize(1);
        assertThat(body.path("alarms").get(0).path("kind").asText()).isEqualTo("door_opened");
        assertThat(body.path("alarms").get(0).path("at").asText()).isEqualTo("2025-03-14T01:29:07Z");
    }

    @Test
    void theCatalogueIsTheListAndEachDefinition() {
        answer = ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/services.json")) {
                reply(ex, 200, "[{\"service_code\":\"a\",\"metadata\":true},{\"service_code\":\"b\",\"metadata\":false},"
                        + "{\"service_code\":\"gone\",\"metadata\":true}]");
            } else if (path.endsWith("/services/a.json")) {
                reply(ex, 200, "{\"service_code\":\"a\",\"attributes\":[]}");
            } else {
                reply(ex, 404, "[{\"code\":404,\"description\":\"not found\"}]");
            }
        };

        BackOffice.RemoteCatalog c = office().fetchCatalog();

        assertThat(c.serviceList().size()).isEqualTo(3);
        assertThat(c.definitions()).containsOnlyKeys("a");
        assertThat(seen).extracting(Seen::uri).containsExactly("/open311/v2/services.json", "/open311/v2/services/a.json",
                "/open311/v2/services/gone.json");
    }
}
