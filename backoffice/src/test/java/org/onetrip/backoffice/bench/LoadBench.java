package org.onetrip.backoffice.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.onetrip.backoffice.BackOfficeServer;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.kiosk.catalog.CatalogLoader;

/**
 * Requests per second the back office files from K kiosks at once: K threads, each a kiosk with
 * its own api key and its own keep-alive connection, each POSTing up to M requests one after the
 * other (a kiosk's worker sends in order, so one in flight per kiosk). Bounded in count (K × M) and
 * in time (S seconds): a thread stops at whichever comes first. Loopback only.
 * Arguments: K (50), M (100), S (60), then the databases (sqlite and/or postgresql).
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int kiosks = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int each = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> kinds = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("sqlite");
        Path dir = Files.createTempDirectory("onetrip-load");
        for (String kind : kinds) {
            run(kind, dir, kiosks, each, seconds);
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
        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, 16);
    }

    private static void run(String kind, Path dir, int kiosks, int each, int seconds) throws Exception {
        try (Database db = database(kind, dir)) {
            BackOfficeStore store = new BackOfficeStore(db, org.onetrip.backoffice.TestBackOffice.CIPHER, Clock.systemUTC());
            String[] keys = new String[kiosks];
            for (int k = 0; k < kiosks; k++) {
                keys[k] = store.issueApiKey("load-" + k);
            }
            try (BackOfficeServer server = new BackOfficeServer(store, new CatalogLoader().loadBundled(),
                    BackOfficeServer.Settings.loopback(0), null).start()) {
                URI uri = URI.create(server.baseUrl() + "requests.json");
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                long[][] latencies = new long[kiosks][each];
                int[] done = new int[kiosks];
                AtomicInteger errors = new AtomicInteger();
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int k = 0; k < kiosks; k++) {
                    int kiosk = k;
                    String body = "api_key=" + URLEncoder.encode(keys[k], StandardCharsets.UTF_8)
                            + "&service_code=hazard-report&device_id=load-" + k
                            + "&attribute%5Bcategory%5D=road_traffic&attribute%5Bdanger%5D=no"
                            + "&attribute%5Bdescription%5D=" + URLEncoder.encode("路灯不亮，夜间行人看不清路面", StandardCharsets.UTF_8)
                            + "&attribute%5Blocation%5D=" + URLEncoder.encode("资国寺路88号", StandardCharsets.UTF_8)
                            + "&attribute%5Bsince%5D=today";
                    Thread t = new Thread(() -> {
                        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                        try {
                            start.await();
                            for (int i = 0; i < each && System.nanoTime() < deadline; i++) {
                                long t0 = System.nanoTime();
                                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                                        .header("Idempotency-Key", UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                                if (r.statusCode() != 201) {
                                    errors.incrementAndGet();
                                }
                                latencies[kiosk][i] = System.nanoTime() - t0;
                                done[kiosk] = i + 1;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }, "kiosk-" + k);
                    threads.add(t);
                    t.start();
                }
                long t0 = System.nanoTime();
                start.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                int total = Arrays.stream(done).sum();
                long[] all = new long[total];
                int i = 0;
                for (int k = 0; k < kiosks; k++) {
                    System.arraycopy(latencies[k], 0, all, i, done[k]);
                    i += done[k];
                }
                Arrays.sort(all);
                System.out.printf(Locale.ROOT, "%-10s %d kiosks x up to %d: %d filed in %.1f s = %.0f req/s   "
                                + "latency p50 %.1f ms p99 %.1f ms   errors %d   (back office holds %d)%n",
                        kind, kiosks, each, total, s, total / s, pct(all, 50), pct(all, 99), errors.get(), store.count());
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
