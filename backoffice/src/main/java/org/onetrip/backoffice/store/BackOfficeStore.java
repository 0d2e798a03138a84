package org.onetrip.backoffice.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * The back office's data: kiosks and their api keys, staff and their tokens, service requests with
 * their status history, the last heartbeat of each kiosk. Every method is one transaction.
 * Secrets are kept as SHA-256 hashes only (they are 256-bit random values, so no salt is needed);
 * the secret itself is shown once, when it is made.
 */
public final class BackOfficeStore {
    private static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String SYSTEM = "system";

    /** A request as filed through Open311; {@code attributes} by code, a multi-value list comma-joined. */
    public record NewServiceRequest(String serviceCode, String serviceName, String agencyResponsible, String serviceNotice,
            String description, String firstName, String lastName, String phone, String email, String addressString,
            String deviceId, String accountId, Map<String, String> attributes, String receiptToken) {
        public NewServiceRequest {
            attributes = Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        }
    }

    /** The answer to a filing: {@code replayed} when the Idempotency-Key was seen before. */
    public record Filing(String requestKey, String serviceRequestId, String token, boolean replayed, boolean sameBody) {
    }

    /** A request as the API shows it. */
    public record ServiceRequest(String requestKey, String serviceRequestId, String token, String kioskId,
            String serviceCode, String serviceName, String agencyResponsible, String serviceNotice, RequestStatus detail,
            String notes, Instant requested, Instant updated, Map<String, String> attributes) {
    }

    public record HistoryStep(Instant at, RequestStatus detail, String notes, String changedBy) {
    }

    public record KioskHeartbeat(String kioskId, Instant receivedAt, String body) {
    }

    private final Database db;
    private final Clock clock;

    public BackOfficeStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------------------------------------
    // Credentials

