package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onetrip.kiosk.store.TestRequests.T0;
import static org.onetrip.kiosk.store.TestRequests.request;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.request.StoredRequest;

/** Which filings' tickets reached the resident, so a crash in between can be undone at the next start. */
class ShownReceiptsTest {
    @TempDir
    Path dir;
    Path db;
    SqliteRequestQueue queue;

    @BeforeEach
    void open() {
        db = dir.resolve("store.db");
        queue = new SqliteRequestQueue(db);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void theNewestFilingNeverShownInTheIntervalIsFound() {
        UUID older = queue.file(request().filedAt(T0).build()).requestId();
        UUID newer = queue.file(request().filedAt(T0.plusSeconds(30)).build()).requestId();
        UUID shown = queue.file(request().filedAt(T0.plusSeconds(60)).build()).requestId();
        queue.acknowledgeReceipt(shown, T0.plusSeconds(61), "screen");

        assertThat(queue.newestUnacknowledged(T0, T0.plusSeconds(120))).map(StoredRequest::requestId).contains(newer);
        queue.acknowledgeReceipt(newer, T0.plusSeconds(90), "recovered");
        assertThat(queue.newestUnacknowledged(T0, T0.plusSeconds(120))).map(StoredRequest::requestId).contains(older);
        // The interval is half open, and nothing outside it counts.
        assertThat(queue.newestUnacknowledged(T0.plusNanos(1), T0.plusSeconds(120))).isEmpty();
        assertThat(queue.newestUnacknowledged(T0.minusSeconds(60), T0)).isEmpty();
    }

    @Test
    void theFirstAcknowledgementIsKeptAndAnUnknownIdIsIgnored() throws Exception {
        UUID id = queue.file(request().build()).requestId();
        queue.acknowledgeReceipt(id, T0.plusSeconds(1), "screen");
        queue.acknowledgeReceipt(id, T0.plusSeconds(5), "printed");
        queue.acknowledgeReceipt(UUID.randomUUID(), T0, "screen");
        assertThat(TestRequests.column(db, "SELECT how || ' ' || shown_at FROM receipt_shown"))
                .containsExactly("screen " + SqliteRequestQueue.text(T0.plusSeconds(1)));
    }

    @Test
    void filingsMadeBeforeTheUpgradeCountAsShown() throws Exception {
        UUID before = queue.file(request().build()).requestId();
        queue.close();
        // The database as a kiosk before migration 3 left it (so without migration 4's column too).
        TestRequests.exec(db, "DROP INDEX requests_to_erase");
        TestRequests.exec(db, "ALTER TABLE requests DROP COLUMN personal_erased_at");
        TestRequests.exec(db, "DROP TABLE receipt_shown");
        TestRequests.exec(db, "DROP INDEX requests_by_filed_at");
        TestRequests.exec(db, "PRAGMA user_version = 2");
        queue = new SqliteRequestQueue(db);
        assertThat(queue.newestUnacknowledged(T0.minus(Duration.ofDays(1)), T0.plusSeconds(1))).isEmpty();
        assertThat(TestRequests.column(db, "SELECT request_id || ' ' || how FROM receipt_shown"))
                .containsExactly(before + " before-upgrade");
        UUID after = queue.file(request().filedAt(T0.plusSeconds(1)).build()).requestId();
        assertThat(queue.newestUnacknowledged(T0, T0.plusSeconds(2))).map(StoredRequest::requestId).contains(after);
    }
}
