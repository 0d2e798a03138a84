package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.MutableClock;

/** When the statuses were last brought up to date: what the status screen shows as "last updated". */
class OutboxWorkerStatusRefreshTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2025-03-14T01:30:00Z");
    final FakeBackOffice office = new FakeBackOffice();
    SqliteRequestQueue queue;
    OutboxWorker worker;

    @BeforeEach
    void open() {
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), clock);
        worker = new OutboxWorker(queue, office, null, new CatalogLoader().loadBundled(), clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1)),
                OutboxWorker.Settings.defaults(),
                new OutboxWorker.Identity("sim-kiosk-01", "0.1.0", () -> Map.of("printer", DeviceStatus.online("ok"))));
        UUID id = UUID.randomUUID();
        queue.file(new NewRequest(id, "sim-kiosk-01", "hazard-report", "opinion", 'C', LocalDate.of(2025, 3, 14),
                clock.instant(), "tok-" + id, Map.of("category", "road_traffic"), Map.of(), null, null));
    }

    @AfterEach
    void close() {
        worker.close();
        queue.close();
    }

    @Test
    void aCompletedRefreshIsRememberedAndAFailedOneIsNot() {
        assertThat(worker.lastStatusRefresh()).isEmpty();

        worker.runOnce();
        Instant first = clock.instant();
        assertThat(worker.lastStatusRefresh()).contains(first);
        assertThat(office.statusQueries).isNotEmpty(); // the delivered request's status was asked for

        clock.advance(Duration.ofMinutes(10));
        office.failReads = new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "connection refused");
        worker.runOnce();
        assertThat(worker.lastStatusRefresh()).contains(first);

        clock.advance(Duration.ofMinutes(10));
        office.failReads = null;
        worker.runOnce();
        assertThat(worker.lastStatusRefresh()).contains(clock.instant());
        assertThat(worker.statusRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
    }
}
