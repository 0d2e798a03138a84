package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.sync.SyncListener;

/**
 * 1,000 requests filed on a kiosk while its sync thread sends them to a back office that answers
 * 500/503 at random, drops connections after filing, is slower than the kiosk waits, and is
 * restarted three times: afterwards each is filed exactly once, in filing order, and every kiosk
 * request knows its service_request_id.
 */
class ExactlyOnceTest {
    static final int REQUESTS = 1000;

    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyRequestIsFiledExactlyOnceWhateverTheNetworkDoes(String kind) throws Exception {
        Faults faults = new Faults(42, 0.04, 0.02, 0.03, 0.03, 0.01, 700);
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"), false, faults);
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofMillis(400))) {
            AtomicInteger replays = new AtomicInteger();
            kiosk.worker.addListener(new SyncListener() {
                @Override
                public void delivered(UUID id, String serviceRequestId, String token, boolean replayed) {
                    if (replayed) {
                        replays.incrementAndGet();
                    }
                }
            });
            kiosk.worker.start();

            List<UUID> filed = new ArrayList<>();
            int restarts = 0;
            for (int i = 0; i < REQUESTS; i++) {
                filed.add(kiosk.fileHazard(i).filed().requestId());
                if (i % 250 == 249 && restarts < 3) {
                    bo.stop();
                    Thread.sleep(150);
                    bo.restart();
                    restarts++;
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (kiosk.queue.countsByOutboxState().get(OutboxState.DELIVERED) < REQUESTS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            kiosk.worker.close();

            // Every fault really happened.
            assertThat(restarts).isEqualTo(3);
            assertThat(faults.busyCount.get()).isPositive();
            assertThat(faults.failBeforeCount.get()).isPositive();
            assertThat(faults.failAfterCount.get()).isPositive();
            assertThat(faults.dropCount.get()).isPositive();
            assertThat(faults.slowCount.get()).isPositive();
            assertThat(replays.get()).as("answers lost after filing were replayed").isPositive();

            // Exactly once at the back office, and the kiosk knows each id.
            Map<String, String> serverIdByKey = new HashMap<>();
            bo.db.read("read the filings", c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT idempotency_key, service_request_id FROM service_requests")) {
                    while (rs.next()) {
                        assertThat(serverIdByKey.put(rs.getString(1), rs.getString(2))).as("key filed twice").isNull();
                    }
                }
                return null;
            });
            assertThat(bo.store.count()).isEqualTo(REQUESTS);
            assertThat(serverIdByKey).hasSize(REQUESTS);
            long previous = 0;
            for (UUID id : filed) {
                StoredRequest r = kiosk.queue.find(id).orElseThrow();
                assertThat(r.outboxState()).isEqualTo(OutboxState.DELIVERED);
                assertThat(r.serviceRequestId()).isNotNull().isEqualTo(serverIdByKey.get(id.toString()));
                // Filing order: the back office numbered them in the order the kiosk filed them.
                long n = Long.parseLong(r.serviceRequestId());
                assertThat(n).isGreaterThan(previous);
                previous = n;
            }
        }
    }
}
