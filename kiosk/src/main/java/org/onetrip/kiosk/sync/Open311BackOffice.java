package org.onetrip.kiosk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.request.OutboxEntry;

/**
 * The back office over Open311 GeoReport v2 (JSON), with java.net.http's client: one client,
 * keep-alive connections, HTTP/1.1 (a plain-http server is not asked to upgrade to h2c, which some
 * back offices behind old proxies answer wrongly). Redirects are not followed: a back office that
 * redirects a POST is misconfigured, and following would drop the body.
 *
 * <p>Timeouts: {@code connectTimeout} for the TCP connection, {@code requestTimeout} for the
 * whole answer. A POST that timed out may have been filed: the outbox sends it again with the same
 * Idempotency-Key, and the back office answers the first filing.
 */
public final class Open311BackOffice implements BackOffice {
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** {@code baseUrl} is the GeoReport v2 endpoint, e.g. {@code http://127.0.0.1:8311/open311/v2/}. */
    public record Settings(URI baseUrl, String apiKey, String kioskId, Duration connectTimeout, Duration requestTimeout) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String s = baseUrl.toString();
            baseUrl = s.endsWith("/") ? baseUrl : URI.create(s + "/");
            apiKey = apiKey == null ? "" : apiKey;
        }
    }

    private final Settings settings;
    private final ServiceCatalog catalog;
    /**
     * Made at the first exchange, on the sync's thread once the home screen is drawn: a client's
     * set-up loads java.net.http and the JDK's TLS (some 700 classes, SSLContext.getDefault) and
     * starts its selector thread, which the home screen does not need (issue 13, cold start).
     */
    private volatile HttpClient http;

    /** {@code catalog} is the one the kiosk files with: it tells the form which fields are multi-value. */
    public Open311BackOffice(Settings settings, ServiceCatalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** The client; one that cannot be made (no TLS set-up, no selector) is an exchange that failed, tried again. */
    private HttpClient http() throws IOException {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                h = http;
                if (h == null) {
                    try {
                        h = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(settings.connectTimeout())
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build();
                    } catch (RuntimeException e) {
                        throw new IOException("the HTTP client could not be set up: " + e, e);
                    }
                    http = h;
                }
            }
        }
        return h;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public SubmitOutcome submit(OutboxEntry entry) {
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve("requests.json"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", FORM)
                .header("Accept", "application/json")
                .header("Idempotency-Key", entry.requestId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Open311Form.body(entry, catalog, settings.apiKey()),
                        StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> r = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Open311Responses.submitAnswer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        } catch (HttpTimeoutException e) {
            return new SubmitOutcome.Retry("no answer within " + settings.requestTimeout().toSeconds() + " s", null);
        } catch (IOException e) {
            return new SubmitOutcome.Retry(describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitOutcome.Retry("interrupted", null);
        }
    }

    @Override
    public Map<String, String> resolveTokens(List<String> tokens) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String token : tokens) {
            HttpResponse<String> r = get("tokens/" + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20")
                    + ".json?" + apiKeyQuery());
            if (r.statusCode() == 404) {
                continue; // not known (yet)
            }
            requireOk(r, "tokens");
            ids.putAll(Open311Responses.tokens(r.body()));
        }
        return ids;
    }

    @Override
    public List<RemoteStatus> statuses(List<String> serviceRequestIds) {
        if (serviceRequestIds.isEmpty()) {
            return List.of();
        }
        HttpResponse<String> r = get("requests.json?service_request_id="
                + URLEncoder.encode(String.join(",", serviceRequestIds), StandardCharsets.UTF_8)
                + "&extensions=true&" + apiKeyQuery());
        requireOk(r, "requests");
        return Open311Responses.requests(r.body());
    }

    @Override
    public void heartbeat(Heartbeat h) {
        ObjectNode body = Open311Responses.JSON.createObjectNode();
        body.put("api_key", settings.apiKey());
        body.put("kiosk_id", h.kioskId());
        body.put("app_version", h.appVersion());
        body.put("at", DateTimeFormatter.ISO_INSTANT.format(h.at()));
        ObjectNode devices = body.putObject("devices");
        h.devices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> devices.putObject(e.getKey())
                .put("state", e.getValue().state().name())
                .put("detail", e.getValue().detail().name())
                .put("message", shortened(e.getValue().message())));
        var alarms = body.putArray("alarms");
        h.alarms().forEach(a -> alarms.addObject().put("at", DateTimeFormatter.ISO_INSTANT.format(a.at())).put("kind", a.kind()));
        ObjectNode queue = body.putObject("queue");
        queue.put("pending", h.pending());
        queue.put("needs_attention", h.needsAttention());
        queue.put("oldest_pending_filed_at",
                h.oldestPendingFiledAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(h.oldestPendingFiledAt()));
        String json;
        try {
            json = Open311Responses.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a heartbeat is plain JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve("kiosks/"
                        + URLEncoder.encode(h.kioskId(), StandardCharsets.UTF_8) + "/heartbeat.json"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> r = send(request);
        if (r.statusCode() == 404) {
            throw new BackOfficeException(BackOfficeException.Kind.NOT_OFFERED, "the back office has no fleet view (404)");
        }
        requireOk(r, "heartbeat");
    }

    @Override
    public RemoteCatalog fetchCatalog() {
        HttpResponse<String> list = get("services.json");
        requireOk(list, "services");
        JsonNode services = Open311Responses.parse(list.body());
        if (services == null || !services.isArray()) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "services.json is not a JSON array");
        }
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        for (String code : org.onetrip.kiosk.catalog.Open311Catalog.codesWithDefinitions(services)) {
            HttpResponse<String> d = get("services/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + ".json");
            if (d.statusCode() == 404) {
                continue;
            }
            requireOk(d, "service definition");
            JsonNode def = Open311Responses.parse(d.body());
            if (def != null && def.isObject()) {
                definitions.put(code, def);
            }
        }
        return new RemoteCatalog(services, definitions);
    }

    private String apiKeyQuery() {
        return "api_key=" + URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(settings.baseUrl().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE,
                    "no answer within " + settings.requestTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "interrupted", e);
        }
    }

    private static void requireOk(HttpResponse<String> r, String what) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return;
        }
        String errors = Open311Responses.errors(r.body());
        String detail = "HTTP " + s + " on " + what + (errors == null ? "" : ": " + errors);
        if (s == 401 || s == 403) {
            throw new BackOfficeException(BackOfficeException.Kind.MISCONFIGURED, detail + "; is backoffice.api-key right?");
        }
        if (s == 408 || s == 429 || s >= 500) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, detail);
        }
        throw new BackOfficeException(BackOfficeException.Kind.MISCONFIGURED,
                detail + "; is backoffice.url the GeoReport v2 endpoint (…/open311/v2/)?");
    }

    /**
     * A device's message as the back office's heartbeat schema takes it (at most 300 characters,
     * no control characters): a long driver message must not cost the kiosk its place in the fleet view.
     */
    static String shortened(String message) {
        if (message == null) {
            return null;
        }
        String one = message.replaceAll("\\p{Cntrl}+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 199) + "…";
    }

    /** The exception's kind and message; java.net.http's messages name the peer, never the body. */
    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
