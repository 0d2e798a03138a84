package org.onetrip.backoffice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onetrip.backoffice.BackOfficeServer;
import org.onetrip.backoffice.TestBackOffice;
import org.onetrip.backoffice.security.FieldCipher;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;

/**
 * GeoReport v2's search as a third-party client asks it: {@code GET requests.json} and
 * {@code requests.xml} without filters (the last 90 days, the 1,000 newest), p50/p99 over R rounds,
 * beside a bare SQL query of the same 1,000 rows (no decryption, no JSON): the ratio is what the
 * API, its sealed columns and its formats cost. And AES-GCM per value, seal and open. Loopback.
 * Arguments: N requests filed (3000), R rounds (50), then the databases.
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        java.util.List<String> kinds = args.length > 2 ? java.util.List.of(args).subList(2, args.length) : java.util.List.of("sqlite");
        Path dir = Files.createTempDirectory("onetrip-search");
        for (String kind : kinds) {
            run(kind, dir, n, rounds);
        }
        cipher();
    }

    private static void run(String kind, Path dir, int n, int rounds) throws Exception {
        try (Database db = kind.equals("sqlite") ? Database.sqlite(dir.resolve("bo-" + UUID.randomUUID() + ".db"))
                : Database.postgres(freshSchema(), 8)) {
            BackOfficeStore store = new BackOfficeStore(db, TestBackOffice.CIPHER, Clock.systemUTC());
            store.issueApiKey(TestBackOffice.KIOSK);
            Instant t = Instant.now().minus(30, ChronoUnit.DAYS);
            for (int i = 0; i < n; i++) {
                store.file(TestBackOffice.KIOSK, "k" + i, "h" + i, new BackOfficeStore.NewServiceRequest("hazard-report",
                        "问题隐患上报", "社情民意", null, null, null, null, null, null,
                        new BackOfficeStore.Location("27.3" + i % 10, "120.2", "资国寺路" + i + "号", null), null,
                        TestBackOffice.KIOSK, null, Map.of("category", "road_traffic", "location", "资国寺路" + i + "号",
                                "description", "路灯不亮，夜间行人看不清路面", "since", "today", "danger", "no"),
                        Map.of("phone", "13800138000"), null, "D-" + i, t.plusSeconds(i * 60L)), false);
            }
            try (BackOfficeServer server = new BackOfficeServer(store, TestBackOffice.CATALOG,
                    BackOfficeServer.Settings.loopback(0), null).start()) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] json = new long[rounds];
                long[] xml = new long[rounds];
                long[] sql = new long[rounds];
                for (int r = -5; r < rounds; r++) { // 5 rounds of warm-up
                    long a = System.nanoTime();
                    HttpResponse<byte[]> j = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "requests.json")).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long b = System.nanoTime();
                    HttpResponse<byte[]> x = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "requests.xml")).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long c = System.nanoTime();
                    int rows = bare(db, Instant.now().minus(90, ChronoUnit.DAYS));
                    long d = System.nanoTime();
                    if (j.statusCode() != 200 || x.statusCode() != 200 || rows != Math.min(n, 1000)) {
                        throw new IllegalStateException("unexpected answer: " + j.statusCode() + " " + x.statusCode() + " " + rows);
                    }
                    if (r >= 0) {
                        json[r] = b - a;
                        xml[r] = c - b;
                        sql[r] = d - c;
                    }
                }
                Arrays.sort(json);
                Arrays.sort(xml);
                Arrays.sort(sql);
                System.out.printf(Locale.ROOT, "%-10s %d filed, %d answered: requests.json p50 %.1f ms p99 %.1f ms   "
                                + "requests.xml p50 %.1f ms p99 %.1f ms   bare SQL p50 %.1f ms p99 %.1f ms   "
                                + "json/SQL %.1fx  xml/SQL %.1fx%n", kind, n, Math.min(n, 1000), pct(json, 50), pct(json, 99), pct(xml, 50), pct(xml, 99),
                        pct(sql, 50), pct(sql, 99), pct(json, 50) / pct(sql, 50), pct(xml, 50) / pct(sql, 50));
            }
        }
    }

    /** The same rows, columns and order as the API's search, read and dropped. */
    private static int bare(Database db, Instant start) {
        return db.read("bare search", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_key, service_request_id, token, kiosk_id, service_code, "
                    + "service_name, agency_responsible, service_notice, status_detail, status_notes, requested_datetime, "
                    + "updated_datetime, attributes, ticket, description, latitude, longitude, address_string, address_id, "
                    + "media_url, received_datetime, erased_at FROM service_requests WHERE service_request_id IS NOT NULL "
                    + "AND requested_datetime >= ? ORDER BY requested_datetime DESC, request_key LIMIT 1000")) {
                ps.setString(1, start.toString());
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 22; i++) {
                            rs.getString(i);
                        }
                        rows++;
                    }
                }
                return rows;
            }
        });
    }

    private static void cipher() {
        FieldCipher c = FieldCipher.random();
        String value = "福建省福鼎市桐城街道资国寺路88号";
        int count = 200_000;
        String[] sealed = new String[count];
        for (int w = 0; w < 2; w++) {
            long a = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sealed[i] = c.encrypt(value, "address_string:" + i);
            }
            long b = System.nanoTime();
            for (int i = 0; i < count; i++) {
                c.decrypt(sealed[i], "address_string:" + i);
            }
            long d = System.nanoTime();
            if (w == 1) {
                System.out.printf(Locale.ROOT, "AES-256-GCM per value (%d bytes of UTF-8): seal %.2f µs, open %.2f µs%n",
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, (b - a) / 1e3 / count, (d - b) / 1e3 / count);
            }
        }
    }

    private static String freshSchema() {
        String url = System.getenv("ONETRIP_TEST_PG_URL");
        if (url == null) {
            throw new IllegalStateException("postgresql needs ONETRIP_TEST_PG_URL (scripts/bench starts a server)");
        }
        String schema = "search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
