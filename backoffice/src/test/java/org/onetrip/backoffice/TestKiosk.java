package org.onetrip.backoffice;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.store.SqliteCatalogCache;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.sync.Backoff;
import org.onetrip.kiosk.sync.Open311BackOffice;
import org.onetrip.kiosk.sync.OutboxWorker;

/**
 * A kiosk made of the product's own parts (store, filing service, Open311 adapter, outbox worker),
 * pointed at a back office on loopback, with short backoff and timeouts so a test does not wait.
 */
final class TestKiosk implements AutoCloseable {
    final SqliteRequestQueue queue;
    final SqliteCatalogCache cache;
    final FilingService filing;
    final OutboxWorker worker;

    TestKiosk(Path dir, String baseUrl, String apiKey, Duration timeout) {
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"));
        cache = new SqliteCatalogCache(dir.resolve("catalog-cache.db"));
        filing = new FilingService(TestBackOffice.CATALOG, queue, ReceiptTokens.forInstallation(dir, () -> 0L),
                new FilingService.CentreInfo(TestBackOffice.KIOSK, LocalizedText.of("中心", "Centre"), LocalizedText.of("", ""),
                        "", "http://127.0.0.1:8311/status/"), Clock.systemDefaultZone(),
                org.onetrip.kiosk.proxy.AgentsFile.loadResource("/profiles/simulator-agents.csv"));
        worker = new OutboxWorker(queue,
                new Open311BackOffice(new Open311BackOffice.Settings(URI.create(baseUrl), apiKey, TestBackOffice.KIOSK,
                        Duration.ofSeconds(2), timeout), TestBackOffice.CATALOG),
                cache, TestBackOffice.CATALOG, Clock.systemUTC(),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new SplittableRandom(11)),
                new OutboxWorker.Settings(Duration.ofMillis(20), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(6), 20),
                new OutboxWorker.Identity(TestBackOffice.KIOSK, "0.1.0", Map::of));
    }

    /** Files an anonymous hazard report through the filing service, as the touch flow does. */
    Filing fileHazard(int n) {
        return filing.file(new Submission("hazard-report", Map.of("category", "road_traffic",
                "location", "资国寺路" + n + "号", "description", "第" + n + "号路灯不亮", "since", "today", "danger", "no"),
                null, null), Locale.SIMPLIFIED_CHINESE, null);
    }

    /** Files a proxy request (the simulator's registered agent 詹照明 for 欧阳秀英), as the touch flow does. */
    Filing fileProxy() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("reason", "dilapidated");
        v.put("old_structure", "earth_wood");
        v.put("old_area", "80");
        v.put("new_area", "120");
        v.put("floors", "3");
        v.put("household_size", "5");
        v.put("land_certificate", "land");
        v.put("site_location", "柯岭村三组12号旁");
        v.put("phone", "13905931234");
        return filing.file(new Submission("house-rebuild", v, org.onetrip.kiosk.idcard.FictionalCards.OUYANG_ELDER,
                org.onetrip.kiosk.idcard.FictionalCards.ZHAN_AGENT), Locale.SIMPLIFIED_CHINESE, null);
    }

    @Override
    public void close() {
        worker.close();
        cache.close();
        queue.close();
    }
}
