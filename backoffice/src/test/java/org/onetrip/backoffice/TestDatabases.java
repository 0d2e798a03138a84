package org.onetrip.backoffice;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.onetrip.backoffice.store.Database;

/**
 * The databases every back-office test runs on: SQLite (always) and PostgreSQL at
 * {@code ONETRIP_TEST_PG_URL}, which {@code scripts/test} sets after starting a server on loopback.
 * Without that variable the PostgreSQL runs are skipped with the reason; with it, an unreachable
 * server fails the test (CI asked for PostgreSQL and must not pass without it). Each PostgreSQL
 * database is a schema of its own, dropped when closed, so tests never see each other's rows.
 */
public final class TestDatabases {
    public static final String PG_ENV = "ONETRIP_TEST_PG_URL";

    private TestDatabases() {
    }

    /** A fresh database of {@code kind} ("sqlite" or "postgresql"); SQLite files go in {@code dir}. */
    public static Database open(String kind, Path dir) {
        return switch (kind) {
            case "sqlite" -> Database.sqlite(dir.resolve("backoffice-" + UUID.randomUUID() + ".db"));
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The JDBC URL of a fresh schema, for a server started in another JVM; dropped by {@link #dropSchema}. */
    public static String freshPostgresUrl() {
        String url = pgUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        exec(url, "CREATE SCHEMA " + schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String urlWithSchema) {
        String schema = urlWithSchema.substring(urlWithSchema.indexOf("currentSchema=") + "currentSchema=".length());
        exec(pgUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static Database postgres() {
        String url = freshPostgresUrl();
        // Dropped when the test JVM ends; a test server is thrown away anyway, a developer's is not.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dropSchema(url);
            } catch (RuntimeException ignored) {
                // the server may be gone already
            }
        }));
        return Database.postgres(url, 8);
    }

    private static String pgUrl() {
        String url = System.getenv(PG_ENV);
        if (url == null || url.isBlank()) {
            Assumptions.abort("PostgreSQL tests skipped: no server (set " + PG_ENV
                    + "=jdbc:postgresql://127.0.0.1:PORT/DB?user=…&password=…; ./scripts/test starts one)");
        }
        return url;
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(PG_ENV + " is set but PostgreSQL is not usable there: " + e.getMessage(), e);
        }
    }
}