    /** Adds the kiosk, or gives it a new api key (the old one stops working); returns the key. */
    public String issueApiKey(String kioskId) {
        String key = secret();
        db.inTransaction("issue an api key for kiosk " + kioskId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO kiosks (kiosk_id, api_key_hash, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (kiosk_id) DO UPDATE SET api_key_hash = excluded.api_key_hash""")) {
                ps.setString(1, kioskId);
                ps.setString(2, hash(key));
                ps.setString(3, text(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
        return key;
    }

    /** The kiosk an api key belongs to. */
    public Optional<String> kioskFor(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return db.read("check an api key", c -> one(c, "SELECT kiosk_id FROM kiosks WHERE api_key_hash = ?", hash(apiKey)));
    }

    /** Adds a staff member with a new token, or gives them a new one; returns the token. */
    public String issueStaffToken(String staffId, String name) {
        String token = secret();
        db.inTransaction("issue a staff token", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO staff (staff_id, token_hash, name, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (staff_id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name""")) {
                ps.setString(1, staffId);
                ps.setString(2, hash(token));
                ps.setString(3, name);
                ps.setString(4, text(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
        return token;
    }

    public Optional<String> staffFor(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return db.read("check a staff token", c -> one(c, "SELECT staff_id FROM staff WHERE token_hash = ?", hash(token)));
    }

    // ---------------------------------------------------------------------------------------------
    // Filing

    /**
     * Files {@code r} for {@code kioskId}. With an {@code idempotencyKey} seen before from the same
     * kiosk, files nothing and returns the first filing ({@code replayed}; {@code sameBody} false
     * when the body differs from the first one's). With {@code batch}, the request gets only its
     * token now and its service_request_id from the first status change.
     */
    public Filing file(String kioskId, String idempotencyKey, String bodyHash, NewServiceRequest r, boolean batch) {
        if (idempotencyKey != null) {
            Optional<Filing> earlier = earlierFiling(kioskId, idempotencyKey, bodyHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String key = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Filing f = db.inTransaction("file a request", c -> {
            String id = batch ? null : nextServiceRequestId(c);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO service_requests (request_key, service_request_id, token, kiosk_id, idempotency_key, body_hash,
                        service_code, service_name, agency_responsible, service_notice, description, first_name, last_name,
                        phone, email, address_string, device_id, account_id, attributes, receipt_token, status_detail,
                        status_notes, requested_datetime, updated_datetime)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (kiosk_id, idempotency_key) DO NOTHING""")) {
                int i = 1;
                ps.setString(i++, key);
                ps.setString(i++, id);
                ps.setString(i++, token);
                ps.setString(i++, kioskId);
                ps.setString(i++, idempotencyKey);
                ps.setString(i++, bodyHash);
                ps.setString(i++, r.serviceCode());
                ps.setString(i++, r.serviceName());
                ps.setString(i++, r.agencyResponsible());
                ps.setString(i++, r.serviceNotice());
                ps.setString(i++, r.description());
                ps.setString(i++, r.firstName());
                ps.setString(i++, r.lastName());
                ps.setString(i++, r.phone());
                ps.setString(i++, r.email());
                ps.setString(i++, r.addressString());
                ps.setString(i++, r.deviceId());
                ps.setString(i++, r.accountId());
                ps.setString(i++, Json.write(r.attributes()));
                ps.setString(i++, r.receiptToken());
                ps.setString(i++, RequestStatus.RECEIVED.wire());
                ps.setString(i++, null);
                ps.setString(i++, text(now));
                ps.setString(i, text(now));
                if (ps.executeUpdate() == 0) {
                    // The same key, filed by a concurrent POST that committed first (PostgreSQL
                    // waited for it): undo the counter and answer that filing.
                    throw new KeyTaken();
                }
            }
            appendHistory(c, key, now, RequestStatus.RECEIVED, null, SYSTEM);
            setTicket(c, key, r.attributes().get("ticket"));
            return new Filing(key, id, token, false, true);
        }, KeyTaken.class);
        if (f == null) {
            return earlierFiling(kioskId, idempotencyKey, bodyHash).orElseThrow(
                    () -> new StoreException("a request with this Idempotency-Key vanished while filing"));
        }
        return f;
    }

    /** The receipt's ticket number (the kiosk's {@code attribute[ticket]}) in a column of its own, for staff searches. */
    private static void setTicket(Connection c, String requestKey, String ticket) throws SQLException {
        if (ticket == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET ticket = ? WHERE request_key = ?")) {
            ps.setString(1, ticket);
            ps.setString(2, requestKey);
            ps.executeUpdate();
        }
    }

    /** Thrown inside the filing transaction to roll it back when the key was taken meanwhile. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }

    private Optional<Filing> earlierFiling(String kioskId, String idempotencyKey, String bodyHash) {
        return db.read("look up an Idempotency-Key", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT request_key, service_request_id, token, body_hash FROM service_requests
                    WHERE kiosk_id = ? AND idempotency_key = ?""")) {
                ps.setString(1, kioskId);
                ps.setString(2, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Filing(rs.getString(1), rs.getString(2), rs.getString(3), true,
                            rs.getString(4).equals(bodyHash))) : Optional.empty();
                }
            }
        });
    }

    static String nextServiceRequestId(Connection c) throws SQLException {
        // The UPDATE takes the counter's row lock (PostgreSQL) or the write lock (SQLite): ids never repeat.
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE counters SET value = value + 1 WHERE name = 'service_request'");
            try (ResultSet rs = s.executeQuery("SELECT value FROM counters WHERE name = 'service_request'")) {
                rs.next();
                return String.valueOf(rs.getLong(1));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

    /** Requests by service_request_id, those of {@code kioskId} only (null: any kiosk's), in the order asked. */
    public List<ServiceRequest> find(List<String> serviceRequestIds, String kioskId) {
        if (serviceRequestIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(serviceRequestIds.size(), "?"));
        List<ServiceRequest> found = db.read("find requests", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE service_request_id IN (" + marks + ")"
                    + (kioskId == null ? "" : " AND kiosk_id = ?"))) {
                int i = 1;
                for (String id : serviceRequestIds) {
                    ps.setString(i++, id);
                }
                if (kioskId != null) {
                    ps.setString(i, kioskId);
                }
                return rows(ps);
            }
        });
        Map<String, ServiceRequest> byId = new LinkedHashMap<>();
        found.forEach(r -> byId.put(r.serviceRequestId(), r));
        return serviceRequestIds.stream().distinct().filter(byId::containsKey).map(byId::get).toList();
    }

    /** A kiosk's latest requests, newest first. */
    public List<ServiceRequest> recent(String kioskId, int limit) {
        return db.read("list recent requests", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT
                    + " WHERE kiosk_id = ? AND service_request_id IS NOT NULL ORDER BY requested_datetime DESC LIMIT ?")) {
                ps.setString(1, kioskId);
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    /** The request a token names (of {@code kioskId} only, when not null). */
    public Optional<ServiceRequest> byToken(String token, String kioskId) {
        return db.read("find a request by token", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE token = ?"
                    + (kioskId == null ? "" : " AND kiosk_id = ?"))) {
                ps.setString(1, token);
                if (kioskId != null) {
                    ps.setString(2, kioskId);
                }
                List<ServiceRequest> r = rows(ps);
                return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
            }
        });
    }

    public List<HistoryStep> history(String requestKey) {
        return db.read("read a request's history", c -> history(c, requestKey));
    }

    private static List<HistoryStep> history(Connection c, String requestKey) throws SQLException {
        List<HistoryStep> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, status_detail, notes, changed_by FROM status_history WHERE request_key = ? ORDER BY step")) {
            ps.setString(1, requestKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new HistoryStep(Instant.parse(rs.getString(1)), RequestStatus.ofWire(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        return steps;
    }

    private static final String SELECT = """
            SELECT request_key, service_request_id, token, kiosk_id, service_code, service_name, agency_responsible,
                   service_notice, status_detail, status_notes, requested_datetime, updated_datetime, attributes
            FROM service_requests""";

    private static List<ServiceRequest> rows(PreparedStatement ps) throws SQLException {
        List<ServiceRequest> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ServiceRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        RequestStatus.ofWire(rs.getString(9)), rs.getString(10), Instant.parse(rs.getString(11)),
                        Instant.parse(rs.getString(12)), Json.readMap(rs.getString(13))));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Staff

    /**
     * Sets a request's status with notes, by its service_request_id or (batch intake) its token,
     * and keeps the change in the history with who made it. A request known only by its token gets
     * its service_request_id now. Returns the request as it is after the change.
     */
    public Optional<ServiceRequest> changeStatus(String idOrToken, RequestStatus detail, String notes, String staffId) {
        if (detail == RequestStatus.QUEUED) {
            throw new IllegalArgumentException("queued is the kiosk's own status, not the back office's");
        }
        Instant now = clock.instant();
        Optional<String> key = db.inTransaction("change a request's status", c -> {
            // The UPDATE comes first: it locks the row, so two staff changes take their steps in turn.
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE service_requests SET status_detail = ?, status_notes = ?, updated_datetime = ?
                    WHERE (service_request_id = ? OR (service_request_id IS NULL AND token = ?))
                      AND status_detail NOT IN ('completed', 'rejected')""")) {
                ps.setString(1, detail.wire());
                ps.setString(2, notes);
                ps.setString(3, text(now));
                ps.setString(4, idOrToken);
                ps.setString(5, idOrToken);
                if (ps.executeUpdate() == 0) {
                    // Not found, or closed: a completed or rejected request is never reopened silently.
                    if (one(c, "SELECT status_detail FROM service_requests WHERE service_request_id = ?", idOrToken).isPresent()
                            || one(c, "SELECT status_detail FROM service_requests WHERE service_request_id IS NULL AND token = ?",
                                    idOrToken).isPresent()) {
                        throw new ClosedRequest();
                    }
                    return Optional.empty();
                }
            }
            String requestKey;
            String id;
            try (PreparedStatement ps = c.prepareStatement("SELECT request_key, service_request_id FROM service_requests "
                    + "WHERE service_request_id = ? OR (service_request_id IS NULL AND token = ?)")) {
                ps.setString(1, idOrToken);
                ps.setString(2, idOrToken);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    requestKey = rs.getString(1);
                    id = rs.getString(2);
                }
            }
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE service_requests SET service_request_id = ? WHERE request_key = ?")) {
                    ps.setString(1, nextServiceRequestId(c));
                    ps.setString(2, requestKey);
                    ps.executeUpdate();
                }
            }
            appendHistory(c, requestKey, now, detail, notes, staffId);
            return Optional.of(requestKey);
        });
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return db.read("read a request", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE request_key = ?")) {
                ps.setString(1, key.get());
                return rows(ps).stream().findFirst();
            }
        });
    }

    /**
     * Thrown when a status change names a completed or rejected request: the state machine
     * (received, in progress, needs documents → completed or rejected) has no way back, so a closed
     * request is never reopened by a late or mistaken change.
     */
    public static final class ClosedRequest extends RuntimeException {
        public ClosedRequest() {
            super("the request is closed (completed or rejected) and is not reopened");
        }
    }

    static void appendHistory(Connection c, String requestKey, Instant at, RequestStatus detail, String notes,
            String by) throws SQLException {
        int step;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM status_history WHERE request_key = ?")) {
            ps.setString(1, requestKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                step = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO status_history (request_key, step, at, status_detail, notes, changed_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, requestKey);
            ps.setInt(2, step);
            ps.setString(3, text(at));
            ps.setString(4, detail.wire());
            ps.setString(5, notes);
            ps.setString(6, by);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Heartbeats

    public void heartbeat(String kioskId, String body) {
        db.inTransaction("keep a heartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES (?, ?, ?)
                    ON CONFLICT (kiosk_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body""")) {
                ps.setString(1, kioskId);
                ps.setString(2, text(clock.instant()));
                ps.setString(3, body);
                ps.executeUpdate();
            }
            // The hours a kiosk was heard in: the fleet's uptime (staff/ dashboard and fleet pages).
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO heartbeat_hours (kiosk_id, hour) VALUES (?, ?) ON CONFLICT (kiosk_id, hour) DO NOTHING")) {
                ps.setString(1, kioskId);
                ps.setString(2, text(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<KioskHeartbeat> heartbeats() {
        return db.read("list heartbeats", c -> {
            List<KioskHeartbeat> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT kiosk_id, received_at, body FROM heartbeats ORDER BY kiosk_id")) {
                while (rs.next()) {
                    out.add(new KioskHeartbeat(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3)));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------
    // For tests and audits

    /** Every row of every table as text, in a fixed order: equal snapshots mean nothing changed. */
    public Map<String, List<String>> snapshot() {
        return db.read("snapshot the database", c -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String table : Schema.TABLES) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                        }
                        rows.add(sb.toString());
                    }
                }
                Collections.sort(rows);
                out.put(table, rows);
            }
            return out;
        });
    }

    /** How many requests are filed (for tests and the benchmark). */
    public long count() {
        return db.read("count requests", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM service_requests")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------

    static String text(Instant instant) {
        return TEXT.format(instant);
    }

    static Optional<String> oneValue(Connection c, String sql, String value) throws SQLException {
        return one(c, sql, value);
    }

    private static Optional<String> one(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
