package org.onetrip.backoffice.store;

import static org.onetrip.backoffice.store.BackOfficeStore.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * What the staff workspace and the phone page keep beside the requests: staff accounts (password
 * hashes, lockout), their sessions (in the database, so any back-office instance behind a load
 * balancer knows them), the audit log of every view of personal data, the residents' ratings, the
 * hours each kiosk was heard in, and the queries the pages need. Every method is one transaction.
 * Session ids and CSRF tokens are 256-bit random values; only a session id's SHA-256 is stored.
 */
public final class StaffStore {

    /** A staff account as the pages need it; {@code windows} are window codes (window staff only). */
    public record Account(String staffId, String name, String role, Set<String> windows, boolean disabled,
            int failedSignins, Instant lockedUntil, String passwordHash) {
    }

    /** A signed-in session: whose, and the CSRF token every form of it must carry. */
    public record Session(Account account, String csrfToken, Instant expiresAt) {
    }

    /** A new session's secrets, handed to the browser once. */
    public record NewSession(String sessionId, String csrfToken, Instant expiresAt) {
    }

    /** One row of the work queue: no personal data but the name, which the page masks. */
    public record QueueRow(String requestKey, String serviceRequestId, String ticket, String kioskId, String serviceCode,
            RequestStatus detail, Instant requested, Instant updated, String assignedTo, String department,
            String name) {
    }

    /**
     * A queue question. Null fields do not filter. {@code services}: the codes a role may see (null:
     * all) intersected with the window and service filters by the caller; {@code overdueBefore}: per
     * service code, requests filed before this instant are overdue (only open ones are).
     */
    public record QueueQuery(Set<String> services, Set<RequestStatus> statuses, String kioskId, Instant from,
            Instant to, String search, Map<String, Instant> overdueBefore, int offset, int limit) {
    }

    /** A page of the queue; {@code total} counts at most {@link #COUNT_CAP} (then {@code more} is set). */
    public record QueuePage(List<QueueRow> rows, long total, boolean more) {
    }

    /** Counting stops here: a page says "10,000+" rather than scan every matching row on each view. */
    public static final int COUNT_CAP = 10_000;

    /** Everything about a request, personal data included: the page decides what a role sees. */
    public record RequestRecord(String requestKey, String serviceRequestId, String token, String ticket, String kioskId,
            String serviceCode, String serviceName, RequestStatus detail, String notes, Instant requested,
            Instant updated, String assignedTo, String department, String description, String firstName,
            String lastName, String phone, String email, String addressString, Map<String, String> attributes,
            Map<String, String> personalAttributes, String receiptToken, boolean erased) {
    }

    public record AuditEntry(Instant at, String staffId, String requestKey, String what) {
    }

    public record Rating(String requestKey, String rating, String reason, Instant at) {
    }

    /** One request for the statistics: when, what, where, how it stands. */
    public record StatRow(String serviceCode, String kioskId, RequestStatus detail, Instant requested, Instant updated) {
    }

    /** The step a change wants to take was refused: the request is not in a status that allows it. */
    public static final class StepRefused extends RuntimeException {
        public StepRefused(String message) {
            super(message);
        }
    }

    private final Database db;
    private final BackOfficeStore requests;
    private final Clock clock;

