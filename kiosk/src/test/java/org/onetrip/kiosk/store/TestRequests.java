package org.onetrip.kiosk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.request.NewRequest;

/** Requests to file in tests, and a side door into the database file for checks the port cannot make. */
final class TestRequests {
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    /** Nanoseconds on purpose: the store must keep instants exactly. */
    static final Instant T0 = Instant.parse("2025-03-14T01:30:00.123456789Z");

    private TestRequests() {
    }

    static Builder request() {
        return new Builder();
    }

    static final class Builder {
        private UUID id = UUID.randomUUID();
        private String kioskId = "sim-kiosk-01";
        private String serviceCode = "civil.low-income";
        private String windowCode = "civil";
        private char letter = 'D';
        private LocalDate day = DAY;
        private Instant filedAt = T0;
        private String token;
        private Map<String, String> attributes = Map.of("household_size", "3");
        private Map<String, String> personal = Map.of();
        private Identity resident;
        private Identity agent;

        Builder id(UUID v) { id = v; return this; }
        Builder kioskId(String v) { kioskId = v; return this; }
        Builder serviceCode(String v) { serviceCode = v; return this; }
        Builder windowCode(String v) { windowCode = v; return this; }
        Builder letter(char v) { letter = v; return this; }
        Builder day(LocalDate v) { day = v; return this; }
        Builder filedAt(Instant v) { filedAt = v; return this; }
        Builder token(String v) { token = v; return this; }
        Builder attributes(Map<String, String> v) { attributes = v; return this; }
        Builder personal(Map<String, String> v) { personal = v; return this; }
        Builder resident(Identity v) { resident = v; return this; }
        Builder agent(Identity v) { agent = v; return this; }

        NewRequest build() {
            return new NewRequest(id, kioskId, serviceCode, windowCode, letter, day, filedAt,
                    token != null ? token : "tok-" + id, attributes, personal, resident, agent);
        }
    }

    static Connection raw(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static List<String> column(Path db, String sql) throws SQLException {
        try (Connection c = raw(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static void exec(Path db, String sql) throws SQLException {
        try (Connection c = raw(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every byte SQLite keeps for the database: the file, its WAL and shared-memory index. */
    static byte[] allFileBytes(Path db) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path p = Path.of(db + suffix);
            if (Files.exists(p)) {
                out.write(Files.readAllBytes(p));
            }
        }
        return out.toByteArray();
    }
}
