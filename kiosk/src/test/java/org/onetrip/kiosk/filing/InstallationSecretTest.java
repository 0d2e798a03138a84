package org.onetrip.kiosk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationSecretTest {
    @TempDir
    Path data;

    private Path file() {
        return data.resolve(InstallationSecret.FILE_NAME);
    }

    @Test
    void theFirstStartMakesA256BitSecretReadableByTheOwnerOnly() throws Exception {
        byte[] s = InstallationSecret.loadOrCreate(file());

        assertThat(s).hasSize(32);
        assertThat(Files.readAllBytes(file())).isEqualTo(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        try (var listing = Files.list(data)) {
            assertThat(listing).containsExactly(file()); // no temporary file left behind
        }
    }

    @Test
    void laterStartsReadTheSameSecretSoOldReceiptsStillVerify() {
        String token = ReceiptTokens.forInstallation(data, () -> 0L).next();

        assertThat(ReceiptTokens.forInstallation(data, () -> 0L).verify(token)).isTrue();
        assertThat(InstallationSecret.loadOrCreate(file())).isEqualTo(InstallationSecret.loadOrCreate(file()));
    }

    @Test
    void twoInstallationsHaveDifferentSecrets(@TempDir Path other) {
        String token = ReceiptTokens.forInstallation(data, () -> 0L).next();

        assertThat(ReceiptTokens.forInstallation(other, () -> 0L).verify(token)).isFalse();
    }

    @Test
    void aSecretOthersCanReadIsMadeOwnerOnlyAgain() throws Exception {
        byte[] s = InstallationSecret.loadOrCreate(file());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(InstallationSecret.loadOrCreate(file())).isEqualTo(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedSecretStopsTheKioskAndIsLeftAlone() throws Exception {
        Files.write(file(), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> InstallationSecret.loadOrCreate(file()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("3 bytes").hasMessageContaining("backup");
        assertThat(Files.readAllBytes(file())).containsExactly(1, 2, 3);
    }

    @Test
    void processesStartingTogetherAgreeOnOneSecret() throws Exception {
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<byte[]>> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return InstallationSecret.loadOrCreate(file());
                }));
            }
            byte[] first = got.get(0).get();
            for (Future<byte[]> f : got) {
                assertThat(f.get()).isEqualTo(first);
            }
            assertThat(Files.readAllBytes(file())).isEqualTo(first);
            try (var listing = Files.list(data)) {
                assertThat(listing).containsExactly(file());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
