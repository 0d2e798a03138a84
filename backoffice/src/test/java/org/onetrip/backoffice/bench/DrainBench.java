package org.onetrip.backoffice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.onetrip.backoffice.BackOfficeServer;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.sync.Backoff;
import org.onetrip.kiosk.sync.Open311BackOffice;
import org.onetrip.kiosk.sync.Open311Form;
import org.onetrip.kiosk.sync.OutboxWorker;

/**
 * Draining a kiosk's outbox of N queued requests into the local back office (the product's worker:
 * POST, then the durable "delivered" mark in the kiosk's store, one request after the other in filing
 * order), beside a bare keep-alive HTTP client POSTing the same bodies to a fresh back office of the
 * same kind. The ratio is what the kiosk's bookkeeping costs over the wire and the server alone.
 * Loopback only; each back office runs in this JVM on its own database.
 * Arguments: N (default 10000), then the databases: sqlite and/or postgresql
 * (PostgreSQL from ONETRIP_TEST_PG_URL; scripts/bench starts a durable one).
 */
public final class DrainBench {
    private static final ServiceCatalog CATALOG = new CatalogLoader().loadBundled();
    private static final String KIOSK = "bench-kiosk";

    private DrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> kinds = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("sqlite");
        Path dir = Files.createTempDirectory("onetrip-drain");
        Path template = dir.resolve("template.db");
        long t0 = System.nanoTime();
        try (SqliteRequestQueue q = new SqliteRequestQueue(template)) {
            Instant at = Instant.parse("2025-03-14T01:00:00Z");
            for (int i = 0; i < n; i++) {
                q.file(new NewRequest(UUID.randomUUID(), KIOSK, "hazard-report", "opinion", 'C', LocalDate.of(2025, 3, 14),
                        at.plusMillis(i), UUID.randomUUID().toString(), Map.of("category", "road_traffic", "location",
                                "资国寺路" + i + "号", "description", "路灯不亮，夜间行人看不清路面", "since", "today", "danger", "no"),
                        Map.of("phone", "13800138000"), null, null));
            }
        }
        System.out.printf(Locale.ROOT, "(queued %d requests on the kiosk in %.1f s)%n", n, (System.nanoTime() - t0) / 1e9);
        for (String kind : kinds) {
            double bare = bare(kind, dir, template, n);
            double drain = drain(kind, dir, template, n);
            System.out.printf(Locale.ROOT, "%-10s kiosk outbox drain   %6d requests %7.1f s  %7.0f req/s%n", kind, n, drain, n / drain);
            System.out.printf(Locale.ROOT, "%-10s bare keep-alive POST %6d requests %7.1f s  %7.0f req/s%n", kind, n, bare, n / bare);
            System.out.printf(Locale.ROOT, "%-10s ratio (drain / bare)                  %7.2f%n", kind, drain / bare);
        }
    }

    private static Database database(String kind, Path dir) {
        if (kind.equals("sqlite")) {
            return Database.sqlite(dir.resolve("bo-" + UUID.randomUUID() + ".db"));
        }
        String url = System.getenv("ONETRIP_TEST_PG_URL");
        if (url == null) {
            throw new IllegalStateException("postgresql needs ONETRIP_TEST_PG_URL (scripts/bench starts a server)");
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, 16);
    }

    /** Seconds the kiosk's worker takes to deliver every queued request. */
    private static double drain(String kind, Path dir, Path template, int n) throws Exception {
        Path kioskDb = dir.resolve("kiosk-" + kind + ".db");
        Files.copy(template, kioskDb, StandardCopyOption.REPLACE_EXISTING);
        try (Database db = database(kind, dir); SqliteRequestQueue queue = new SqliteRequestQueue(kioskDb)) {
            BackOfficeStore store = new BackOfficeStore(db, org.onetrip.backoffice.TestBackOffice.CIPHER, Clock.systemUTC());
            String key = store.issueApiKey(KIOSK);
            try (BackOfficeServer server = new BackOfficeServer(store, CATALOG, BackOfficeServer.Settings.loopback(0), null).start()) {
                OutboxWorker worker = new OutboxWorker(queue,
                        new Open311BackOffice(new Open311BackOffice.Settings(URI.create(server.baseUrl()), key, KIOSK,
                                Duration.ofSeconds(5), Duration.ofSeconds(30)), CATALOG),
                        null, CATALOG, Clock.systemUTC(),
                        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom()),
                        OutboxWorker.Settings.defaults(), new OutboxWorker.Identity(KIOSK, "bench", Map::of));
                long t = System.nanoTime();
                OutboxWorker.Report r = worker.runOnce();
                double s = (System.nanoTime() - t) / 1e9;
                if (r.delivered() != n || store.count() != n) {
                    throw new IllegalStateException("drained " + r.delivered() + " of " + n + ", back office holds " + store.count());
                }
                return s;
            }
        }
    }

    /** Seconds a bare HTTP client takes to POST the same bodies, one after the other on one connection. */
    private static double bare(String kind, Path dir, Path template, int n) throws Exception {
        List<OutboxEntry> entries;
        try (SqliteRequestQueue q = new SqliteRequestQueue(template)) {
            entries = q.nextToSend(Instant.parse("9999-01-01T00:00:00Z"), n);
        }
        try (Database db = database(kind, dir)) {
            BackOfficeStore store = new BackOfficeStore(db, org.onetrip.backoffice.TestBackOffice.CIPHER, Clock.systemUTC());
            String key = store.issueApiKey(KIOSK);
            List<String> bodies = new ArrayList<>();
            entries.forEach(e -> bodies.add(Open311Form.body(e, CATALOG, key)));
            try (BackOfficeServer server = new BackOfficeServer(store, CATALOG, BackOfficeServer.Settings.loopback(0), null).start()) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI uri = URI.create(server.baseUrl() + "requests.json");
                long t = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("Idempotency-Key", entries.get(i).requestId().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("bare POST answered " + r.statusCode());
                    }
                }
                double s = (System.nanoTime() - t) / 1e9;
                if (store.count() != n) {
                    throw new IllegalStateException("back office holds " + store.count() + " of " + n);
                }
                return s;
            }
        }
    }
}
