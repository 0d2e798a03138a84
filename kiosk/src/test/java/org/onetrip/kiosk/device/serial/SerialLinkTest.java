package org.onetrip.kiosk.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialLinkTest {
    @TempDir
    Path dir;
    private SocatPty pty;

    @BeforeEach
    void startPty() throws Exception {
        assumeThat(SocatPty.available()).as("socat is installed").isTrue();
        pty = new SocatPty(dir).start();
    }

    @AfterEach
    void stopPty() throws Exception {
        if (pty != null) {
            pty.stop();
        }
    }

    @Test
    void aMissingNodeIsGone() {
        assertThatThrownBy(() -> SerialLink.open(dir.resolve("nothing").toString(), 115200))
                .isInstanceOfSatisfying(SerialLinkException.class, e -> {
                    assertThat(e.gone()).isTrue();
                    assertThat(e.problem()).isEqualTo(SerialLinkException.Problem.NOT_FOUND);
                    assertThat(e.getMessage()).contains("does not exist");
                });
    }

    @Test
    void aFileThatIsNoTerminalIsNotASerialPort() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        try (SerialLink link = SerialLink.open(file.toString(), 115200)) {
            // Some jSerialComm builds open anything; then it must at least not pretend to be gone.
            assertThat(link.isOpen()).isTrue();
        } catch (SerialLinkException e) {
            assertThat(e.gone()).isFalse();
        }
    }

    @Test
    void bytesCrossThePairInBothDirections() throws Exception {
        try (SerialLink a = SerialLink.open(pty.a().toString(), 115200);
                SerialLink b = SerialLink.open(pty.b().toString(), 115200)) {
            byte[] sent = new byte[3000];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = (byte) i;
            }
            a.writeAll(sent);
            byte[] got = readExactly(b, sent.length);
            assertThat(got).isEqualTo(sent);
            b.writeAll(new byte[] {(byte) 0xAA, 0x55});
            assertThat(readExactly(a, 2)).containsExactly(0xAA, 0x55);
        }
    }

    @Test
    void aQuietLineTimesOutWithZero() throws Exception {
        try (SerialLink a = SerialLink.open(pty.a().toString(), 115200)) {
            assertThat(a.read(new byte[10], 0, 10, 0)).isZero();
            assertThat(a.read(new byte[10], 0, 10, 250)).isZero();
        }
    }

    @Test
    void killingTheOtherEndMakesTheLinkGone() throws Exception {
        try (SerialLink a = SerialLink.open(pty.a().toString(), 115200)) {
            pty.stop();
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < deadline) {
                    a.read(new byte[10], 0, 10, 200);
                }
            }).isInstanceOfSatisfying(SerialLinkException.class, e -> assertThat(e.gone()).isTrue());
            assertThatThrownBy(() -> a.writeAll(new byte[] {1})).isInstanceOf(SerialLinkException.class);
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRead() throws Exception {
        SerialLink a = SerialLink.open(pty.a().toString(), 115200);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                outcome.set(a.read(new byte[10], 0, 10, 60_000));
            } catch (SerialLinkException e) {
                outcome.set(e);
            }
        });
        reader.start();
        Thread.sleep(200);
        a.close();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(SerialLinkException.class);
        assertThat(a.isOpen()).isFalse();
    }

    private static byte[] readExactly(SerialLink link, int n) throws Exception {
        byte[] out = new byte[n];
        int got = 0;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (got < n && System.nanoTime() < deadline) {
            got += link.read(out, got, n - got, 500);
        }
        assertThat(got).isEqualTo(n);
        return out;
    }
}
