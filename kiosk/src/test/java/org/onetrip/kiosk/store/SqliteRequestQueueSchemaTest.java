package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onetrip.kiosk.store.TestRequests.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.request.NewRequest;

/** Opening, migrating, refusing and reporting health. */
class SqliteRequestQueueSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aFreshDatabaseIsCreatedWithItsFoldersAndMigratedToTheLatestVersion() throws SQLException {
        Path db = dir.resolve("data/store/requests.db");
        try (SqliteRequestQueue queue = new SqliteRequestQueue(db)) {
            assertThat(queue.status().isOnline()).isTrue();
        }
        assertThat(db).exists();
        assertThat(TestRequests.column(db, "PRAGMA user_version"))
                .containsExactly(String.valueOf(SqliteRequestQueue.schemaVersion()));
        assertThat(TestRequests.column(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
                .contains("outbox", "request_personal", "request_status_history", "requests", "ticket_sequence");
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsRequestsAndVersion() throws SQLException {
        Path db = dir.resolve("store.db");
        NewRequest r = request().build();
        try (SqliteRequestQueue queue = new SqliteRequestQueue(db)) {
            queue.file(r);
        }
        String schemaBefore = String.join("\n", TestRequests.column(db, "SELECT sql FROM sqlite_schema ORDER BY name"));

        try (SqliteRequestQueue queue = new SqliteRequestQueue(db)) {
            assertThat(queue.find(r.requestId())).isPresent();
            assertThat(queue.file(request().build()).ticket()).isEqualTo("D-002");
        }
        assertThat(TestRequests.column(db, "PRAGMA user_version"))
                .containsExactly(String.valueOf(SqliteRequestQueue.schemaVersion()));
        assertThat(String.join("\n", TestRequests.column(db, "SELECT sql FROM sqlite_schema ORDER BY name")))
                .isEqualTo(schemaBefore);
    }

    @Test
    void aDatabaseFromANewerKioskIsRefusedAndLeftUntouched() throws SQLException {
        Path db = dir.resolve("store.db");
        int newer = SqliteRequestQueue.schemaVersion() + 1;
        TestRequests.exec(db, "PRAGMA user_version = " + newer);

        assertThatThrownBy(() -> new SqliteRequestQueue(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version " + newer)
                .hasMessageContaining("newer")
                .hasMessageContaining(db.toString());

        assertThat(TestRequests.column(db, "PRAGMA user_version")).containsExactly(String.valueOf(newer));
        assertThat(TestRequests.column(db, "PRAGMA journal_mode")).containsExactly("delete");
        assertThat(TestRequests.column(db, "SELECT count(*) FROM sqlite_schema")).containsExactly("0");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithTheCause() throws Exception {
        Path db = dir.resolve("store.db");
        Files.writeString(db, "not a database, only text. ".repeat(200));

        assertThatThrownBy(() -> new SqliteRequestQueue(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void theDurabilityPragmasAreInForce() throws SQLException {
        Path db = dir.resolve("store.db");
        try (SqliteRequestQueue queue = new SqliteRequestQueue(db)) {
            assertThat(TestRequests.column(db, "PRAGMA journal_mode")).containsExactly("wal");
            assertThat(queue.pragma("journal_mode")).isEqualTo("wal");
            assertThat(queue.pragma("synchronous")).isEqualTo("2");
            assertThat(queue.pragma("foreign_keys")).isEqualTo("1");
            assertThat(queue.pragma("secure_delete")).isEqualTo("1");
            assertThat(queue.pragma("busy_timeout")).isEqualTo("5000");
        }
    }

    @Test
    void aLockedDatabaseIsOfflineUntilTheLockGoes() throws SQLException {
        Path db = dir.resolve("store.db");
        try (SqliteRequestQueue queue = new SqliteRequestQueue(db, Clock.systemUTC(), Duration.ofMillis(50));
                Connection other = TestRequests.raw(db);
                Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");

            DeviceStatus locked = queue.status();
            assertThat(locked.state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(locked.detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
            assertThat(locked.message()).containsIgnoringCase("locked");
            NewRequest r = request().build();
            assertThatThrownBy(() -> queue.file(r))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(r.requestId().toString())
                    .hasCauseInstanceOf(SQLException.class);

            s.execute("ROLLBACK");
            assertThat(queue.status().isOnline()).isTrue();
            assertThat(queue.file(r).ticket()).isEqualTo("D-001");
        }
    }

    @Test
    void aClosedStoreIsOfflineAndRefusesWork() {
        SqliteRequestQueue queue = new SqliteRequestQueue(dir.resolve("store.db"));
        queue.close();
        queue.close();

        assertThat(queue.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThatThrownBy(() -> queue.file(request().build()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(queue::countsByStatus).isInstanceOf(StoreException.class);
    }
}
