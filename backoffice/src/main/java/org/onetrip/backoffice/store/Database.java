package org.onetrip.backoffice.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the back office keeps its data: one SQLite file (the default; nothing to install) or a
 * PostgreSQL database given by its JDBC URL. The same schema and the same SQL run on both: only
 * TEXT and INTEGER columns, {@code ?} parameters, {@code ON CONFLICT … DO NOTHING/UPDATE}, no
 * auto-increment (ids come from the {@code counters} table), times as fixed-width UTC text.
 *
 * <p>SQLite: one connection under a lock, WAL with {@code synchronous=FULL} (a filed request
 * survives a power cut), every write one {@code BEGIN IMMEDIATE} transaction driven by SQL.
 * SQLite serialises writers anyway; one connection keeps that explicit and spares the pool.
 * PostgreSQL: a HikariCP pool, READ COMMITTED; the rows that must not race (the id counter, a
 * request whose status changes) are taken by an {@code UPDATE} first, which locks them.
 */
public final class Database implements AutoCloseable {

    public enum Kind { SQLITE, POSTGRESQL }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Kind kind;
    private final String description;
    private final HikariDataSource pool;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection sqlite;

    private Database(Kind kind, String description, HikariDataSource pool, Connection sqlite) {
        this.kind = kind;
        this.description = description;
        this.pool = pool;
        this.sqlite = sqlite;
    }

    /** The SQLite file, created with its folders; the schema is brought up to date. */
    public static Database sqlite(Path file) {
        Path f = file.toAbsolutePath();
        try {
            Files.createDirectories(f.getParent());
            ownerOnly(f);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Database db = new Database(Kind.SQLITE, "SQLite " + f, null, c);
            Schema.migrate(db);
            // SQLite makes its -wal and -shm files with the database file's mode; older ones may be wider.
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path side = f.resolveSibling(f.getFileName() + suffix);
                if (Files.exists(side)) {
                    ownerOnly(side);
                }
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("could not open the back-office database " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The database holds personal data (sealed, but still): mode 0600, made so before the first
     * byte is written; an existing file is narrowed. Not a POSIX file system: the folder protects it.
     */
    static void ownerOnly(Path file) throws IOException {
        Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(rw));
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile: narrowed below
                }
            }
            if (!Files.getPosixFilePermissions(file).equals(rw)) {
                Files.setPosixFilePermissions(file, rw);
            }
        } catch (UnsupportedOperationException notPosix) {
            // e.g. a FAT stick: nothing to set
        }
    }

    /**
     * PostgreSQL at {@code jdbcUrl} ({@code jdbc:postgresql://HOST:PORT/DB?user=…&password=…});
     * {@code poolSize} connections at most.
     */
    public static Database postgres(String jdbcUrl, int poolSize) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB…)");
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setAutoCommit(false);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setPoolName("backoffice");
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            // The URL may hold a password: name the host only.
            throw new StoreException("could not reach PostgreSQL at " + redacted(jdbcUrl) + ": " + rootMessage(e), e);
        }
        Database db = new Database(Kind.POSTGRESQL, "PostgreSQL " + redacted(jdbcUrl), ds, null);
        try {
            Schema.migrate(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    static String redacted(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        Objects.requireNonNull(work, "work");
        if (kind == Kind.SQLITE) {
            lock.lock();
            try {
                Connection c = sqliteConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    try {
                        T result = work.run(c);
                        s.execute("COMMIT");
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        try {
                            s.execute("ROLLBACK");
                        } catch (SQLException rollback) {
                            e.addSuppressed(rollback);
                        }
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not " + what + ": " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #inTransaction(String, Work)}; when {@code work} throws {@code quiet}, the
     * transaction is rolled back and null returned (a planned way out, not a failure).
     */
    public <T> T inTransaction(String what, Work<T> work, Class<? extends RuntimeException> quiet) {
        try {
            return inTransaction(what, work);
        } catch (RuntimeException e) {
            if (quiet.isInstance(e)) {
                return null;
            }
            throw e;
        }
    }

    /** A read: a transaction too (the same snapshot for every statement of it). */
    public <T> T read(String what, Work<T> work) {
        if (kind == Kind.SQLITE) {
            lock.lock();
            try {
                return work.run(sqliteConnection());
            } catch (SQLException e) {
                throw new StoreException("could not " + what + ": " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }
        return inTransaction(what, work);
    }

    private Connection sqliteConnection() {
        if (sqlite == null) {
            throw new StoreException("the back-office database is closed");
        }
        return sqlite;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        lock.lock();
        try {
            if (sqlite != null) {
                sqlite.close();
                sqlite = null;
            }
        } catch (SQLException e) {
            throw new StoreException("could not close " + description + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
