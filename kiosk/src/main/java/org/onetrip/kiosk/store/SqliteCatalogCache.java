package org.onetrip.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.onetrip.kiosk.privacy.DataFolder;
import org.onetrip.kiosk.sync.CatalogCache;

/**
 * The catalogue fetched from the back office, in its own small SQLite file beside the request
 * store ({@code catalog-cache.db}). Kept apart on purpose: it is a cache, so a damaged file is
 * deleted and fetched again, which no one may ever do to the request store.
 * One row; every save replaces it in one transaction, so a reader sees the old or the new
 * catalogue, never half of one.
 */
public final class SqliteCatalogCache implements CatalogCache {
    private final Path file;
    private final Object lock = new Object();
    private Connection connection;

    public SqliteCatalogCache(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
            try {
                connection = open(this.file);
            } catch (SQLException damaged) {
                // Only a cache: start it afresh rather than keep the kiosk from starting.
                Files.deleteIfExists(this.file);
                connection = open(this.file);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("could not open the catalogue cache " + this.file + ": " + e.getMessage(), e);
        }
    }

    private static Connection open(Path file) throws SQLException {
        try {
            DataFolder.createPrivateFile(file);
        } catch (IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("CREATE TABLE IF NOT EXISTS catalog_cache (id INTEGER PRIMARY KEY CHECK (id = 1), "
                    + "catalog_json TEXT NOT NULL, fetched_at TEXT NOT NULL) STRICT");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public Optional<Cached> load() {
        synchronized (lock) {
            try (Statement s = connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT catalog_json, fetched_at FROM catalog_cache WHERE id = 1")) {
                return rs.next() ? Optional.of(new Cached(rs.getString(1), Instant.parse(rs.getString(2)))) : Optional.empty();
            } catch (SQLException e) {
                throw new StoreException("could not read the catalogue cache " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void save(String catalogJson, Instant fetchedAt) {
        synchronized (lock) {
            try (PreparedStatement ps = connection().prepareStatement(
                    "INSERT INTO catalog_cache (id, catalog_json, fetched_at) VALUES (1, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET catalog_json = excluded.catalog_json, fetched_at = excluded.fetched_at")) {
                ps.setString(1, catalogJson);
                ps.setString(2, fetchedAt.toString());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("could not write the catalogue cache " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private Connection connection() {
        if (connection == null) {
            throw new StoreException("the catalogue cache " + file + " is closed");
        }
        return connection;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new StoreException("could not close the catalogue cache " + file + ": " + e.getMessage(), e);
                } finally {
                    connection = null;
                }
            }
        }
    }
}
