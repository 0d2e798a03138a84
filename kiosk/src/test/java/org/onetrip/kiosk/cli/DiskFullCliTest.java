package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.SmallDisk;

/**
 * A full disk, for real: {@code data.dir} on a 2 MB tmpfs filled to the last byte. Nothing can
 * be filed, and the command line says "disk full" in one line, never a stack trace; {@code queue},
 * {@code status} and {@code selftest} still answer (the store opens read-only), {@code selftest}
 * lists the store OFFLINE beside the devices; with room again the store is writable at once.
 * Skipped where this process may not mount (the store-level test simulates SQLITE_FULL instead).
 */
class DiskFullCliTest {
    @TempDir
    Path tmp;
    SmallDisk disk;
    Path data;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of("", all.toArray(String[]::new));
    }

    private static String[] hazard(String... more) {
        List<String> a = new ArrayList<>(List.of("submit", "--service", "hazard-report", "--attr", "category=road_traffic",
                "--attr", "location=资国寺路口", "--attr", "description=红绿灯不亮", "--attr", "since=today",
                "--attr", "danger=no", "--no-print"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** No stack trace, no SQLite jargon; the one line about the disk. */
    private static void assertCalm(CliRun r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("xShmMap")
                .doesNotContain("SQLITE_");
    }

    @Test
    void aFullDiskIsSaidInOneLineAndTheReadingCommandsStillAnswer() throws Exception {
        disk = SmallDisk.mount(tmp.resolve("disk"), 2 << 20);
        assumeTrue(disk != null, "this process may mount a tmpfs (root, as in CI)");
        data = disk.path().resolve("data");
        CliRun filed = kiosk(hazard("--json"));
        assertThat(filed.status()).as(filed.err()).isZero();
        String url = filed.json().get("status_url").asText();
        disk.fill(disk.path().resolve("filler"));

        CliRun submit = kiosk(hazard());
        assertThat(submit.status()).isEqualTo(1);
        assertThat(submit.err().lines().filter(l -> l.startsWith("kiosk submit: not filed"))).singleElement()
                .asString().contains("disk full");
        assertCalm(submit);

        CliRun queue = kiosk("queue", "--json");
        assertThat(queue.status()).as(queue.err()).isZero();
        assertThat(queue.json().path("outbox").path("pending").asLong()).isEqualTo(1);
        assertThat(queue.err()).contains("queue: disk full");
        assertCalm(queue);

        CliRun status = kiosk("status", "--json", url);
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.json().toString()).contains("C-001");
        assertCalm(status);

        CliRun selftest = kiosk("selftest", "--json", "--settle-ms", "500");
        assertThat(selftest.status()).isEqualTo(1);
        JsonNode s = selftest.json();
        assertThat(s.path("store").path("state").asText()).isEqualTo("OFFLINE");
        assertThat(s.path("store").path("message").asText()).startsWith("disk full");
        for (String device : List.of("idcard", "printer", "scanner", "io")) {
            assertThat(s.path(device).path("state").asText()).as(device).isEqualTo("ONLINE");
        }
        assertCalm(selftest);

        // Room again: the same store files at once, without a restart.
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            assertThat(q.status().state()).isEqualTo(DeviceState.OFFLINE);
            Files.delete(disk.path().resolve("filler"));
            assertThat(q.status().state()).isEqualTo(DeviceState.ONLINE);
        }
        assertThat(kiosk(hazard()).status()).isZero();
    }
}
