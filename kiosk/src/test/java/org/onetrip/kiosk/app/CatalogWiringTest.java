package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogException;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.store.SqliteCatalogCache;

/**
 * Which catalogue a kiosk starts with, and when its own is parsed (issue 13, cold start): a
 * centre's kiosk starts with the catalogue it last fetched from the back office, and its bundled
 * one is then parsed only when the sync asks for its windows, after the home screen is drawn.
 */
class CatalogWiringTest {
    /** One window, one service: nothing like the bundled catalogue's four windows. */
    private static final String FETCHED = """
            {"windows": [{"code": "party", "letter": "A", "name": {"zh-CN": "党建服务", "en": "Party"}}],
             "services": [{"service_code": "svc-a", "service_name": {"zh-CN": "甲", "en": "A"}, "group": "party",
                           "identity": "none", "attributes": []}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aCachedCatalogueIsUsedWithoutParsingTheKiosksOwn() {
        try (SqliteCatalogCache cache = new SqliteCatalogCache(dir.resolve("catalog-cache.db"))) {
            cache.save(FETCHED, Instant.parse("2026-12-01T08:00:00Z"));
            ServiceCatalog c = Wiring.cachedOr(cache, () -> {
                throw new AssertionError("the kiosk's own catalogue was parsed");
            });
            assertThat(c.services()).singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("svc-a"));
        }
    }

    @Test
    void anUnusableCacheFallsBackToTheKiosksOwnOnce() {
        try (SqliteCatalogCache cache = new SqliteCatalogCache(dir.resolve("catalog-cache.db"))) {
            cache.save("{\"windows\": [", Instant.parse("2026-12-01T08:00:00Z"));
            AtomicInteger asked = new AtomicInteger();
            ServiceCatalog own = Wiring.localCatalog(KioskConfig.simulator());
            ServiceCatalog c = Wiring.cachedOr(cache, () -> {
                asked.incrementAndGet();
                return own;
            });
            assertThat(c).isSameAs(own);
            assertThat(asked).hasValue(1);
        }
    }

    @Test
    void withABackOfficeTheBundledCatalogueIsParsedOnceWhenFirstAskedFor() {
        AtomicInteger parsed = new AtomicInteger();
        Supplier<ServiceCatalog> own = Wiring.localCatalogOnDemand(KioskConfig.simulator(), true, () -> {
            parsed.incrementAndGet();
            return Wiring.localCatalog(KioskConfig.simulator());
        });
        assertThat(parsed).as("parsed before it was asked for").hasValue(0);
        ServiceCatalog first = own.get();
        assertThat(first.windows()).hasSize(4);
        assertThat(own.get()).isSameAs(first);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void withoutABackOfficeItIsParsedAtOnce() {
        AtomicInteger parsed = new AtomicInteger();
        Wiring.localCatalogOnDemand(KioskConfig.simulator(), false, () -> {
            parsed.incrementAndGet();
            return Wiring.localCatalog(KioskConfig.simulator());
        });
        assertThat(parsed).hasValue(1);
    }

    @Test
    void aTechniciansBrokenCatalogueStillStopsTheStartWithABackOffice() throws Exception {
        Path broken = Files.writeString(dir.resolve("services.json"), "{\"windows\": [");
        Throwable t = catchThrowable(() -> Wiring.localCatalogOnDemand(
                KioskConfig.simulator("catalog.file=" + broken), true));
        assertThat(t).isInstanceOf(CatalogException.class).hasMessageContaining(broken.toString());
    }

    @Test
    void aCentresKioskStartsWithItsCachedCatalogue() {
        Path data = dir.resolve("data");
        try (SqliteCatalogCache cache = new SqliteCatalogCache(data.resolve("catalog-cache.db"))) {
            cache.save(FETCHED, Instant.parse("2026-12-01T08:00:00Z"));
        }
        try (Kiosk k = Wiring.wire(KioskConfig.simulator("data.dir=" + data,
                "backoffice.url=http://127.0.0.1:9/open311/v2/"), Clock.systemUTC())) {
            assertThat(k.catalog().windows()).hasSize(1);
        }
    }
}
