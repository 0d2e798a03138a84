package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.request.NewRequest;

/**
 * SQLITE_FULL, simulated with {@code max_page_count} (runs everywhere; DiskFullCliTest fills a
 * real file system where it may mount one): "disk full" in one line, no stack trace, no driver
 * jargon, and the store reports it as its status.
 */
class SqliteRequestQueueDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void sqliteFullIsDiskFullInOneLineWithoutATrace() {
        try (SqliteRequestQueue queue = new SqliteRequestQueue(dir.resolve("kiosk.db"))) {
            queue.file(TestRequests.request().build());
            queue.capAtCurrentSizeForTests();
            NewRequest big = TestRequests.request().attributes(Map.of("note", "满".repeat(200_000))).build();

            assertThatThrownBy(() -> queue.file(big)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.diskFull()).isTrue();
                assertThat(e.getMessage()).startsWith("disk full: could not file request " + big.requestId())
                        .doesNotContain("SQLITE").doesNotContain("\n");
                assertThat(e.getStackTrace()).isEmpty();
                assertThat(e.getCause()).isNull();
            });
            assertThat(queue.find(big.requestId())).isEmpty();
            assertThat(queue.countsByOutboxState().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
            assertThat(queue.status().state()).isEqualTo(DeviceState.ONLINE);
        }
    }
}
