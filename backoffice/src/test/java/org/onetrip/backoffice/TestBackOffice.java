package org.onetrip.backoffice;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.onetrip.backoffice.security.FieldCipher;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;

/** A back office on loopback for tests: its database, a kiosk key, a supervisor's staff token, an HTTP client. */
public final class TestBackOffice implements AutoCloseable {
    public static final ServiceCatalog CATALOG = new CatalogLoader().loadBundled();
    public static final String KIOSK = "sim-kiosk-01";
    /** One personal-data key for every test back office (instances on one database must share it). */
    public static final FieldCipher CIPHER = FieldCipher.random();

    public final Database db;
    public final BackOfficeStore store;
    public final String apiKey;
    public final String staffToken;
    private final BackOfficeServer.Settings settings;
    private final Consumer<JavalinConfig> customize;
    private BackOfficeServer server;
    private int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public TestBackOffice(String dbKind, Path dir, boolean batch, Consumer<JavalinConfig> customize) {
        this(dbKind, dir, BackOfficeServer.Settings.loopback(0).withBatch(batch), customize);
    }

    /** A back office with {@code settings} (port 0: a free one). */
    public TestBackOffice(String dbKind, Path dir, BackOfficeServer.Settings settings, Consumer<JavalinConfig> customize) {
        this(TestDatabases.open(dbKind, dir), settings, customize);
    }

    /** A back office on {@code db} (e.g. the SQLite file a command-line test also opens); closes it when closed. */
    public TestBackOffice(Database db, BackOfficeServer.Settings settings, Consumer<JavalinConfig> customize) {
        this.db = db;
        this.store = new BackOfficeStore(db, CIPHER, Clock.systemUTC());
        this.apiKey = store.issueApiKey(KIOSK);
        this.staffToken = store.issueStaffToken("wang", "王科员");
        // The token acts as its account (staff/StaffApi): a supervisor handles every request. No password signs in.
        new StaffStore(store, Clock.systemUTC()).putAccount("wang", "王科员", "supervisor", java.util.Set.of(), "!");
        this.settings = settings;
        this.customize = customize;
        this.server = new BackOfficeServer(store, CATALOG, settings, customize).start();
        this.port = server.port();
    }

    public TestBackOffice(String dbKind, Path dir) {
        this(dbKind, dir, false, null);
    }

    public int port() {
        return port;
    }

    public BackOfficeServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + BackOfficeServer.OPEN311 + "/";
    }

    /** Stops (if it runs) and starts again on the same port with the same database, as after a restart. */
    public void restart() {
        server.close();
        server = new BackOfficeServer(store, CATALOG, settings.withPort(port), customize).start();
    }

    public void stop() {
        server.close();
    }

    public HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl()).resolve(path));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postForm(String body, String idempotencyKey) {
        HttpRequest.Builder b = request("requests.json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    public HttpResponse<String> staffStatus(String id, String detail, String notes) {
        String json = "{\"status_detail\":\"" + detail + "\"" + (notes == null ? "" : ",\"status_notes\":\"" + notes + "\"") + "}";
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/staff/v1/requests/" + id + "/status"))
                .header("Authorization", "Bearer " + staffToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A valid hazard report's form, with this kiosk's key; {@code extra} pairs replace or add fields. */
    public String hazardForm(Map<String, String> extra) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("api_key", apiKey);
        f.put("service_code", "hazard-report");
        f.put("device_id", KIOSK);
        f.put("attribute[category]", "road_traffic");
        f.put("attribute[location]", "资国寺路与太姥大道路口");
        f.put("attribute[description]", "红绿灯不亮，车辆抢行");
        f.put("attribute[since]", "today");
        f.put("attribute[danger]", "no");
        f.putAll(extra);
        return form(f);
    }

    /** Files a hazard report ({@link #hazardForm}) under {@code idempotencyKey}; its service_request_id. */
    public String fileHazard(String idempotencyKey, Map<String, String> extra) {
        HttpResponse<String> r = postForm(hazardForm(extra), idempotencyKey);
        try {
            return org.onetrip.backoffice.open311.Jsons.MAPPER.readTree(r.body()).get(0).path("service_request_id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    public static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    public static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
