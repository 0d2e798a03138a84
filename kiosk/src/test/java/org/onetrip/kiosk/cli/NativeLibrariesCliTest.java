package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's and JNA's native libraries are loaded from their copies in DATA_DIR/native, made at the
 * first start, not copied to the temporary folder at every start (app/NativeLibraries). In a JVM of
 * its own, started as systemd starts the kiosk (umask 077); {@code selftest} uses both.
 */
class NativeLibrariesCliTest {
    @TempDir
    Path tmp;

    @Test
    void bothLibrariesLoadFromTheDataFolderAtTheFirstStartAndTheNext() throws Exception {
        Path data = tmp.resolve("data");
        Path native_ = data.resolve("native").toAbsolutePath();
        for (int start = 1; start <= 2; start++) {
            Path loaded = tmp.resolve("libraries-" + start + ".txt");
            Path scratch = Files.createDirectories(tmp.resolve("tmp-" + start));
            CliProcess.runWithUmask("077", tmp.resolve("work"),
                    List.of("-Xlog:library=info:file=" + loaded, "-Djava.io.tmpdir=" + scratch), "selftest", "--set",
                    "data.dir=" + data);

            List<String> lines = Files.readAllLines(loaded).stream().filter(l -> l.contains("Loaded library")).toList();
            assertThat(lines).as("start " + start).anyMatch(l -> l.contains("Loaded library " + native_ + "/libsqlitejdbc-"))
                    .anyMatch(l -> l.contains("Loaded library " + native_ + "/libjnidispatch-"))
                    .noneMatch(l -> l.contains(scratch.toString()));
        }
        try (var copies = Files.list(native_)) {
            assertThat(copies.map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(n -> n.matches("lib(sqlitejdbc|jnidispatch)-[0-9a-f]{8}\\.so"));
        }
    }
}
