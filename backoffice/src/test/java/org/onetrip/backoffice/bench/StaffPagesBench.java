package org.onetrip.backoffice.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onetrip.backoffice.BackOfficeServer;
import org.onetrip.backoffice.TestDatabases;
import org.onetrip.backoffice.security.FieldCipher;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * {@code ./scripts/bench staff}: the work queue page (signed in, the default view: open requests
 * oldest first, 50 a page) with {@code N} requests in the database, beside the bare SQL query of the
 * same rows over JDBC; and the phone page under 50 concurrent clients beside the same clients
 * fetching the page's style sheet (no database). Loopback only; every loop is bounded.
 *
 * <p>Usage: {@code StaffPagesBench REQUESTS RUNS CLIENTS PER_CLIENT sqlite|postgresql…}.
 */
public final class StaffPagesBench {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int perClient = Integer.parseInt(args[3]);
        ServiceCatalog catalog = new CatalogLoader().loadBundled();
        for (int a = 4; a < args.length; a++) {
            String kind = args[a];
            Path dir = Files.createTempDirectory("onetrip-staff-bench");
            String pgUrl = kind.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
            try (Database db = pgUrl != null ? Database.postgres(pgUrl, 16) : Database.sqlite(dir.resolve("backoffice.db"))) {
                FieldCipher cipher = FieldCipher.random();
                long t0 = System.nanoTime();
                List<String> tokens = seed(db, cipher, catalog, requests);
                BackOfficeStore store = new BackOfficeStore(db, cipher, Clock.systemUTC()); // seals the seeded rows
                System.out.printf("%s: %,d requests seeded and sealed in %.1f s%n", kind, requests, (System.nanoTime() - t0) / 1e9);
                new StaffStore(store, Clock.systemUTC()).putAccount("bench", "Bench", "supervisor", Set.of(),
                        Passwords.hash("bench password 1"));
                BackOfficeServer.Settings s = BackOfficeServer.Settings.loopback(0);
                // The phone clients come through "a proxy" on loopback, each with its own address,
                // so the per-address rate limit applies to each as it would to 50 phones.
                s = new BackOfficeServer.Settings(s.host(), 0, s.maxBodyBytes(), s.zone(), false, null, Set.of("127.0.0.1"), null);
                try (BackOfficeServer server = new BackOfficeServer(store, catalog, s, null).start()) {
                    String base = "http://127.0.0.1:" + server.port();
                    queue(kind, base, db, pgUrl, dir, runs);
                    phone(kind, base, tokens, clients, perClient);
                }
            } finally {
                if (pgUrl != null) {
                    TestDatabases.dropSchema(pgUrl);
                }
                try (var f = Files.walk(dir)) {
                    f.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** {@code n} requests over half a year, a third of them open, in one transaction; returns some receipt tokens. */
    private static List<String> seed(Database db, FieldCipher cipher, ServiceCatalog catalog, int n) {
        new BackOfficeStore(db, cipher, Clock.systemUTC()).issueApiKey("bench-kiosk");
        List<ServiceDefinition> services = catalog.services();
        RequestStatus[] statuses = {RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS,
                RequestStatus.COMPLETED, RequestStatus.COMPLETED, RequestStatus.COMPLETED, RequestStatus.REJECTED,
                RequestStatus.COMPLETED, RequestStatus.COMPLETED};
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        db.inTransaction("seed the benchmark", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO service_requests (request_key, service_request_id, token, kiosk_id, idempotency_key, body_hash,
                        service_code, service_name, last_name, attributes, receipt_token, status_detail, requested_datetime,
                        updated_datetime, received_datetime, ticket)
                    VALUES (?, ?, ?, 'bench-kiosk', ?, 'h', ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < n; i++) {
                    ServiceDefinition s = services.get(i % services.size());
                    Instant filed = now.minus(Duration.ofMinutes((long) (n - i) * 262_800L / n));
                    String at = fixed(filed);
                    String token = String.format("%024d", i).replace('0', 'A');
                    int k = 1;
                    ps.setString(k++, UUID.randomUUID().toString());
                    ps.setString(k++, String.valueOf(200_000 + i));
                    ps.setString(k++, UUID.randomUUID().toString());
                    ps.setString(k++, "bench-" + i);
                    ps.setString(k++, s.code());
                    ps.setString(k++, s.name().zh());
                    ps.setString(k++, "测试" + (i % 100));
                    ps.setString(k++, token);
                    ps.setString(k++, statuses[i % statuses.length].wire());
                    ps.setString(k++, at);
                    ps.setString(k++, at);
                    ps.setString(k++, at);
                    ps.setString(k, "B-" + (i % 1000));
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                    if (i % (n / 100 + 1) == 0) {
                        tokens.add(token);
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        return tokens;
    }

    private static String fixed(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static void queue(String kind, String base, Database db, String pgUrl, Path dir, int runs) throws Exception {
        String cookie = signIn(base, "bench", "bench password 1");
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/staff/queue")).header("Cookie", cookie).GET().build();
        StaffStore.QueueQuery q = new StaffStore.QueueQuery(null, EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS,
                RequestStatus.NEEDS_DOCUMENTS), null, null, null, null, null, 0, 50);
        List<Object> args = new ArrayList<>();
        String sql = StaffStore.queueSql(q, args);
        try (Connection c = pgUrl != null ? DriverManager.getConnection(pgUrl)
                : DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("backoffice.db"))) {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, (String) args.get(i));
            }
            List<Long> pageTimes = new ArrayList<>();
            List<Long> sqlTimes = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < runs + 20; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = HTTP.send(page, HttpResponse.BodyHandlers.ofString());
                long pageNs = System.nanoTime() - t;
                if (r.statusCode() != 200 || !r.body().contains("id=\"queue\"")) {
                    throw new IllegalStateException("the queue page answered " + r.statusCode());
                }
                t = System.nanoTime();
                rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getString(11);
                        rows++;
                    }
                }
                long sqlNs = System.nanoTime() - t;
                if (i >= 20) { // the first 20 of each warm the JIT and the caches
                    pageTimes.add(pageNs);
                    sqlTimes.add(sqlNs);
                }
            }
            Collections.sort(pageTimes);
            Collections.sort(sqlTimes);
            System.out.printf("== %s: the work queue page (open, oldest first, %d rows of %s) vs the bare SQL of the same rows, %d runs%n",
                    kind, rows, "all requests", runs);
            System.out.printf("queue page   p50 %7.2f ms   p99 %7.2f ms%n", ms(pageTimes, 50), ms(pageTimes, 99));
            System.out.printf("bare SQL     p50 %7.2f ms   p99 %7.2f ms%n", ms(sqlTimes, 50), ms(sqlTimes, 99));
            System.out.printf("ratio        p50 %7.1f      p99 %7.1f%n", ms(pageTimes, 50) / ms(sqlTimes, 50),
                    ms(pageTimes, 99) / ms(sqlTimes, 99));
        }
    }