    /**
     * The staff tables beside {@code requests}' (whose key opens the sealed personal columns, see
     * {@link BackOfficeStore#SEALED}).
     */
    public StaffStore(BackOfficeStore requests, Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.db = requests.database();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Accounts and sessions only (the command line): no request is read, so no key is needed. */
    public StaffStore(Database db, Clock clock) {
        this.requests = null;
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private BackOfficeStore requests() {
        if (requests == null) {
            throw new IllegalStateException("this StaffStore was made for accounts only");
        }
        return requests;
    }

    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------------------------------------
    // Accounts

    /** Adds an account, or replaces its name, role, windows and password (and enables it). */
    public void putAccount(String staffId, String name, String role, Set<String> windows, String passwordHash) {
        db.inTransaction("save a staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO staff_accounts (staff_id, name, role, windows, password_hash, disabled, failed_signins,
                        locked_until, created_at) VALUES (?, ?, ?, ?, ?, 0, 0, NULL, ?)
                    ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, role = excluded.role,
                        windows = excluded.windows, password_hash = excluded.password_hash, disabled = 0,
                        failed_signins = 0, locked_until = NULL""")) {
                ps.setString(1, staffId);
                ps.setString(2, name);
                ps.setString(3, role);
                ps.setString(4, String.join(",", windows));
                ps.setString(5, passwordHash);
                ps.setString(6, text(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean setPassword(String staffId, String passwordHash) {
        return update("set a password", "UPDATE staff_accounts SET password_hash = ?, failed_signins = 0, locked_until = NULL "
                + "WHERE staff_id = ?", passwordHash, staffId) > 0;
    }

    /**
     * Disables (or enables) an account. Disabling also ends its sessions and revokes its API token,
     * so nothing it held still works.
     */
    public boolean setDisabled(String staffId, boolean disabled) {
        return db.inTransaction("disable an account", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_accounts SET disabled = ?, failed_signins = 0, "
                    + "locked_until = NULL WHERE staff_id = ?")) {
                ps.setInt(1, disabled ? 1 : 0);
                ps.setString(2, staffId);
                n = ps.executeUpdate();
            }
            if (disabled) {
                exec(c, "DELETE FROM staff_sessions WHERE staff_id = ?", staffId);
                n += exec(c, "DELETE FROM staff WHERE staff_id = ?", staffId);
            }
            return n > 0;
        });
    }

    public Optional<Account> account(String staffId) {
        return db.read("read an account", c -> {
            try (PreparedStatement ps = c.prepareStatement(ACCOUNT + " WHERE staff_id = ?")) {
                ps.setString(1, staffId);
                List<Account> a = accounts(ps);
                return a.isEmpty() ? Optional.empty() : Optional.of(a.get(0));
            }
        });
    }

    public List<Account> accounts() {
        return db.read("list accounts", c -> {
            try (PreparedStatement ps = c.prepareStatement(ACCOUNT + " ORDER BY staff_id")) {
                return accounts(ps);
            }
        });
    }

    /**
     * Counts a failed sign-in; at {@code maxFailures} in a row the account is locked until
     * {@code lockFor} from now. Returns the account as it is after.
     */
    public void signInFailed(String staffId, int maxFailures, Duration lockFor) {
        Instant now = clock.instant();
        db.inTransaction("count a failed sign-in", c -> {
            exec(c, "UPDATE staff_accounts SET failed_signins = failed_signins + 1 WHERE staff_id = ?", staffId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_accounts SET locked_until = ?, failed_signins = 0 "
                    + "WHERE staff_id = ? AND failed_signins >= ?")) {
                ps.setString(1, text(now.plus(lockFor)));
                ps.setString(2, staffId);
                ps.setInt(3, maxFailures);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void signInSucceeded(String staffId) {
        update("clear failed sign-ins", "UPDATE staff_accounts SET failed_signins = 0, locked_until = NULL WHERE staff_id = ?",
                staffId);
    }

    private static final String ACCOUNT = "SELECT staff_id, name, role, windows, disabled, failed_signins, locked_until, "
            + "password_hash FROM staff_accounts";

    private static List<Account> accounts(PreparedStatement ps) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String w = rs.getString(4);
                Set<String> windows = w.isEmpty() ? Set.of()
                        : Arrays.stream(w.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), windows, rs.getInt(5) != 0,
                        rs.getInt(6), rs.getString(7) == null ? null : Instant.parse(rs.getString(7)), rs.getString(8)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Sessions

    public NewSession createSession(String staffId, Duration lifetime) {
        String id = BackOfficeStore.secret();
        String csrf = BackOfficeStore.secret();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        db.inTransaction("start a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_sessions (session_hash, staff_id, csrf_token, "
                    + "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, BackOfficeStore.hash(id));
                ps.setString(2, staffId);
                ps.setString(3, csrf);
                ps.setString(4, text(now));
                ps.setString(5, text(now));
                ps.setString(6, text(expires));
                ps.executeUpdate();
            }
            return null;
        });
        return new NewSession(id, csrf, expires);
    }

    /**
     * The live session of {@code sessionId}: not expired, not idle longer than {@code idle}, its
     * account enabled. Seeing it counts as activity (written at most once a minute).
     */
    public Optional<Session> session(String sessionId, Duration idle) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = BackOfficeStore.hash(sessionId);
        Optional<Object[]> row = db.read("find a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, csrf_token, last_seen_at, expires_at "
                    + "FROM staff_sessions WHERE session_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[] {rs.getString(1), rs.getString(2),
                            Instant.parse(rs.getString(3)), Instant.parse(rs.getString(4))}) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        Instant lastSeen = (Instant) r[2];
        Instant expires = (Instant) r[3];
        if (!now.isBefore(expires) || !now.isBefore(lastSeen.plus(idle))) {
            endSession(sessionId);
            return Optional.empty();
        }
        Optional<Account> account = account((String) r[0]);
        if (account.isEmpty() || account.get().disabled()) {
            return Optional.empty();
        }
        if (now.isAfter(lastSeen.plus(Duration.ofMinutes(1)))) {
            update("note a session's activity", "UPDATE staff_sessions SET last_seen_at = ? WHERE session_hash = ?",
                    text(now), hash);
        }
        return Optional.of(new Session(account.get(), (String) r[1], expires));
    }

    public void endSession(String sessionId) {
        update("end a session", "DELETE FROM staff_sessions WHERE session_hash = ?", BackOfficeStore.hash(sessionId));
    }

    /** Ends every session of {@code staffId}; returns how many there were. */
    public int revokeSessions(String staffId) {
        return update("revoke sessions", "DELETE FROM staff_sessions WHERE staff_id = ?", staffId);
    }

    // ---------------------------------------------------------------------------------------------
    // Audit

    public void audit(String staffId, String requestKey, String what) {
        db.inTransaction("write the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, staff_id, request_key, what) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, text(clock.instant()));
                ps.setString(2, staffId);
                ps.setString(3, requestKey);
                ps.setString(4, what);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<AuditEntry> auditOf(String requestKey) {
        return db.read("read the audit log", c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, staff_id, request_key, what FROM audit_log "
                    + "WHERE request_key = ? ORDER BY at")) {
                ps.setString(1, requestKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------
    // The work queue

    private static final String QUEUE_COLUMNS = "request_key, service_request_id, ticket, kiosk_id, service_code, "
            + "status_detail, requested_datetime, updated_datetime, assigned_to, department, last_name";

    public QueuePage queue(QueueQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        return db.read("list the work queue", c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM service_requests" + where
                    + " LIMIT " + (COUNT_CAP + 1) + ") capped")) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<QueueRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + QUEUE_COLUMNS + " FROM service_requests" + where
                    + " ORDER BY requested_datetime, request_key LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(q.limit());
                all.add(q.offset());
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(queueRow(requests(), rs));
                    }
                }
            }
            return new QueuePage(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
        });
    }

    /** The same rows as {@link #queue} with the same SQL: the benchmark's baseline. */
    public static String queueSql(QueueQuery q, List<Object> args) {
        return "SELECT " + QUEUE_COLUMNS + " FROM service_requests" + where(q, args)
                + " ORDER BY requested_datetime, request_key LIMIT " + q.limit() + " OFFSET " + q.offset();
    }

    private static QueueRow queueRow(BackOfficeStore requests, ResultSet rs) throws SQLException {
        // The kiosk sends the resident's whole name as last_name; the page shows it masked.
        String name = requests.unseal("last_name", rs.getString(1), rs.getString(11));
        return new QueueRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                RequestStatus.ofWire(rs.getString(6)), Instant.parse(rs.getString(7)), Instant.parse(rs.getString(8)),
                rs.getString(9), rs.getString(10), name);
    }

    private static String where(QueueQuery q, List<Object> args) {
        List<String> and = new ArrayList<>();
        if (q.services() != null) {
            if (q.services().isEmpty()) {
                and.add("1 = 0");
            } else {
                and.add("service_code IN (" + marks(q.services().size()) + ")");
                args.addAll(q.services().stream().sorted().toList());
            }
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            // Written as literals (enum values, never input), sorted, so that the open view matches
            // the partial index service_requests_open (Schema, migration 4) word for word.
            and.add("status_detail IN (" + q.statuses().stream().map(s -> "'" + s.wire() + "'").sorted()
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (q.kioskId() != null) {
            and.add("kiosk_id = ?");
            args.add(q.kioskId());
        }
        if (q.from() != null) {
            and.add("requested_datetime >= ?");
            args.add(text(q.from()));
        }
        if (q.to() != null) {
            and.add("requested_datetime < ?");
            args.add(text(q.to()));
        }
        if (q.search() != null) {
            and.add("(ticket = ? OR service_request_id = ? OR receipt_token = ? OR request_key = ? OR token = ?)");
            for (int i = 0; i < 5; i++) {
                args.add(q.search());
            }
        }
        if (q.overdueBefore() != null) {
            List<String> or = new ArrayList<>();
            q.overdueBefore().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                or.add("(service_code = ? AND requested_datetime < ?)");
                args.add(e.getKey());
                args.add(text(e.getValue()));
            });
            and.add(or.isEmpty() ? "1 = 0" : "status_detail NOT IN ('completed', 'rejected') AND (" + String.join(" OR ", or) + ")");
        }
        return and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One request

    /** A request by its request key, its service_request_id or its token. */
    public Optional<RequestRecord> request(String ref) {
        if (ref == null || ref.isEmpty() || ref.length() > 100) {
            return Optional.empty();
        }
        return db.read("read a request", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT request_key, service_request_id, token, ticket, kiosk_id, service_code, service_name,
                           status_detail, status_notes, requested_datetime, updated_datetime, assigned_to, department,
                           description, first_name, last_name, phone, email, address_string, attributes, receipt_token,
                           personal_attributes, erased_at
                    FROM service_requests WHERE request_key = ? OR service_request_id = ? OR token = ?""")) {
                ps.setString(1, ref);
                ps.setString(2, ref);
                ps.setString(3, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    BackOfficeStore r = requests();
                    String key = rs.getString(1);
                    String attributes = r.unseal("attributes", key, rs.getString(20));
                    String personal = r.unseal("personal_attributes", key, rs.getString(22));
                    return Optional.of(new RequestRecord(key, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), RequestStatus.ofWire(rs.getString(8)),
                            r.unseal("status_notes", key, rs.getString(9)), Instant.parse(rs.getString(10)),
                            Instant.parse(rs.getString(11)), rs.getString(12), rs.getString(13),
                            r.unseal("description", key, rs.getString(14)), r.unseal("first_name", key, rs.getString(15)),
                            r.unseal("last_name", key, rs.getString(16)), r.unseal("phone", key, rs.getString(17)),
                            r.unseal("email", key, rs.getString(18)), r.unseal("address_string", key, rs.getString(19)),
                            attributes == null ? Map.of() : Json.readMap(attributes),
                            personal == null ? Map.of() : Json.readMap(personal), rs.getString(21), rs.getString(23) != null));
                }
            }
        });
    }

    /** The request a receipt's token names (the token the kiosk signed and printed as a QR code). */
    public Optional<RequestRecord> byReceiptToken(String receiptToken) {
        Optional<String> key = db.read("find a request by receipt token", c ->
                BackOfficeStore.oneValue(c, "SELECT request_key FROM service_requests WHERE receipt_token = ?", receiptToken));
        return key.flatMap(this::request);
    }

    /**
     * Takes one step of the state machine: the status becomes {@code to} only when it is now one of
     * {@code from} (checked by the UPDATE itself, so two staff acting at once cannot both pass), and
     * the step is kept in the history with who took it. A request known only by its token gets its
     * service_request_id now (batch intake).
     */
    public void step(String requestKey, Set<RequestStatus> from, RequestStatus to, String notes, String staffId) {
        Instant now = clock.instant();
        db.inTransaction("change a request's status", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET status_detail = ?, status_notes = ?, "
                    + "updated_datetime = ? WHERE request_key = ? AND status_detail IN (" + marks(from.size()) + ")")) {
                ps.setString(1, to.wire());
                ps.setString(2, requests().sealColumn("status_notes", requestKey, notes));
                ps.setString(3, text(now));
                ps.setString(4, requestKey);
                int i = 5;
                for (RequestStatus s : from) {
                    ps.setString(i++, s.wire());
                }
                if (ps.executeUpdate() == 0) {
                    throw new StepRefused("the request is no longer in a status that allows this");
                }
            }
            numberIfNeeded(c, requestKey);
            requests().appendHistory(c, requestKey, now, to, notes, staffId);
            return null;
        });
    }

    /**
     * Assigns an open request to a colleague and/or a department; kept in the history (the status
     * stays as it is) with who assigned it.
     */
    public void assign(String requestKey, String assignee, String department, String notes, String staffId) {
        Instant now = clock.instant();
        db.inTransaction("assign a request", c -> {
            String current;
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET assigned_to = ?, department = ?, "
                    + "updated_datetime = ? WHERE request_key = ? AND status_detail NOT IN ('completed', 'rejected')")) {
                ps.setString(1, assignee);
                ps.setString(2, department);
                ps.setString(3, text(now));
                ps.setString(4, requestKey);
                if (ps.executeUpdate() == 0) {
                    throw new StepRefused("the request is closed");
                }
            }
            current = BackOfficeStore.oneValue(c, "SELECT status_detail FROM service_requests WHERE request_key = ?", requestKey)
                    .orElseThrow();
            numberIfNeeded(c, requestKey);
            requests().appendHistory(c, requestKey, now, RequestStatus.ofWire(current), notes, staffId);
            return null;
        });
    }

    private static void numberIfNeeded(Connection c, String requestKey) throws SQLException {
        // Asked as "is it NULL" in SQL: a NULL value read back would not fit in an Optional.
        if (BackOfficeStore.oneValue(c, "SELECT request_key FROM service_requests WHERE request_key = ? "
                + "AND service_request_id IS NULL", requestKey).isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET service_request_id = ? WHERE request_key = ?")) {
                ps.setString(1, BackOfficeStore.nextServiceRequestId(c));
                ps.setString(2, requestKey);
                ps.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Ratings

    /** Keeps a resident's rating; false when the request was rated before (once per request). */
    public boolean rate(String requestKey, String rating, String reason) {
        return db.inTransaction("keep a rating", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (request_key, rating, reason, at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (request_key) DO NOTHING")) {
                ps.setString(1, requestKey);
                ps.setString(2, rating);
                // A resident's own words may name them or someone else: sealed like the request's free text.
                ps.setString(3, requests().sealColumn("ratings.reason", requestKey, reason));
                ps.setString(4, text(clock.instant()));
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<Rating> rating(String requestKey) {
        return db.read("read a rating", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_key, rating, reason, at FROM ratings WHERE request_key = ?")) {
                ps.setString(1, requestKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Rating(rs.getString(1), rs.getString(2),
                            requests().unseal("ratings.reason", rs.getString(1), rs.getString(3)),
                            Instant.parse(rs.getString(4)))) : Optional.empty();
                }
            }
        });
    }

    /** Ratings given since {@code since}, by value, for the services in {@code services} (null: all). */
    public Map<String, Long> ratingCounts(Instant since, Set<String> services) {
        List<Object> args = new ArrayList<>();
        args.add(text(since));
        String scope = "";
        if (services != null) {
            scope = services.isEmpty() ? " AND 1 = 0" : " AND r.service_code IN (" + marks(services.size()) + ")";
            args.addAll(services.stream().sorted().toList());
        }
        String sql = "SELECT g.rating, COUNT(*) FROM ratings g JOIN service_requests r ON r.request_key = g.request_key "
                + "WHERE g.at >= ?" + scope + " GROUP BY g.rating";
        return db.read("count ratings", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Statistics and the fleet

    /** Requests filed since {@code since} (for the services in {@code services}; null: all). */
    public List<StatRow> stats(Instant since, Set<String> services) {
        List<Object> args = new ArrayList<>();
        args.add(text(since));
        String scope = "";
        if (services != null) {
            scope = services.isEmpty() ? " AND 1 = 0" : " AND service_code IN (" + marks(services.size()) + ")";
            args.addAll(services.stream().sorted().toList());
        }
        String sql = "SELECT service_code, kiosk_id, status_detail, requested_datetime, updated_datetime FROM service_requests "
                + "WHERE requested_datetime >= ?" + scope;
        return db.read("read statistics", c -> {
            List<StatRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StatRow(rs.getString(1), rs.getString(2), RequestStatus.ofWire(rs.getString(3)),
                                Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5))));
                    }
                }
            }
            return out;
        });
    }

    /** Per kiosk, the hours it was heard in since {@code since}. */
    public Map<String, Long> hoursHeard(Instant since) {
        return db.read("count kiosk hours", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kiosk_id, COUNT(*) FROM heartbeat_hours WHERE hour >= ? "
                    + "GROUP BY kiosk_id ORDER BY kiosk_id")) {
                ps.setString(1, text(since.truncatedTo(ChronoUnit.HOURS)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Open requests filed at each kiosk (the back office's side of a kiosk's queue). */
    public Map<String, Long> openByKiosk() {
        return db.read("count open requests by kiosk", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kiosk_id, COUNT(*) FROM service_requests "
                    + "WHERE status_detail NOT IN ('completed', 'rejected') GROUP BY kiosk_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Every kiosk that has an api key, whether or not it was ever heard. */
    public List<String> kioskIds() {
        return db.read("list kiosks", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kiosk_id FROM kiosks ORDER BY kiosk_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------

    private int update(String what, String sql, String... args) {
        return db.inTransaction(what, c -> exec(c, sql, args));
    }

    private static int exec(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
