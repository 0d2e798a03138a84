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
import org.onetrip.backoffice.security.FieldCipher;
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

    /**
     * GeoReport v2's location: {@code lat}/{@code long} as the decimal text that was sent (both or
     * neither), the address as text and as the city's address id. Any part may be null.
     */
    public record Location(String lat, String lon, String address, String addressId) {
        public static final Location NONE = new Location(null, null, null, null);
    }

    /**
     * A request as filed through Open311; {@code attributes} by code, a multi-value list
     * comma-joined; {@code personalAttributes} those that name or reach a person (the resident's and
     * agent's card, phone numbers, home addresses), shown only through {@link #personal}.
     * {@code requested} is when the resident filed it (at the kiosk), null for "now".
     */
    public record NewServiceRequest(String serviceCode, String serviceName, String agencyResponsible, String serviceNotice,
            String description, String firstName, String lastName, String phone, String email, Location location,
            String mediaUrl, String deviceId, String accountId, Map<String, String> attributes,
            Map<String, String> personalAttributes, String receiptToken, String ticket, Instant requested) {
        public NewServiceRequest {
            attributes = Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
            personalAttributes = Collections.unmodifiableMap(new java.util.TreeMap<>(personalAttributes));
            location = location == null ? Location.NONE : location;
        }
    }

    /** The answer to a filing: {@code replayed} when the Idempotency-Key was seen before. */
    public record Filing(String requestKey, String serviceRequestId, String token, boolean replayed, boolean sameBody) {
    }

    /**
     * A request without what names or reaches a person (that is {@link #personal}): its service,
     * status, times, the kiosk's ticket, its content ({@code attributes}, {@code description},
     * location, media). Decrypted; who may see which part is the caller's business (Open311
     * shows strangers less than the kiosk that filed it). {@code requested} is when the resident
     * filed it, {@code received} when this office got it; {@code erased} when its personal data and
     * content were erased after the retention limit (null while kept).
     */
    public record ServiceRequest(String requestKey, String serviceRequestId, String token, String kioskId,
            String serviceCode, String serviceName, String agencyResponsible, String serviceNotice, RequestStatus detail,
            String notes, Instant requested, Instant updated, Map<String, String> attributes, String ticket,
            String description, Location location, String mediaUrl, Instant received, Instant erased) {
    }

    /** What names or reaches a person, decrypted: for staff who may handle the request (audit each view). */
    public record PersonalData(String firstName, String lastName, String phone, String email, String accountId,
            Map<String, String> attributes) {
    }

    /**
     * A search of requests (GeoReport v2 {@code GET requests}): requested in [{@code start},
     * {@code end}), with one of {@code details} (empty: any) and one of {@code serviceCodes} (empty:
     * any), of {@code kioskId} (null: any kiosk's), newest first, at most {@code limit}. Requests
     * still without a service_request_id (batch intake) are not listed.
     */
    public record Query(Instant start, Instant end, java.util.Set<RequestStatus> details, java.util.Set<String> serviceCodes,
            String kioskId, int limit) {
    }

    public record HistoryStep(Instant at, RequestStatus detail, String notes, String changedBy) {
    }

    public record KioskHeartbeat(String kioskId, Instant receivedAt, String body) {
    }

    private final Database db;
    private final FieldCipher cipher;
    private final Clock clock;

    /**
     * The store on {@code db}, personal data sealed with {@code cipher}. Refuses a key other than
     * the one the database was first used with; rows written before encryption are encrypted now.
     */
    public BackOfficeStore(Database db, FieldCipher cipher, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        checkKey();
        encryptOlderRows();
    }

    private static final String KEY_CHECK = "personal_data_key_check";

    private void checkKey() {
        String proposed = cipher.encrypt(KEY_CHECK, KEY_CHECK);
        String kept = db.inTransaction("check the personal-data key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, KEY_CHECK);
                ps.setString(2, proposed);
                ps.executeUpdate();
            }
            return one(c, "SELECT value FROM settings WHERE name = ?", KEY_CHECK).orElseThrow();
        });
        try {
            cipher.decrypt(kept, KEY_CHECK);
        } catch (IllegalStateException e) {
            throw new StoreException(db.description() + " holds personal data sealed with another key than "
                    + cipher.keyId() + "; start every instance with the same key (" + FieldCipher.ENV + " or the key file)");
        }
    }

    /** Personal and free-text columns of service_requests, encrypted with the row's key as context. */
    static final List<String> SEALED = List.of("description", "first_name", "last_name", "phone", "email", "address_string",
            "address_id", "account_id", "attributes", "personal_attributes", "status_notes");

    private String seal(String column, String requestKey, String plain) {
        return cipher.encrypt(plain, column + ":" + requestKey);
    }

    /** A value sealed for a column of service_requests, for the staff pages' own writes (StaffStore). */
    String sealColumn(String column, String requestKey, String plain) {
        return seal(column, requestKey, plain);
    }

    /** A sealed column's value in clear, for the staff pages' own queries (StaffStore). */
    String unseal(String column, String requestKey, String stored) {
        return open(column, requestKey, stored);
    }

    private String open(String column, String requestKey, String stored) {
        return cipher.decrypt(stored, column + ":" + requestKey);
    }

    private String sealNotes(String requestKey, int step, String plain) {
        return cipher.encrypt(plain, "status_history.notes:" + requestKey + ":" + step);
    }

    /** Rows from before migration 2 held personal data in clear: seal them, once. */
    private void encryptOlderRows() {
        db.inTransaction("encrypt personal data written before encryption", c -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT request_key, "
                    + String.join(", ", SEALED) + " FROM service_requests WHERE attributes NOT LIKE 'e1.%'")) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("request_key", rs.getString(1));
                    for (int i = 0; i < SEALED.size(); i++) {
                        row.put(SEALED.get(i), rs.getString(i + 2));
                    }
                    rows.add(row);
                }
            }
            for (Map<String, String> row : rows) {
                String key = row.get("request_key");
                try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET "
                        + String.join(" = ?, ", SEALED) + " = ? WHERE request_key = ?")) {
                    int i = 1;
                    for (String col : SEALED) {
                        String v = row.get(col);
                        ps.setString(i++, v == null || FieldCipher.isEncrypted(v) ? v : seal(col, key, v));
                    }
                    ps.setString(i, key);
                    ps.executeUpdate();
                }
            }
            List<Object[]> notes = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT request_key, step, notes "
                    + "FROM status_history WHERE notes IS NOT NULL AND notes NOT LIKE 'e1.%'")) {
                while (rs.next()) {
                    notes.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)});
                }
            }
            for (Object[] n : notes) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE status_history SET notes = ? WHERE request_key = ? AND step = ?")) {
                    ps.setString(1, sealNotes((String) n[0], (Integer) n[1], (String) n[2]));
                    ps.setString(2, (String) n[0]);
                    ps.setInt(3, (Integer) n[1]);
                    ps.executeUpdate();
                }
            }
            return null;
        });
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
        // A kiosk's clock may run ahead: a filing time later than now is taken as now.
        Instant requested = r.requested() == null || r.requested().isAfter(now) ? now : r.requested();
        Filing f = db.inTransaction("file a request", c -> {
            String id = batch ? null : nextServiceRequestId(c);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO service_requests (request_key, service_request_id, token, kiosk_id, idempotency_key, body_hash,
                        service_code, service_name, agency_responsible, service_notice, description, first_name, last_name,
                        phone, email, address_string, device_id, account_id, attributes, receipt_token, status_detail,
                        status_notes, requested_datetime, updated_datetime, ticket, latitude, longitude, address_id,
                        media_url, personal_attributes, received_datetime)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                ps.setString(i++, seal("description", key, r.description()));
                ps.setString(i++, seal("first_name", key, r.firstName()));
                ps.setString(i++, seal("last_name", key, r.lastName()));
                ps.setString(i++, seal("phone", key, r.phone()));
                ps.setString(i++, seal("email", key, r.email()));
                ps.setString(i++, seal("address_string", key, r.location().address()));
                ps.setString(i++, r.deviceId());
                ps.setString(i++, seal("account_id", key, r.accountId()));
                ps.setString(i++, seal("attributes", key, Json.write(r.attributes())));
                ps.setString(i++, r.receiptToken());
                ps.setString(i++, RequestStatus.RECEIVED.wire());
                ps.setString(i++, null);
                ps.setString(i++, text(requested));
                ps.setString(i++, text(now));
                ps.setString(i++, r.ticket());
                ps.setString(i++, r.location().lat());
                ps.setString(i++, r.location().lon());
                ps.setString(i++, seal("address_id", key, r.location().addressId()));
                ps.setString(i++, r.mediaUrl());
                ps.setString(i++, seal("personal_attributes", key, Json.write(r.personalAttributes())));
                ps.setString(i, text(now));
                if (ps.executeUpdate() == 0) {
                    // The same key, filed by a concurrent POST that committed first (PostgreSQL
                    // waited for it): undo the counter and answer that filing.
                    throw new KeyTaken();
                }
            }
            appendHistory(c, key, now, RequestStatus.RECEIVED, null, SYSTEM);
            return new Filing(key, id, token, false, true);
        }, KeyTaken.class);
        if (f == null) {
            return earlierFiling(kioskId, idempotencyKey, bodyHash).orElseThrow(
                    () -> new StoreException("a request with this Idempotency-Key vanished while filing"));
        }
        return f;
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

    private List<HistoryStep> history(Connection c, String requestKey) throws SQLException {
        List<HistoryStep> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, status_detail, notes, changed_by, step FROM status_history WHERE request_key = ? ORDER BY step")) {
            ps.setString(1, requestKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String notes = rs.getString(3);
                    steps.add(new HistoryStep(Instant.parse(rs.getString(1)), RequestStatus.ofWire(rs.getString(2)),
                            notes == null ? null : cipher.decrypt(notes, "status_history.notes:" + requestKey + ":" + rs.getInt(5)),
                            rs.getString(4)));
                }
            }
        }
        return steps;
    }

    private static final String SELECT = """
            SELECT request_key, service_request_id, token, kiosk_id, service_code, service_name, agency_responsible,
                   service_notice, status_detail, status_notes, requested_datetime, updated_datetime, attributes,
                   ticket, description, latitude, longitude, address_string, address_id, media_url, received_datetime,
                   erased_at
            FROM service_requests""";

    private List<ServiceRequest> rows(PreparedStatement ps) throws SQLException {
        List<ServiceRequest> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1);
                String attributes = open("attributes", key, rs.getString(13));
                out.add(new ServiceRequest(key, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        RequestStatus.ofWire(rs.getString(9)), open("status_notes", key, rs.getString(10)),
                        Instant.parse(rs.getString(11)), Instant.parse(rs.getString(12)),
                        attributes == null ? Map.of() : Json.readMap(attributes), rs.getString(14),
                        open("description", key, rs.getString(15)),
                        new Location(rs.getString(16), rs.getString(17), open("address_string", key, rs.getString(18)),
                                open("address_id", key, rs.getString(19))),
                        rs.getString(20), rs.getString(21) == null ? null : Instant.parse(rs.getString(21)),
                        rs.getString(22) == null ? null : Instant.parse(rs.getString(22))));
            }
        }
        return out;
    }

    /** Requests as {@code q} asks (GeoReport v2 {@code GET requests} with its filters). */
    public List<ServiceRequest> list(Query q) {
        StringBuilder sql = new StringBuilder(SELECT).append(
                " WHERE service_request_id IS NOT NULL AND requested_datetime >= ? AND requested_datetime < ?");
        List<String> params = new ArrayList<>(List.of(text(q.start()), text(q.end())));
        if (!q.details().isEmpty()) {
            sql.append(" AND status_detail IN (").append(String.join(", ", Collections.nCopies(q.details().size(), "?"))).append(')');
            q.details().stream().map(RequestStatus::wire).sorted().forEach(params::add);
        }
        if (!q.serviceCodes().isEmpty()) {
            sql.append(" AND service_code IN (").append(String.join(", ", Collections.nCopies(q.serviceCodes().size(), "?")))
                    .append(')');
            q.serviceCodes().stream().sorted().forEach(params::add);
        }
        if (q.kioskId() != null) {
            sql.append(" AND kiosk_id = ?");
            params.add(q.kioskId());
        }
        sql.append(" ORDER BY requested_datetime DESC, request_key LIMIT ").append(Math.max(0, q.limit()));
        return db.read("search requests", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                return rows(ps);
            }
        });
    }

    /** Requests by the ticket the kiosk printed (a ticket repeats across days and kiosks: newest first). */
    public List<ServiceRequest> byTicket(String ticket) {
        return db.read("find requests by ticket", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE ticket = ? ORDER BY requested_datetime DESC LIMIT 50")) {
                ps.setString(1, ticket);
                return rows(ps);
            }
        });
    }

    /**
     * The personal data of a request, decrypted; empty when there is no such request or it was
     * erased. The caller decides who may see it and writes each view to its audit log.
     */
    public Optional<PersonalData> personal(String requestKey) {
        return db.read("read a request's personal data", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT first_name, last_name, phone, email, account_id, "
                    + "personal_attributes, erased_at FROM service_requests WHERE request_key = ?")) {
                ps.setString(1, requestKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(7) != null) {
                        return Optional.empty();
                    }
                    String attrs = open("personal_attributes", requestKey, rs.getString(6));
                    return Optional.of(new PersonalData(open("first_name", requestKey, rs.getString(1)),
                            open("last_name", requestKey, rs.getString(2)), open("phone", requestKey, rs.getString(3)),
                            open("email", requestKey, rs.getString(4)), open("account_id", requestKey, rs.getString(5)),
                            attrs == null ? Map.of() : Json.readMap(attrs)));
                }
            }
        });
    }

    /**
     * Erases the personal data and the free text of every request closed (completed or rejected)
     * before {@code closedBefore}: names, phones, ID numbers, addresses, descriptions, attributes,
     * notes. What stays is what statistics need: service, kiosk, ticket, status and times.
     * Returns how many requests were erased.
     */
    public int eraseClosedBefore(Instant closedBefore) {
        Instant now = clock.instant();
        return db.inTransaction("erase expired personal data", c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT request_key FROM service_requests WHERE erased_at IS NULL "
                    + "AND status_detail IN (?, ?) AND updated_datetime < ?")) {
                ps.setString(1, RequestStatus.COMPLETED.wire());
                ps.setString(2, RequestStatus.REJECTED.wire());
                ps.setString(3, text(closedBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            for (String key : keys) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET "
                        + String.join(" = NULL, ", SEALED.stream().filter(col -> !col.equals("attributes")).toList())
                        + " = NULL, attributes = ?, latitude = NULL, longitude = NULL, media_url = NULL, receipt_token = NULL, "
                        + "erased_at = ? WHERE request_key = ?")) {
                    ps.setString(1, seal("attributes", key, Json.write(Map.of())));
                    ps.setString(2, text(now));
                    ps.setString(3, key);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE status_history SET notes = NULL WHERE request_key = ?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
                // A resident's rating stays for the statistics; the words they added go.
                try (PreparedStatement ps = c.prepareStatement("UPDATE ratings SET reason = NULL WHERE request_key = ?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            return keys.size();
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Staff (status changes are StaffStore.step's, after staff/Workflow, for the pages and the API alike)

    void appendHistory(Connection c, String requestKey, Instant at, RequestStatus detail, String notes,
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
            ps.setString(5, sealNotes(requestKey, step, notes));
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
