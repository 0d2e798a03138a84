package org.onetrip.backoffice.store;

import java.sql.ResultSet;

import java.sql.Statement;
import java.util.List;

/**
 * The back office's schema as ordered migrations, the same SQL on SQLite and PostgreSQL (see
 * {@link Database}). The applied version is the one row of {@code schema_version}. A released
 * migration is never edited: change the schema by appending one.
 *
 * <p>{@code request_key} is the back office's own id of a request, fixed at filing; the public
 * {@code service_request_id} may come later (batch intake: the request is answered with its
 * {@code token} and gets its number when the office takes it in). {@code (kiosk_id,
 * idempotency_key)} is unique: the second POST with the same key finds the first filing.
 */
final class Schema {
    private Schema() {
    }

    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, api_key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)",
                    "CREATE TABLE staff (staff_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                            + "created_at TEXT NOT NULL)",
                    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                    "INSERT INTO counters (name, value) VALUES ('service_request', 100000)",
                    """
                    CREATE TABLE service_requests (
                        request_key         TEXT PRIMARY KEY,
                        service_request_id  TEXT UNIQUE,
                        token               TEXT NOT NULL UNIQUE,
                        kiosk_id            TEXT NOT NULL REFERENCES kiosks (kiosk_id),
                        idempotency_key     TEXT,
                        body_hash           TEXT NOT NULL,
                        service_code        TEXT NOT NULL,
                        service_name        TEXT NOT NULL,
                        agency_responsible  TEXT,
                        service_notice      TEXT,
                        description         TEXT,
                        first_name          TEXT,
                        last_name           TEXT,
                        phone               TEXT,
                        email               TEXT,
                        address_string      TEXT,
                        device_id           TEXT,
                        account_id          TEXT,
                        attributes          TEXT NOT NULL,
                        receipt_token       TEXT,
                        status_detail       TEXT NOT NULL,
                        status_notes        TEXT,
                        requested_datetime  TEXT NOT NULL,
                        updated_datetime    TEXT NOT NULL,
                        UNIQUE (kiosk_id, idempotency_key)
                    )""",
                    "CREATE INDEX service_requests_by_receipt_token ON service_requests (receipt_token)",
                    "CREATE INDEX service_requests_by_kiosk ON service_requests (kiosk_id, requested_datetime)",
                    """
                    CREATE TABLE status_history (
                        request_key    TEXT NOT NULL REFERENCES service_requests (request_key),
                        step           INTEGER NOT NULL,
                        at             TEXT NOT NULL,
                        status_detail  TEXT NOT NULL,
                        notes          TEXT,
                        changed_by     TEXT NOT NULL,
                        PRIMARY KEY (request_key, step)
                    )""",
                    "CREATE TABLE heartbeats (kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (kiosk_id), "
                            + "received_at TEXT NOT NULL, body TEXT NOT NULL)"),
            // 2: GeoReport v2's location and media fields; the kiosk's ticket; when the resident
            // filed (requested_datetime) apart from when the office received it; personal
            // attributes apart from the request's own; erasure after the retention limit; the
            // check value of the personal-data key. Personal and free-text columns hold AES-GCM
            // ciphertext from here on (BackOfficeStore encrypts rows written before).
            List.of(
                    "ALTER TABLE service_requests ADD COLUMN ticket TEXT",
                    "ALTER TABLE service_requests ADD COLUMN latitude TEXT",
                    "ALTER TABLE service_requests ADD COLUMN longitude TEXT",
                    "ALTER TABLE service_requests ADD COLUMN address_id TEXT",
                    "ALTER TABLE service_requests ADD COLUMN media_url TEXT",
                    "ALTER TABLE service_requests ADD COLUMN personal_attributes TEXT",
                    "ALTER TABLE service_requests ADD COLUMN received_datetime TEXT",
                    "ALTER TABLE service_requests ADD COLUMN erased_at TEXT",
                    "UPDATE service_requests SET received_datetime = requested_datetime",
                    "CREATE INDEX service_requests_by_ticket ON service_requests (ticket)",
                    "CREATE INDEX service_requests_by_requested ON service_requests (requested_datetime)",
                    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    // Heartbeats were kept unchecked before; one 999 levels deep broke the fleet view.
                    // Each is only a kiosk's latest, and the next arrives within minutes, checked.
                    "DELETE FROM heartbeats"),
            // 3: the staff workspace (staff/, phone/): who works on a request,
            // staff accounts with their sessions (in the database, so several instances behind a
            // load balancer share them), the audit log of views of personal data, the residents'
            // ratings, and the hours in which each kiosk was heard (its uptime).
            List.of(
                    "ALTER TABLE service_requests ADD COLUMN assigned_to TEXT",
                    "ALTER TABLE service_requests ADD COLUMN department TEXT",
                    "CREATE INDEX service_requests_by_status ON service_requests (status_detail, requested_datetime)",
                    """
                    CREATE TABLE staff_accounts (
                        staff_id        TEXT PRIMARY KEY,
                        name            TEXT NOT NULL,
                        role            TEXT NOT NULL,
                        windows         TEXT NOT NULL,
                        password_hash   TEXT NOT NULL,
                        disabled        INTEGER NOT NULL,
                        failed_signins  INTEGER NOT NULL,
                        locked_until    TEXT,
                        created_at      TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE staff_sessions (
                        session_hash  TEXT PRIMARY KEY,
                        staff_id      TEXT NOT NULL REFERENCES staff_accounts (staff_id),
                        csrf_token    TEXT NOT NULL,
                        created_at    TEXT NOT NULL,
                        last_seen_at  TEXT NOT NULL,
                        expires_at    TEXT NOT NULL
                    )""",
                    "CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id)",
                    "CREATE TABLE audit_log (at TEXT NOT NULL, staff_id TEXT NOT NULL, request_key TEXT NOT NULL, what TEXT NOT NULL)",
                    "CREATE INDEX audit_log_by_request ON audit_log (request_key, at)",
                    "CREATE TABLE ratings (request_key TEXT PRIMARY KEY REFERENCES service_requests (request_key), "
                            + "rating TEXT NOT NULL, reason TEXT, at TEXT NOT NULL)",
                    "CREATE TABLE heartbeat_hours (kiosk_id TEXT NOT NULL, hour TEXT NOT NULL, PRIMARY KEY (kiosk_id, hour))"),
            // 4: the work queue's default view (open requests, oldest first) reads this index in
            // order and stops after a page, however many closed requests there are. The predicate
            // is written exactly as StaffStore writes the open statuses, so both SQLite and
            // PostgreSQL see that a query's WHERE implies it.
            // The index by status (migration 3) made SQLite sort every open request for each page: gone.
            List.of("CREATE INDEX service_requests_open ON service_requests (requested_datetime, request_key) "
                    + "WHERE status_detail IN ('in_progress', 'needs_documents', 'received')",
                    "DROP INDEX service_requests_by_status"));

    static int latest() {
        return MIGRATIONS.size();
    }

    static void migrate(Database db) {
        db.inTransaction("bring the back-office schema up to date", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version;
                try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                    version = rs.next() ? rs.getInt(1) : -1;
                }
                if (version < 0) {
                    s.execute("INSERT INTO schema_version (version) VALUES (0)");
                    version = 0;
                }
                if (version > latest()) {
                    throw new StoreException(db.description() + " has schema version " + version
                            + ", newer than this back office's " + latest() + "; refusing to use it");
                }
                for (int v = version; v < latest(); v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        s.execute(sql);
                    }
                }
                if (version != latest()) {
                    s.execute("UPDATE schema_version SET version = " + latest());
                }
            }
            return null;
        });
    }

    /** For tests: every table, to compare a database before and after something that must change nothing. */
    static final List<String> TABLES = List.of("kiosks", "staff", "counters", "service_requests", "status_history",
            "heartbeats", "settings", "schema_version", "staff_accounts", "staff_sessions", "audit_log", "ratings",
            "heartbeat_hours");

}
