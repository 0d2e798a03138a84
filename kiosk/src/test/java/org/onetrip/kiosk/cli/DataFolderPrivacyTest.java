package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/**
 * {@code data.dir} is private to the kiosk's user on every platform: the folder and every folder
 * in it 0700, every file 0600 (the store, its WAL, the logs, receipt pictures, secrets), whether
 * the kiosk made them or found them readable at start. Runs the command line in its own JVM, as
 * {@code scripts/kiosk} does, because the umask and the log file are set once per process.
 */
class DataFolderPrivacyTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Every folder and regular file under {@code dir} (itself included) whose mode is not owner-only. */
    private static List<String> notPrivate(Path dir) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
                if (!mode(p).equals(want)) {
                    bad.add(dir.relativize(p) + " " + mode(p));
                }
            }
        }
        return bad;
    }

    @Test
    void everythingTheKioskCreatesIsOwnerOnly() throws Exception {
        Path data = tmp.resolve("data");
        CliRun filed = CliProcess.run(tmp, "submit", "--service", "hazard-report",
                "--attr", "category=road_traffic", "--attr", "location=资国寺路与太姥大道路口",
                "--attr", "description=红绿灯不亮", "--attr", "since=today", "--attr", "danger=no",
                "--json", "--set", "data.dir=" + data);
        assertThat(filed.status()).as(filed.err()).isZero();
        CliRun queue = CliProcess.run(tmp, "queue", "--json", "--set", "data.dir=" + data);
        assertThat(queue.status()).as(queue.err()).isZero();

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("kiosk.db", "receipt-token.key", "logs", "receipts");
        }
        try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
            assertThat(logs).isNotEmpty();
        }
        try (Stream<Path> pictures = Files.list(data.resolve("receipts"))) {
            assertThat(pictures).isNotEmpty();
        }
        assertThat(notPrivate(data)).isEmpty();
    }

    /**
     * Started as the systemd unit starts it (UMask=0077), the kiosk finds its umask right and does
     * not load JNA to set it (a tenth of a second of every cold start); started with another, it
     * sets it through libc. Either way everything it makes is owner-only.
     */
    @Test
    void jnaSetsTheUmaskOnlyWhenTheProcessWasNotStartedWith077() throws Exception {
        for (String umask : List.of("077", "022")) {
            Path data = tmp.resolve("data-" + umask);
            Path classes = tmp.resolve("classes-" + umask + ".txt");
            CliRun filed = CliProcess.runWithUmask(umask, tmp.resolve("work"), List.of("-Xlog:class+load:file=" + classes),
                    "submit", "--service", "hazard-report", "--attr", "category=road_traffic", "--attr", "location=资国寺路口",
                    "--attr", "description=红绿灯不亮", "--attr", "since=today", "--attr", "danger=no",
                    "--json", "--set", "data.dir=" + data);
            assertThat(filed.status()).as(filed.err()).isZero();
            assertThat(notPrivate(data)).as("umask " + umask).isEmpty();
            String loaded = Files.readString(classes);
            if (umask.equals("077")) {
                // JNA's native side (SdNotify's catch clause names LastErrorException: loaded, not used).
                assertThat(loaded).as("umask 077").doesNotContain("com.sun.jna.Native ").doesNotContain("DataFolder$CLib");
            } else {
                assertThat(loaded).as("umask 022").contains("org.onetrip.kiosk.privacy.DataFolder$CLib");
            }
        }
    }

    @Test
    void aReadableDataFolderIsRepairedAtStartAndSaysSoOnce() throws Exception {
        Path data = tmp.resolve("old");
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.file(new org.onetrip.kiosk.request.NewRequest(java.util.UUID.randomUUID(), "k", "hazard-report", "hazard", 'H', java.time.LocalDate.now(), java.time.Instant.now(), "t1", java.util.Map.of(), java.util.Map.of(), null, null));
        }
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("logs/kiosk.log"), "old log\n");
        Files.write(data.resolve("logs/kiosk.2025-01-01.0.log.gz"), new byte[] {0x1f, (byte) 0x8b});
        Files.createDirectories(data.resolve("receipts"));
        Files.write(data.resolve("receipts/D-001.png"), new byte[] {1});
        Files.writeString(data.resolve("secrets.properties"), "maintenance.pin=x\n");
        Path outside = tmp.resolve("outside.txt");
        Files.writeString(outside, "not the kiosk's");
        Files.createSymbolicLink(data.resolve("link-outside"), outside);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun queue = CliProcess.run(tmp, "queue", "--json", "--set", "data.dir=" + data);

        assertThat(queue.status()).as(queue.err()).isZero();
        queue.json(); // stdout is still JSON
        assertThat(notPrivate(data)).isEmpty();
        assertThat(mode(outside)).as("a link is not followed").isEqualTo("rw-r--r--");
        assertThat(queue.err().lines().filter(l -> l.contains("readable by others")).count()).isEqualTo(1);
    }
}
