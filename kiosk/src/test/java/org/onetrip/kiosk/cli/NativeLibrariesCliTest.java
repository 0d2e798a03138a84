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
            assertThat(lines).as("start " + start)
                    .anyMatch(l -> l.matches(".*Loaded library " + java.util.regex.Pattern.quote(native_.toString()) + "/sqlite-[0-9a-f]{8}/libsqlitejdbc\\.so.*"))
                    .anyMatch(l -> l.matches(".*Loaded library " + java.util.regex.Pattern.quote(native_.toString()) + "/jna-[0-9a-f]{8}/libjnidispatch\\.so.*"))
                    .noneMatch(l -> l.contains(scratch.toString()));
        }
        try (var copies = Files.walk(native_)) {
            assertThat(copies.filter(Files::isRegularFile).map(p -> native_.relativize(p).toString()))
                    .hasSize(2).allMatch(n -> n.matches("(sqlite-[0-9a-f]{8}/libsqlitejdbc|jna-[0-9a-f]{8}/libjnidispatch)\\.so"));
        }
    }

    /**
     * Why only the folder is set, never the library's name: a loader that cannot load from the
     * folder (a noexec mount, a copy gone) looks for the same name in its jar and copies it to /tmp
     * as before. Shown with a folder that holds nothing: the store still opens.
     */
    @Test
    void aFolderTheLoaderCannotUseFallsBackToTheJar() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliProcess.runWithUmask("077", tmp.resolve("work"), List.of("-Dorg.sqlite.lib.path=" + empty),
                "queue", "--json", "--set", "data.dir=" + tmp.resolve("data"));

        assertThat(r.status()).as(r.err()).isZero();
        r.json();
    }
}
