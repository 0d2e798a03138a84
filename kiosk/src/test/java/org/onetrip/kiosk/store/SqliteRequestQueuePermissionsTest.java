package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store is owner-only from its first byte, whatever the process's umask. */
class SqliteRequestQueuePermissionsTest {
    @TempDir
    Path data;

    /** SQLite gives the -wal and -shm files the database file's mode: while the store is open they exist, 0600. */
    @Test
    void theStoreAndItsWalAndSharedMemoryAreOwnerOnlyWhileOpen() throws Exception {
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.file(TestRequests.request().build());
            assertThat(data.resolve("kiosk.db-wal")).exists();
            assertThat(data.resolve("kiosk.db-shm")).exists();
            for (String f : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(f),
                        LinkOption.NOFOLLOW_LINKS))).as(f).isEqualTo("rw-------");
            }
        }
    }
}
