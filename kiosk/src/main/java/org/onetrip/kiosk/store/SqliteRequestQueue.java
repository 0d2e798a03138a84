package org.onetrip.kiosk.store;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;
import org.onetrip.kiosk.privacy.DataFolder;
import org.onetrip.kiosk.privacy.ErasableAttributes;
import org.onetrip.kiosk.request.ErasureSummary;
import org.onetrip.kiosk.request.FiledRequest;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request store in one SQLite file (schema in {@link Migrations}).
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so the WAL is fsynced at every commit and a
 * request whose {@link #file} returned survives a power cut (sqlite.org/pragma.html#pragma_synchronous:
 * in WAL mode NORMAL may lose the last transactions on power loss; FULL does not). Every write is
 * one {@code BEGIN IMMEDIATE} transaction: the write lock is taken up front, so a concurrent
 * process (the technician's command line) makes us wait up to the busy timeout instead of failing
 * half way.
 *
 * <p>Threads: one connection, every use under one lock; the kiosk has a single writer, and SQLite
 * serialises writers anyway.
 *
 * <p>Privacy: {@code secure_delete=ON} zeroes erased rows in the file, and after an erasure the WAL
 * is checkpointed and truncated, so erased personal data does not linger in free pages or old WAL
 * frames. Log lines name requests by id and ticket only, never by a person's name or ID number,
 * and never quote a back-office error text (it may echo what the resident typed).
 */
public final class SqliteRequestQueue implements RequestQueue {
    private static final Logger log = LoggerFactory.getLogger(SqliteRequestQueue.class);

    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** Longest error or park reason kept, in UTF-16 chars; the rest is cut with an ellipsis. */
    static final int MAX_ERROR_LENGTH = 500;
    static final String SOURCE_KIOSK = "kiosk";
    static final String SOURCE_BACKOFFICE = "backoffice";

    /** Fixed width so that text order is time order (Instant.toString drops trailing zeros). */
    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Made on first use (the first filing or read of one), not on the way to the home screen: databind's set-up is some 350 classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // A parse error must not quote the stored text: it may be a personal attribute.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private static final List<String> IDENTITY_FIELDS = List.of("card_type", "name", "sex", "ethnicity",
            "birth_date", "address", "id_number", "issuing_authority", "valid_from", "valid_to", "english_name",
            "nationality");
    private static final String RESIDENT = "resident_";
    private static final String AGENT = "agent_";
    private static final String PERSONAL_COLUMNS = Stream.of(RESIDENT, AGENT)
            .flatMap(prefix -> IDENTITY_FIELDS.stream().map(f -> "p." + prefix + f))
            .collect(Collectors.joining(", ")) + ", p.personal_attributes";

    /** What stands in for an erased free-text value: the field was filled, its text is gone. */
    public static final String ERASED = "[erased]";

    private final Path file;
    private final Clock clock;
    private final ErasableAttributes erasable;
    private final ReentrantLock lock = new ReentrantLock();
    private final DeviceStatusHolder health;
    private final Duration busyTimeout;
    /** Guarded by {@link #lock}; null once closed. */
    private Connection connection;
    /** Guarded by {@link #lock}: the connection is the read-only one of a full disk. */
    private boolean readOnlyBecauseFull;

    /** Opens the store at {@code file}, creating it and its folders, and brings its schema up to date. */
    public SqliteRequestQueue(Path file) {
        this(file, Clock.systemUTC());
    }

    /**
     * As {@link #SqliteRequestQueue(Path)}; {@code clock} stamps the store's status changes.
     * Erasure takes every attribute value (no catalogue to tell free text from choices).
     */
    public SqliteRequestQueue(Path file, Clock clock) {
        this(file, clock, ErasableAttributes.EVERY_ATTRIBUTE);
    }

    /** As {@link #SqliteRequestQueue(Path, Clock)}; erasure takes the attribute values {@code erasable} names. */
    public SqliteRequestQueue(Path file, Clock clock, ErasableAttributes erasable) {
        this(file, clock, DEFAULT_BUSY_TIMEOUT, erasable);
    }

    SqliteRequestQueue(Path file, Clock clock, Duration busyTimeout) {
        this(file, clock, busyTimeout, ErasableAttributes.EVERY_ATTRIBUTE);
    }

    SqliteRequestQueue(Path file, Clock clock, Duration busyTimeout, ErasableAttributes erasable) {
        this.file = file.toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.erasable = Objects.requireNonNull(erasable, "erasable");
        this.health = new DeviceStatusHolder("store",
                new DeviceStatus(DeviceState.UNKNOWN, StatusDetail.INITIALIZING, "opening " + this.file, clock.instant()));
        this.busyTimeout = busyTimeout;
        this.connection = openOrReadOnly(busyTimeout);
        health.update(readOnlyBecauseFull ? fullStatus() : onlineStatus());
    }

    /** The schema version this build writes. */
    public static int schemaVersion() {
        return Migrations.latest();
    }

    // ---------------------------------------------------------------------------------------------
    // Opening and migrating

    /**
     * Below this many free bytes an I/O error of SQLite counts as a full disk: SQLite reports one
     * as SQLITE_FULL only when it notices in time; growing the WAL index ({@code xShmMap}) or
     * writing a page fails as a plain I/O error.
     */
    static final long LOW_SPACE_BYTES = 1 << 20;

    static boolean diskFull(Throwable e, Path file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_FULL) {
                    return true;
                }
                if ((code.name().startsWith("SQLITE_IOERR") || code == SQLiteErrorCode.SQLITE_CANTOPEN)
                        && freeBytes(file) < LOW_SPACE_BYTES) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Free bytes for this process on the file system of {@code file}'s folder; -1 when unknown. */
    static long freeBytes(Path file) {
        return org.onetrip.kiosk.privacy.DataFolder.usableBytes(file.toAbsolutePath().getParent());
    }

    /**
     * Opens the store; on a full disk, where SQLite cannot even grow its WAL index, opens it
     * read-only instead (as an immutable file: no WAL index needed) so that {@code kiosk queue},
     * {@code status} and the status screen still answer. Every write then fails with "disk full",
     * and {@link #status()} reopens it read-write once there is room again.
     */
    private Connection openOrReadOnly(Duration busyTimeout) {
        try {
            readOnlyBecauseFull = false;
            return open(file, busyTimeout);
        } catch (StoreException e) {
            if (!diskFull(e, file) || !Files.exists(file)) {
                throw e;
            }
            try {
                Connection ro = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?immutable=1&mode=ro");
                readOnlyBecauseFull = true;
                log.info("disk full: the request store {} is open read-only ({} bytes free); nothing can be filed "
                        + "until there is room", file, freeBytes(file));
                return ro;
            } catch (SQLException readOnly) {
                throw StoreException.diskFull(file, "open", freeBytes(file));
            }
        }
    }

    private static Connection open(Path file, Duration busyTimeout) {
        try {
            Files.createDirectories(file.getParent());
            // Owner-only from its first byte; SQLite gives the -wal and -shm files the same mode.
            DataFolder.createPrivateFile(file);
        } catch (IOException e) {
            throw new StoreException("could not create the request store " + file + ": " + e, e);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new StoreException("could not open the request store " + file + ": " + e.getMessage(), e);
        }
        try {
            configure(c, file, busyTimeout);
            migrate(c, file);
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("could not open the request store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection c, Path file, Duration busyTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            // Checked before anything is written, so a newer kiosk's database is left untouched.
            refuseNewer(intPragma(s, "user_version"), file);
            String mode = stringPragma(s, "journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                // Still durable with a rollback journal and synchronous=FULL, only slower and
                // blocking readers while writing; a file system without shared memory does this.
                log.warn("request store {} could not switch to WAL; journal mode is {}", file, mode);
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
            if (intPragma(s, "synchronous") != 2 || intPragma(s, "foreign_keys") != 1
                    || intPragma(s, "secure_delete") != 1) {
                throw new StoreException("the SQLite library refused synchronous=FULL, foreign_keys=ON or "
                        + "secure_delete=ON on " + file + "; refusing to store requests without them");
            }
        }
    }

    private static void migrate(Connection c, Path file) throws SQLException {
        int latest = Migrations.latest();
        int[] from = new int[1];
        try {
            inTransaction(c, tx -> {
                try (Statement s = tx.createStatement()) {
                    // Read again inside the write lock: another process may have migrated meanwhile.
                    from[0] = intPragma(s, "user_version");
                    refuseNewer(from[0], file);
                    for (Migrations.Migration m : Migrations.ALL) {
                        if (m.version() > from[0]) {
                            for (String sql : m.statements()) {
                                s.execute(sql);
                            }
                            log.info("request store {}: applied migration {} ({})", file, m.version(), m.description());
                        }
                    }
                    if (from[0] != latest) {
                        s.execute("PRAGMA user_version = " + latest);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new IllegalStateException("migrations do no JSON", e);
        }
        if (from[0] != latest) {
            log.info("request store {} migrated from schema version {} to {}", file, from[0], latest);
        }
    }

    private static void refuseNewer(int found, Path file) {
        if (found > Migrations.latest()) {
            throw new StoreException("the request store " + file + " has schema version " + found
                    + ", newer than this kiosk's " + Migrations.latest() + " (written by a newer kiosk version?); "
                    + "refusing to open it so that nothing in it is lost. Install the newer kiosk or restore "
                    + "a backup of the store.");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Filing

    @Override
    public FiledRequest file(NewRequest r) {
        Objects.requireNonNull(r, "request");
        char letter = r.windowLetter();
        if (!Character.isLetterOrDigit(letter)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "window letter of request %s must be a letter or digit, was U+%04X", r.requestId(), (int) letter));
        }
        Filing filing = write("file request " + r.requestId(), c -> {
            Optional<FiledRequest> earlier = filedAs(c, r.requestId());
            if (earlier.isPresent()) {
                return new Filing(earlier.get(), false);
            }
            String ticket = letter + "-" + String.format(Locale.ROOT, "%03d", nextTicketNumber(c, r.day(), letter));
            String id = r.requestId().toString();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO requests (request_id, kiosk_id, service_code, window_code, window_letter, day, ticket,
                                          filed_at, receipt_token, status, masked_name, attributes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, r.kioskId());
                ps.setString(3, r.serviceCode());
                ps.setString(4, r.windowCode());
                ps.setString(5, String.valueOf(letter));
                ps.setString(6, r.day().toString());
                ps.setString(7, ticket);
                ps.setString(8, text(r.filedAt()));
                ps.setString(9, r.receiptToken());
                ps.setString(10, RequestStatus.QUEUED.name());
                ps.setString(11, r.resident() == null ? "" : r.resident().maskedName());
                ps.setString(12, Json.MAPPER.writeValueAsString(r.attributes()));
                ps.executeUpdate();
            }
            if (r.resident() != null || r.agent() != null || !r.personalAttributes().isEmpty()) {
                insertPersonal(c, r);
            }
            appendHistory(c, id, r.filedAt(), RequestStatus.QUEUED, null, SOURCE_KIOSK);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox (request_id, state, attempts, next_attempt_at) VALUES (?, ?, 0, ?)")) {
                ps.setString(1, id);
                ps.setString(2, OutboxState.PENDING.name());
                ps.setString(3, text(r.filedAt()));
                ps.executeUpdate();
            }
            return new Filing(new FiledRequest(r.requestId(), ticket, r.receiptToken(), r.filedAt()), true);
        });
        if (filing.fresh()) {
            log.info("filed request {} as ticket {} (service {})", r.requestId(), filing.filed().ticket(), r.serviceCode());
        } else {
            log.info("request {} was filed before as ticket {}; returning that filing",
                    r.requestId(), filing.filed().ticket());
        }
        return filing.filed();
    }

    private record Filing(FiledRequest filed, boolean fresh) {
    }

    private static Optional<FiledRequest> filedAs(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ticket, receipt_token, filed_at FROM requests WHERE request_id = ?")) {
            ps.setString(1, requestId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FiledRequest(requestId, rs.getString(1), rs.getString(2), instant(rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** Advances the (day, letter) sequence inside the filing's transaction: a committed number is never reused. */
    private static int nextTicketNumber(Connection c, LocalDate day, char letter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ticket_sequence (day, letter, last) VALUES (?, ?, 1)
                ON CONFLICT (day, letter) DO UPDATE SET last = last + 1""")) {
            ps.setString(1, day.toString());
            ps.setString(2, String.valueOf(letter));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last FROM ticket_sequence WHERE day = ? AND letter = ?")) {
            ps.setString(1, day.toString());
            ps.setString(2, String.valueOf(letter));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertPersonal(Connection c, NewRequest r) throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        columns.add("request_id");
        for (String prefix : List.of(RESIDENT, AGENT)) {
            IDENTITY_FIELDS.forEach(f -> columns.add(prefix + f));
        }
        columns.add("personal_attributes");
        String sql = "INSERT INTO request_personal (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, r.requestId().toString());
            i = bindIdentity(ps, i, r.resident());
            i = bindIdentity(ps, i, r.agent());
            ps.setString(i, Json.MAPPER.writeValueAsString(r.personalAttributes()));
            ps.executeUpdate();
        }
    }

    /** Binds the twelve identity columns in {@link #IDENTITY_FIELDS} order; returns the next index. */
    private static int bindIdentity(PreparedStatement ps, int i, Identity id) throws SQLException {
        if (id == null) {
            for (int k = 0; k < IDENTITY_FIELDS.size(); k++) {
                ps.setNull(i++, Types.VARCHAR);
            }
            return i;
        }
        ps.setString(i++, id.cardType().name());
        ps.setString(i++, id.name());
        ps.setString(i++, id.sex().name());
        ps.setString(i++, id.ethnicity());
        ps.setString(i++, dateText(id.birthDate()));
        ps.setString(i++, id.address());
        ps.setString(i++, id.idNumber());
        ps.setString(i++, id.issuingAuthority());
        ps.setString(i++, dateText(id.validFrom()));
        ps.setString(i++, dateText(id.validTo()));
        ps.setString(i++, id.englishName());
        ps.setString(i++, id.nationality());
        return i;
    }

    private static Identity readIdentity(ResultSet rs, String prefix) throws SQLException {
        String cardType = rs.getString(prefix + "card_type");
        if (cardType == null) {
            return null;
        }
        return new Identity(
                CardType.valueOf(cardType),
                rs.getString(prefix + "name"),
                Sex.valueOf(rs.getString(prefix + "sex")),
                rs.getString(prefix + "ethnicity"),
                date(rs.getString(prefix + "birth_date")),
                rs.getString(prefix + "address"),
                rs.getString(prefix + "id_number"),
                rs.getString(prefix + "issuing_authority"),
                date(rs.getString(prefix + "valid_from")),
                date(rs.getString(prefix + "valid_to")),
                rs.getString(prefix + "english_name"),
                rs.getString(prefix + "nationality"));
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

    @Override
    public Optional<StoredRequest> find(UUID requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return read("find request " + requestId, c -> loadRequest(c, "r.request_id = ?", requestId.toString()));
    }

    @Override
    public Optional<StoredRequest> findByToken(String receiptToken) {
        Objects.requireNonNull(receiptToken, "receiptToken");
        // The token is a bearer secret of the receipt's QR code: not quoted in messages.
        return read("find a request by receipt token", c -> loadRequest(c, "r.receipt_token = ?", receiptToken));
    }

    @Override
    public void acknowledgeReceipt(UUID requestId, Instant at, String how) {
        Objects.requireNonNull(requestId, "requestId");
        write("record that the ticket of " + requestId + " was shown", c -> {
            ShownReceipts.acknowledge(c, requestId, at, how);
            return null;
        });
    }

    @Override
    public Optional<StoredRequest> newestUnacknowledged(Instant from, Instant to) {
        return read("find a filing whose ticket was not shown", c -> {
            Optional<UUID> id = ShownReceipts.newestUnshown(c, from, to);
            return id.isEmpty() ? Optional.empty() : loadRequest(c, "r.request_id = ?", id.get().toString());
        });
    }

    /** {@code where} is one of this class's constants; the value is always bound. */
    private static Optional<StoredRequest> loadRequest(Connection c, String where, String value)
            throws SQLException, IOException {
        String sql = """
                SELECT r.request_id, r.ticket, r.service_code, r.window_code, r.filed_at, r.receipt_token, r.status,
                       r.masked_name, r.attributes, o.state, o.service_request_id,
                       EXISTS (SELECT 1 FROM request_personal p WHERE p.request_id = r.request_id) AS personal
                FROM requests r JOIN outbox o ON o.request_id = r.request_id
                WHERE\s""" + where;
        StoredRequest found;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString("request_id");
                found = new StoredRequest(
                        UUID.fromString(id),
                        rs.getString("ticket"),
                        rs.getString("service_code"),
                        rs.getString("window_code"),
                        instant(rs.getString("filed_at")),
                        rs.getString("receipt_token"),
                        RequestStatus.valueOf(rs.getString("status")),
                        rs.getString("masked_name"),
                        Json.MAPPER.readValue(rs.getString("attributes"), STRING_MAP),
                        history(c, id),
                        OutboxState.valueOf(rs.getString("state")),
                        rs.getString("service_request_id"),
                        rs.getBoolean("personal"));
            }
        }
        return Optional.of(found);
    }

    private static List<StatusChange> history(Connection c, String requestId) throws SQLException {
        List<StatusChange> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, status, note, source FROM request_status_history WHERE request_id = ? ORDER BY step")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StatusChange(instant(rs.getString(1)), RequestStatus.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        return steps;
    }

    @Override
    public Map<OutboxState, Long> countsByOutboxState() {
        return read("count requests by outbox state",
                c -> counts(c, OutboxState.class, "SELECT state, count(*) FROM outbox GROUP BY state"));
    }

    @Override
    public Map<RequestStatus, Long> countsByStatus() {
        return read("count requests by status",
                c -> counts(c, RequestStatus.class, "SELECT status, count(*) FROM requests GROUP BY status"));
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Connection c, Class<E> type, String sql) throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            counts.put(e, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public List<OutboxEntry> nextToSend(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        String sql = """
                SELECT o.seq, o.attempts, o.next_attempt_at, r.request_id, r.kiosk_id, r.service_code, r.filed_at,
                       r.receipt_token, r.ticket, r.attributes,\s""" + PERSONAL_COLUMNS + """

                FROM outbox o
                JOIN requests r ON r.request_id = o.request_id
                LEFT JOIN request_personal p ON p.request_id = o.request_id
                WHERE o.state = ? AND o.next_attempt_at <= ?
                ORDER BY o.seq
                LIMIT ?""";
        return read("read the outbox", c -> {
            List<OutboxEntry> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, OutboxState.PENDING.name());
                ps.setString(2, text(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String personal = rs.getString("personal_attributes");
                        due.add(new OutboxEntry(
                                rs.getLong("seq"),
                                UUID.fromString(rs.getString("request_id")),
                                rs.getString("kiosk_id"),
                                rs.getString("service_code"),
                                instant(rs.getString("filed_at")),
                                rs.getString("receipt_token"),
                                rs.getString("ticket"),
                                Map.copyOf(Json.MAPPER.readValue(rs.getString("attributes"), STRING_MAP)),
                                personal == null ? Map.of() : Map.copyOf(Json.MAPPER.readValue(personal, STRING_MAP)),
                                readIdentity(rs, RESIDENT),
                                readIdentity(rs, AGENT),
                                rs.getInt("attempts"),
                                instant(rs.getString("next_attempt_at"))));
                    }
                }
            }
            return due;
        });
    }

    @Override
    public List<ParkedRequest> parked() {
        return read("list parked requests", c -> {
            List<ParkedRequest> parked = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.request_id, r.ticket, r.service_code, o.parked_reason, o.parked_at
                    FROM outbox o JOIN requests r ON r.request_id = o.request_id
                    WHERE o.state = ?
                    ORDER BY o.seq""")) {
                ps.setString(1, OutboxState.NEEDS_ATTENTION.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parked.add(new ParkedRequest(UUID.fromString(rs.getString(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), instant(rs.getString(5))));
                    }
                }
            }
            return parked;
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Delivery and status

    /**
     * Idempotent: a second confirmation of a delivered request changes nothing (the first
     * {@code service_request_id} and time stay). A parked request may still be delivered, e.g.
     * after the technician fixed the cause. The status becomes RECEIVED only from QUEUED, so a
     * late confirmation never moves a request back.
     */
    @Override
    public void markDelivered(UUID requestId, String serviceRequestId, Instant at) {
        Objects.requireNonNull(serviceRequestId, "serviceRequestId");
        if (deliver(requestId, "service_request_id", serviceRequestId, at, "delivered")) {
            log.info("request {} delivered as service request {}", requestId, serviceRequestId);
        } else {
            log.info("request {} was already delivered; kept its first confirmation", requestId);
        }
    }

    /** As {@link #markDelivered}, idempotent the same way; the token is kept to ask for the id later. */
    @Override
    public void markDeliveredAsToken(UUID requestId, String token, Instant at) {
        Objects.requireNonNull(token, "token");
        if (deliver(requestId, "backoffice_token", token, at, "delivered as a token")) {
            log.info("request {} delivered; the back office will give its id for a token later", requestId);
        }
    }

    /**
     * Marks the request delivered with {@code column} (a constant of ours, never input) set to
     * {@code value}; false when it was delivered already.
     */
    private boolean deliver(UUID requestId, String column, String value, Instant at, String what) {
        Objects.requireNonNull(at, "at");
        return write("mark request " + requestId + " " + what, c -> {
            String id = requestId.toString();
            if (outboxState(c, requestId) == OutboxState.DELIVERED) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = ?, " + column
                    + " = ?, delivered_at = ?, next_attempt_at = NULL WHERE request_id = ?")) {
                ps.setString(1, OutboxState.DELIVERED.name());
                ps.setString(2, value);
                ps.setString(3, text(at));
                ps.setString(4, id);
                ps.executeUpdate();
            }
            if (currentStatus(c, requestId) == RequestStatus.QUEUED) {
                setStatus(c, id, RequestStatus.RECEIVED);
                appendHistory(c, id, at, RequestStatus.RECEIVED, null, SOURCE_BACKOFFICE);
            }
            return true;
        });
    }

    @Override
    public List<TokenToResolve> unresolvedTokens(int limit) {
        return read("list requests waiting for their service request id", c -> {
            List<TokenToResolve> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT request_id, backoffice_token FROM outbox
                    WHERE state = ? AND service_request_id IS NULL AND backoffice_token IS NOT NULL
                    ORDER BY seq LIMIT ?""")) {
                ps.setString(1, OutboxState.DELIVERED.name());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TokenToResolve(UUID.fromString(rs.getString(1)), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** Sets the id once; a second, different answer for the same token is ignored with a warning. */
    @Override
    public void resolveToken(UUID requestId, String serviceRequestId) {
        Objects.requireNonNull(serviceRequestId, "serviceRequestId");
        boolean set = write("resolve the token of request " + requestId, c -> {
            outboxState(c, requestId);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET service_request_id = ? WHERE request_id = ? AND service_request_id IS NULL")) {
                ps.setString(1, serviceRequestId);
                ps.setString(2, requestId.toString());
                return ps.executeUpdate() == 1;
            }
        });
        if (set) {
            log.info("request {} is service request {}", requestId, serviceRequestId);
        }
    }

    @Override
    public List<OpenRequest> openRequests(long afterSeq, int limit) {
        List<String> finals = java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::isFinal)
                .map(Enum::name).toList();
        return read("list open requests", c -> {
            List<OpenRequest> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT o.seq, o.request_id, o.service_request_id, r.status
                    FROM outbox o JOIN requests r ON r.request_id = o.request_id
                    WHERE o.state = ? AND o.service_request_id IS NOT NULL AND o.seq > ?
                      AND r.status NOT IN (?, ?)
                    ORDER BY o.seq LIMIT ?""")) {
                ps.setString(1, OutboxState.DELIVERED.name());
                ps.setLong(2, afterSeq);
                ps.setString(3, finals.get(0));
                ps.setString(4, finals.get(1));
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OpenRequest(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3),
                                RequestStatus.valueOf(rs.getString(4))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int requeueParked(Instant at) {
        Objects.requireNonNull(at, "at");
        int n = write("put parked requests back in the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, parked_reason = NULL, parked_at = NULL
                    WHERE state = ?""")) {
                ps.setString(1, OutboxState.PENDING.name());
                ps.setString(2, text(at));
                ps.setString(3, OutboxState.NEEDS_ATTENTION.name());
                return ps.executeUpdate();
            }
        });
        log.info("{} parked requests put back in the outbox", n);
        return n;
    }

    /** Counts only while the request is pending; on a delivered or parked one it changes nothing. */
    @Override
    public void markAttemptFailed(UUID requestId, String error, Instant nextAttemptAt) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        OutboxState state = write("record a failed attempt of request " + requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                    WHERE request_id = ? AND state = ?""")) {
                ps.setString(1, truncate(error));
                ps.setString(2, text(nextAttemptAt));
                ps.setString(3, requestId.toString());
                ps.setString(4, OutboxState.PENDING.name());
                return ps.executeUpdate() == 1 ? OutboxState.PENDING : outboxState(c, requestId);
            }
        });
        if (state != OutboxState.PENDING) {
            log.info("request {} is {}, not pending: failed attempt not recorded", requestId, state);
        }
    }

    /** Parks a pending request; a delivered one stays delivered. */
    @Override
    public void park(UUID requestId, String reason, Instant at) {
        Objects.requireNonNull(at, "at");
        OutboxState state = write("park request " + requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox SET state = ?, parked_reason = ?, parked_at = ?, next_attempt_at = NULL
                    WHERE request_id = ? AND state <> ?""")) {
                ps.setString(1, OutboxState.NEEDS_ATTENTION.name());
                ps.setString(2, truncate(reason));
                ps.setString(3, text(at));
                ps.setString(4, requestId.toString());
                ps.setString(5, OutboxState.DELIVERED.name());
                return ps.executeUpdate() == 1 ? OutboxState.NEEDS_ATTENTION : outboxState(c, requestId);
            }
        });
        if (state == OutboxState.NEEDS_ATTENTION) {
            log.warn("request {} parked: the back office refused it; it needs the technician", requestId);
        } else {
            log.warn("request {} is already {}: not parked", requestId, state);
        }
    }

    @Override
    public void recordStatus(UUID requestId, RequestStatus status, String note, Instant at) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        RequestStatus before = write("record status " + status + " of request " + requestId, c -> {
            RequestStatus current = currentStatus(c, requestId);
            if (current != status) {
                setStatus(c, requestId.toString(), status);
                appendHistory(c, requestId.toString(), at, status, note, SOURCE_BACKOFFICE);
            }
            return current;
        });
        if (before != status) {
            log.info("request {} is now {} (was {})", requestId, status, before);
        }
    }

    @Override
    public int erasePersonalData(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        Instant now = clock.instant();
        int erased = write("erase personal data older than " + cutoff, c -> {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.request_id, r.service_code, r.attributes
                    FROM requests r JOIN outbox o ON o.request_id = r.request_id
                    WHERE r.personal_erased_at IS NULL
                      AND ((o.state = ? AND o.delivered_at < ?) OR (o.state <> ? AND r.filed_at < ?))""")) {
                ps.setString(1, OutboxState.DELIVERED.name());
                ps.setString(2, text(cutoff));
                ps.setString(3, OutboxState.DELIVERED.name());
                ps.setString(4, text(cutoff));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            try (PreparedStatement personal = c.prepareStatement("DELETE FROM request_personal WHERE request_id = ?");
                    PreparedStatement request = c.prepareStatement(
                            "UPDATE requests SET attributes = ?, personal_erased_at = ? WHERE request_id = ?");
                    // Error texts may echo what the resident typed (a refused phone number).
                    PreparedStatement outbox = c.prepareStatement("""
                            UPDATE outbox SET last_error = NULL,
                                parked_reason = CASE WHEN parked_reason IS NULL THEN NULL ELSE ? END
                            WHERE request_id = ?""")) {
                for (String[] r : due) {
                    personal.setString(1, r[0]);
                    personal.executeUpdate();
                    request.setString(1, Json.MAPPER.writeValueAsString(eraseFreeText(r[1], Json.MAPPER.readValue(r[2], STRING_MAP))));
                    request.setString(2, text(now));
                    request.setString(3, r[0]);
                    request.executeUpdate();
                    outbox.setString(1, "(reason erased with the personal data)");
                    outbox.setString(2, r[0]);
                    outbox.executeUpdate();
                }
            }
            // Staff notes in the status history are free text too ("she says her ID is ..."). A note
            // the back office sends after a request was erased goes at the next pass.
            try (Statement notes = c.createStatement()) {
                notes.executeUpdate("""
                        UPDATE request_status_history SET note = NULL
                        WHERE note IS NOT NULL AND request_id IN
                            (SELECT request_id FROM requests WHERE personal_erased_at IS NOT NULL)""");
            }
            return due.size();
        });
        if (erased > 0) {
            // The deleted rows still sit in WAL frames until a checkpoint copies the zeroed pages
            // into the database file; TRUNCATE then empties the WAL file itself.
            boolean truncated = read("checkpoint the store after erasing personal data", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    return rs.next() && rs.getInt(1) == 0;
                }
            });
            if (!truncated) {
                log.warn("erased personal data is still in the WAL of {}: another connection kept the checkpoint "
                        + "from finishing; the next checkpoint removes it", file);
            }
        }
        log.info("erased personal data of {} requests older than {}", erased, cutoff);
        return erased;
    }

    /** The attributes with every erasable value replaced by {@link #ERASED}; keys stay (the field was filled). */
    private Map<String, String> eraseFreeText(String serviceCode, Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, erasable.erasable(serviceCode, k) ? ERASED : v));
        return out;
    }

    @Override
    public ErasureSummary erasureSummary() {
        return read("summarise erased personal data", c -> {
            long kept = 0;
            Instant oldest = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*), min(filed_at) FROM requests WHERE personal_erased_at IS NULL")) {
                if (rs.next()) {
                    kept = rs.getLong(1);
                    oldest = instant(rs.getString(2));
                }
            }
            Map<String, Long> byKind = new LinkedHashMap<>();
            Map<String, Long> byMonth = new java.util.TreeMap<>();
            Instant last = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT CASE WHEN o.state = ? AND r.status = ? THEN 'refused'
                                WHEN o.state = ? THEN 'delivered'
                                WHEN o.state = ? THEN 'parked'
                                ELSE 'pending' END AS kind,
                           substr(r.filed_at, 1, 7) AS month, count(*), max(r.personal_erased_at)
                    FROM requests r JOIN outbox o ON o.request_id = r.request_id
                    WHERE r.personal_erased_at IS NOT NULL
                    GROUP BY kind, month""")) {
                ps.setString(1, OutboxState.DELIVERED.name());
                ps.setString(2, RequestStatus.REJECTED.name());
                ps.setString(3, OutboxState.DELIVERED.name());
                ps.setString(4, OutboxState.NEEDS_ATTENTION.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byKind.merge(rs.getString(1), rs.getLong(3), Long::sum);
                        byMonth.merge(rs.getString(2), rs.getLong(3), Long::sum);
                        Instant at = instant(rs.getString(4));
                        if (last == null || at.isAfter(last)) {
                            last = at;
                        }
                    }
                }
            }
            return new ErasureSummary(kept, oldest, byKind.getOrDefault("delivered", 0L),
                    byKind.getOrDefault("refused", 0L), byKind.getOrDefault("parked", 0L),
                    byKind.getOrDefault("pending", 0L), byMonth, last);
        });
    }

    private static OutboxState outboxState(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox WHERE request_id = ?")) {
            ps.setString(1, requestId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no request " + requestId + " in the store");
                }
                return OutboxState.valueOf(rs.getString(1));
            }
        }
    }

    private static RequestStatus currentStatus(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM requests WHERE request_id = ?")) {
            ps.setString(1, requestId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no request " + requestId + " in the store");
                }
                return RequestStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void setStatus(Connection c, String requestId, RequestStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET status = ? WHERE request_id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, requestId);
            ps.executeUpdate();
        }
    }

    private static void appendHistory(Connection c, String requestId, Instant at, RequestStatus status, String note,
            String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO request_status_history (request_id, at, status, note, source) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, requestId);
            ps.setString(2, text(at));
            ps.setString(3, status.name());
            ps.setString(4, note);
            ps.setString(5, source);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Health and lifecycle

    /**
     * Probes the store: takes the write lock (waiting up to the busy timeout) and reads the outbox,
     * then rolls back. So OFFLINE means a filing would fail now, not only that a read would.
     * While another process holds the lock this blocks up to the busy timeout (5 s): call it from
     * a worker thread, never from the JavaFX thread.
     */
    @Override
    public DeviceStatus status() {
        lock.lock();
        try {
            if (connection != null && readOnlyBecauseFull && freeBytes(file) >= LOW_SPACE_BYTES) {
                reopenReadWrite();
            }
            Connection c = connection;
            if (c == null) {
                health.update(status(DeviceState.OFFLINE, StatusDetail.DISABLED, "the request store is closed"));
            } else if (readOnlyBecauseFull) {
                health.update(fullStatus());
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
                        rs.next();
                    } finally {
                        s.execute("ROLLBACK");
                    }
                    health.update(onlineStatus());
                } catch (SQLException e) {
                    health.update(diskFull(e, file) ? fullStatus()
                            : status(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR, e.getMessage()));
                }
            }
            return health.get();
        } finally {
            lock.unlock();
        }
    }

    private DeviceStatus fullStatus() {
        return status(DeviceState.OFFLINE, StatusDetail.HARDWARE_ERROR, "disk full: " + freeBytes(file)
                + " bytes free for the request store " + file + "; nothing can be filed until there is room");
    }

    /** Called under {@link #lock} once there is room again: back to the normal read-write store. */
    private void reopenReadWrite() {
        try {
            Connection rw = open(file, busyTimeout);
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the read-only store: {}", e.toString());
            }
            connection = rw;
            readOnlyBecauseFull = false;
            log.info("the request store {} has room again: open read-write", file);
        } catch (StoreException e) {
            log.debug("the request store {} is still unwritable: {}", file, e.getMessage());
        }
    }

    private DeviceStatus onlineStatus() {
        return status(DeviceState.ONLINE, StatusDetail.NONE, "SQLite store " + file);
    }

    private DeviceStatus status(DeviceState state, StatusDetail detail, String message) {
        return new DeviceStatus(state, detail, message, clock.instant());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            Connection c = connection;
            if (c == null) {
                return;
            }
            connection = null;
            c.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the request store " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
            health.update(status(DeviceState.OFFLINE, StatusDetail.DISABLED, "the request store is closed"));
        }
    }

    /**
     * For tests where no small file system can be mounted: caps the database at its current size,
     * so the next write that needs a page fails with SQLITE_FULL, as on a full disk.
     */
    void capAtCurrentSizeForTests() {
        read("cap the database size", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + intPragma(s, "page_count"));
            }
            return null;
        });
    }

    /** For tests: a PRAGMA's value as this store's connection sees it (some are per connection). */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return read("read PRAGMA " + name, c -> {
            try (Statement s = c.createStatement()) {
                return stringPragma(s, name);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Plumbing

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        return withConnection(what, work);
    }

    private <T> T write(String what, SqlWork<T> work) {
        return withConnection(what, c -> inTransaction(c, work));
    }

    private <T> T withConnection(String what, SqlWork<T> work) {
        lock.lock();
        try {
            Connection c = connection;
            if (c == null) {
                throw new StoreException("could not " + what + ": the request store " + file + " is closed");
            }
            return work.run(c);
        } catch (SQLException e) {
            if (readOnlyBecauseFull || diskFull(e, file)) {
                throw StoreException.diskFull(file, what, freeBytes(file));
            }
            throw new StoreException("could not " + what + " in " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("could not " + what + ": a JSON column of " + file + " is unreadable", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction. The connection stays in
     * auto-commit mode and the transaction is driven with SQL because sqlite-jdbc, with
     * auto-commit off, opens the next transaction right after each commit.
     */
    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(c);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    // SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR…).
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    private static int intPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String stringPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String text(Instant instant) {
        return INSTANT_TEXT.format(instant);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String dateText(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /** Cuts to {@link #MAX_ERROR_LENGTH} chars without splitting a surrogate pair. */
    static String truncate(String s) {
        if (s == null || s.length() <= MAX_ERROR_LENGTH) {
            return s;
        }
        int end = MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
