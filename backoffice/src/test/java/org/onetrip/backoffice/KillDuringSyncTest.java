package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.cli.KioskCommand;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * {@code kiosk sync} in a child JVM, killed with SIGKILL in the middle of sending (no shutdown
 * hook, no close, possibly a POST in flight), then {@code kiosk sync --once}: nothing lost, nothing
 * filed twice.
 */
class KillDuringSyncTest {
    static final int REQUESTS = 150;
    static final int KILL_AFTER = 50;

    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    private static String readQuietly(Path p) {
        try {
            String s = java.nio.file.Files.readString(p);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (java.io.IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aKioskKilledDuringSyncLosesNothingAndFilesNothingTwice(String kind) throws Exception {
        Path data = dir.resolve("kiosk");
        // Every POST takes a little while, so the kill most likely lands with one in flight.
        Faults slowish = new Faults(7, 0, 0, 0, 0, 1.0, 3);
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"), false, slowish)) {
            List<UUID> filed = new ArrayList<>();
            try (TestKiosk kiosk = new TestKiosk(data, bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
                for (int i = 0; i < REQUESTS; i++) {
                    filed.add(kiosk.fileHazard(i).filed().requestId());
                }
            }
            String[] settings = {"--set", "data.dir=" + data, "--set", "backoffice.url=" + bo.baseUrl(),
                    "--set", "backoffice.api-key=" + bo.apiKey, "--set", "backoffice.retry-min-ms=10",
                    "--set", "backoffice.retry-max-s=1", "--set", "backoffice.timeout-s=5"};

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8",
                    "org.onetrip.kiosk.app.Main", "sync"));
            command.addAll(List.of(settings));
            Path childErr = dir.resolve("child-stderr.txt");
            Process child = new ProcessBuilder(command).redirectError(childErr.toFile()).start();
            int delivered = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (delivered < KILL_AFTER && (line = out.readLine()) != null) {
                    if (line.startsWith("delivered ")) {
                        delivered++;
                    }
                }
                child.destroyForcibly(); // SIGKILL
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(() -> readQuietly(childErr)).isEqualTo(137);
            assertThat(delivered).isEqualTo(KILL_AFTER);
            long filedBeforeRestart = bo.store.count();
            assertThat(filedBeforeRestart).isLessThan(REQUESTS);

            List<String> once = new ArrayList<>(List.of("sync", "--once"));
            once.addAll(List.of(settings));
            PrintStream oldOut = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int status;
            try {
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                status = KioskCommand.run(once.toArray(String[]::new));
            } finally {
                System.setOut(oldOut);
            }
            String report = captured.toString(StandardCharsets.UTF_8);
            assertThat(status).as(report).isZero();
            assertThat(report).contains("0 still pending");

            Map<String, String> serverIdByKey = new HashMap<>();
            bo.db.read("read the filings", c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT idempotency_key, service_request_id FROM service_requests")) {
                    while (rs.next()) {
                        assertThat(serverIdByKey.put(rs.getString(1), rs.getString(2))).as("key filed twice").isNull();
                    }
                }
                return null;
            });
            assertThat(serverIdByKey).hasSize(REQUESTS);
            try (var queue = new org.onetrip.kiosk.store.SqliteRequestQueue(data.resolve("kiosk.db"))) {
                long previous = 0;
                for (UUID id : filed) {
                    StoredRequest r = queue.find(id).orElseThrow();
                    assertThat(r.outboxState()).isEqualTo(OutboxState.DELIVERED);
                    assertThat(r.serviceRequestId()).isEqualTo(serverIdByKey.get(id.toString()));
                    long n = Long.parseLong(r.serviceRequestId());
                    assertThat(n).isGreaterThan(previous);
                    previous = n;
                }
            }
        }
    }
}
