package org.onetrip.kiosk.store;

import java.util.List;

/**
 * The store's schema as an ordered list of migrations. The database's {@code PRAGMA user_version}
 * is the number of the last migration applied; at start the store applies the missing ones in one
 * transaction. A released migration is never edited: change the schema by appending one.
 *
 * <p>Privacy by layout: {@code requests} holds the resident's name only masked and only the
 * attributes the catalogue does not mark personal, so erasing a request's personal data is
 * deleting its one row in {@code request_personal}, plus the free text a resident may have typed
 * into an attribute of {@code requests} (an ID number in a description) and the back office's
 * error texts (they may echo it).
 *
 * <p>Conventions: request ids are canonical UUID text; instants are UTC ISO-8601 text with exactly
 * nine fractional digits ({@code 2025-03-14T08:30:00.000000000Z}), so text order is time order and
 * {@code next_attempt_at <= ?} compares correctly; days are ISO dates; enums are stored by name.
 * Tables are STRICT (SQLite 3.37+) so a wrong type fails loudly instead of being stored.
 */
final class Migrations {
    private Migrations() {
    }

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "requests, personal data, status history, outbox, ticket sequence", List.of(
                    """
                    CREATE TABLE requests (
                        request_id      TEXT PRIMARY KEY,
                        kiosk_id        TEXT,
                        service_code    TEXT NOT NULL,
                        window_code     TEXT,
                        window_letter   TEXT NOT NULL,
                        day             TEXT NOT NULL,
                        ticket          TEXT NOT NULL,
                        filed_at        TEXT NOT NULL,
                        receipt_token   TEXT NOT NULL UNIQUE,
                        status          TEXT NOT NULL,
                        masked_name     TEXT NOT NULL DEFAULT '',
                        attributes      TEXT NOT NULL DEFAULT '{}',
                        UNIQUE (day, ticket)
                    ) STRICT
                    """,
                    // One row per request that has anything personal; deleted on erasure. The photo
                    // is not here because the kiosk never keeps it (see Identity).
                    """
                    CREATE TABLE request_personal (
                        request_id                  TEXT PRIMARY KEY
                                                    REFERENCES requests (request_id) ON DELETE CASCADE,
                        resident_card_type          TEXT,
                        resident_name               TEXT,
                        resident_sex                TEXT,
                        resident_ethnicity          TEXT,
                        resident_birth_date         TEXT,
                        resident_address            TEXT,
                        resident_id_number          TEXT,
                        resident_issuing_authority  TEXT,
                        resident_valid_from         TEXT,
                        resident_valid_to           TEXT,
                        resident_english_name       TEXT,
                        resident_nationality        TEXT,
                        agent_card_type             TEXT,
                        agent_name                  TEXT,
                        agent_sex                   TEXT,
                        agent_ethnicity             TEXT,
                        agent_birth_date            TEXT,
                        agent_address               TEXT,
                        agent_id_number             TEXT,
                        agent_issuing_authority     TEXT,
                        agent_valid_from            TEXT,
                        agent_valid_to              TEXT,
                        agent_english_name          TEXT,
                        agent_nationality           TEXT,
                        personal_attributes         TEXT NOT NULL DEFAULT '{}',
                        CHECK ((resident_card_type IS NULL) = (resident_name IS NULL)
                           AND (resident_card_type IS NULL) = (resident_id_number IS NULL)),
                        CHECK ((agent_card_type IS NULL) = (agent_name IS NULL)
                           AND (agent_card_type IS NULL) = (agent_id_number IS NULL))
                    ) STRICT
                    """,
                    """
                    CREATE TABLE request_status_history (
                        step        INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id  TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
                        at          TEXT NOT NULL,
                        status      TEXT NOT NULL,
                        note        TEXT,
                        source      TEXT NOT NULL
                    ) STRICT
                    """,
                    "CREATE INDEX request_status_history_by_request ON request_status_history (request_id, step)",
                    // seq is AUTOINCREMENT so a number is never handed out twice, even after the
                    // newest row is gone: it is the filing order the back office sees.
                    """
                    CREATE TABLE outbox (
                        seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id          TEXT NOT NULL UNIQUE
                                            REFERENCES requests (request_id) ON DELETE CASCADE,
                        state               TEXT NOT NULL,
                        attempts            INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at     TEXT,
                        last_error          TEXT,
                        service_request_id  TEXT,
                        delivered_at        TEXT,
                        parked_reason       TEXT,
                        parked_at           TEXT
                    ) STRICT
                    """,
                    "CREATE INDEX outbox_due ON outbox (state, next_attempt_at, seq)",
                    "CREATE INDEX outbox_delivered ON outbox (state, delivered_at)",
                    """
                    CREATE TABLE ticket_sequence (
                        day     TEXT NOT NULL,
                        letter  TEXT NOT NULL,
                        last    INTEGER NOT NULL,
                        PRIMARY KEY (day, letter)
                    ) STRICT
                    """)),
            // Batch intake (Open311 "token" answers): the request is delivered, its
            // service_request_id comes later from tokens/{token}.json.
            new Migration(2, "back-office tokens; open requests by service request id", List.of(
                    "ALTER TABLE outbox ADD COLUMN backoffice_token TEXT",
                    "CREATE INDEX outbox_by_service_request ON outbox (state, service_request_id, seq)")),
            // A crash between the commit and the ticket on screen must not lose the ticket: a
            // filing without a row here was never shown (see ShownReceipts). Filings made before
            // this migration were shown by the kiosk that made them. Idempotent, so a database whose
            // version was set back by hand (as the migration tests do) migrates again.
            new Migration(3, "receipts shown to the resident", List.of(
                    """
                    CREATE TABLE IF NOT EXISTS receipt_shown (
                        request_id  TEXT PRIMARY KEY
                                    REFERENCES requests (request_id) ON DELETE CASCADE,
                        shown_at    TEXT NOT NULL,
                        how         TEXT NOT NULL
                    ) STRICT
                    """,
                    """
                    INSERT INTO receipt_shown (request_id, shown_at, how)
                    SELECT request_id, filed_at, 'before-upgrade' FROM requests WHERE true
                    ON CONFLICT (request_id) DO NOTHING""",
                    "CREATE INDEX IF NOT EXISTS requests_by_filed_at ON requests (filed_at)")),
            // Erasure by age in every delivery state: when it happened (null while the request
            // still holds personal data), so the same request is not looked at again and
            // `kiosk queue` can say what was erased.
            new Migration(4, "when a request's personal data was erased", List.of(
                    "ALTER TABLE requests ADD COLUMN personal_erased_at TEXT",
                    "CREATE INDEX requests_to_erase ON requests (personal_erased_at, filed_at)")));

    /** The schema version this build writes; a database above it came from a newer kiosk. */
    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    static {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).version() != i + 1) {
                throw new ExceptionInInitializerError("migrations must be numbered 1, 2, 3… in order");
            }
        }
    }
}
