package org.onetrip.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The umask as Linux reports it in /proc/self/status, read without JNA. */
class DataFolderUmaskTest {
    @TempDir
    Path tmp;

    private int umaskIn(String status) throws Exception {
        return DataFolder.umaskOf(Files.writeString(tmp.resolve("status"), status));
    }

    @Test
    void theUmaskLineIsReadAsOctal() throws Exception {
        assertThat(umaskIn("Name:\tjava\nUmask:\t0077\nState:\tR (running)\n")).isEqualTo(0077);
        assertThat(umaskIn("Name:\tjava\nUmask:\t0022\n")).isEqualTo(0022);
        assertThat(umaskIn("Umask:\t0277\n")).isEqualTo(0277);
    }

    @Test
    void aMissingOrMalformedLineOrFileIsUnknown() throws Exception {
        assertThat(umaskIn("Name:\tjava\nState:\tR (running)\n")).isEqualTo(-1); // Linux before 4.7
        assertThat(umaskIn("Umask:\t0089\n")).isEqualTo(-1);
        assertThat(umaskIn("Umask:\n")).isEqualTo(-1);
        assertThat(umaskIn("Umask:\t077777\n")).isEqualTo(-1);
        assertThat(DataFolder.umaskOf(tmp.resolve("no-such-file"))).isEqualTo(-1);
    }

    @Test
    void thisProcesssOwnUmaskIsReadOnLinux() {
        Path self = Path.of("/proc/self/status");
        if (Files.isReadable(self)) {
            assertThat(DataFolder.umaskOf(self)).isBetween(0, 0777);
        }
    }
}
