package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * Kills a filing JVM with SIGKILL right after it printed a ticket, then checks that every printed
 * ticket is in the store and that numbering goes on without reuse. A killed process leaves the OS
 * page cache intact, so this proves the transaction boundaries, not the fsyncs (that is
 * {@code synchronous=FULL}'s job, see SqliteRequestQueue).
 */
class SqliteRequestQueueCrashTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a hung child, not a speed check
    void everyPrintedTicketSurvivesAKillAndNoTicketIsReused() throws Exception {
        Path db = dir.resolve("store.db");
        int expectedTotal = 0;
        // Several rounds on one database: each restart must recover the previous kill.
        for (int killAfter : List.of(25, 40, 7)) {
            Map<UUID, String> printed = fileUntilKilled(db, killAfter, dir.resolve("child-" + killAfter + ".err"));
            assertThat(printed).hasSize(killAfter);

            try (SqliteRequestQueue queue = new SqliteRequestQueue(db)) {
                printed.forEach((id, ticket) -> assertThat(queue.find(id)).map(StoredRequest::ticket)
                        .as("printed ticket %s", ticket).contains(ticket));

                List<String> stored = TestRequests.column(db, "SELECT ticket FROM requests ORDER BY ticket");
                assertThat(stored.size()).isGreaterThanOrEqualTo(expectedTotal + killAfter);
                // Every committed filing has its number, and none is missing or doubled.
                int n = stored.size();
                assertThat(stored).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, n)
                        .mapToObj(i -> String.format("D-%03d", i)).collect(Collectors.toList()));
                assertThat(TestRequests.column(db, "SELECT last FROM ticket_sequence")).containsExactly(
                        String.valueOf(n));

                String next = queue.file(TestRequests.request().build()).ticket();
                assertThat(next).isEqualTo(String.format("D-%03d", n + 1));
                assertThat(stored).doesNotContain(next);
                expectedTotal = n + 1;
            }
        }
    }

    /** Starts {@link CrashFiler} and SIGKILLs it as soon as it has printed {@code killAfter} tickets. */
    private static Map<UUID, String> fileUntilKilled(Path db, int killAfter, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashFiler.class.getName(), db.toString())
                .redirectError(stderr.toFile())
                .start();
        Map<UUID, String> printed = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("TICKET ")) {
                    String[] parts = line.split(" ");
                    printed.put(UUID.fromString(parts[2]), parts[1]);
                    if (printed.size() == killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(printed).as("tickets printed before the child ended; its stderr:%n%s",
                Files.exists(stderr) ? Files.readString(stderr) : "").hasSize(killAfter);
        return printed;
    }
}