    private static void phone(String kind, String base, List<String> tokens, int clients, int perClient) throws Exception {
        for (String what : List.of("phone", "css")) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicInteger failures = new AtomicInteger();
            List<Future<List<Long>>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                final int client = c;
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    List<Long> times = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        String path = what.equals("phone") ? "/status/" + tokens.get((client * perClient + i) % tokens.size())
                                : "/assets/phone.css";
                        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                                .header("X-Forwarded-For", "10.77." + client + "." + (1 + i / 20)).timeout(Duration.ofSeconds(30))
                                .GET().build();
                        long t = System.nanoTime();
                        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
                        times.add(System.nanoTime() - t);
                        if (a.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            Collections.sort(all);
            System.out.printf("%s %-28s %6.0f req/s   p50 %7.2f ms   p99 %7.2f ms   not 200: %d of %d%n",
                    what.equals("phone") ? "==" : "  ", (what.equals("phone") ? kind + ": phone page, " + clients + " clients"
                            : "style sheet, same clients"), all.size() / seconds, ms(all, 50), ms(all, 99), failures.get(), all.size());
        }
    }

    private static double ms(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    private static String signIn(String base, String id, String password) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/staff/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no sign-in form");
        }
        String token = form.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("onetrip_signin="))
                .findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/staff/signin")).header("Cookie", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&staff_id=" + id + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("onetrip_staff=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed: " + r.statusCode())).split(";")[0];
    }
}
