package org.onetrip.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.scanner.ScanLineDecoder.Suffix;
import org.onetrip.kiosk.testing.Eventually;
import org.onetrip.kiosk.testing.LogCapture;

/** The serial scanner over a socat pty pair: the test writes what a scanner would send on the other end. */
class SerialQrScannerTest {
    private static final String URL = "http://127.0.0.1:8311/status/q1HZQ8fmDXlQaiKvNxqYbTpZ";

    @TempDir
    Path dir;
    private SocatPty pty;
    private SerialQrScanner scanner;
    private SerialLink wire;
    private final List<String> scans = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPty() throws Exception {
        assumeThat(SocatPty.available()).as("socat is installed").isTrue();
        pty = new SocatPty(dir).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (scanner != null) {
            scanner.close();
        }
        if (wire != null) {
            wire.close();
        }
        if (pty != null) {
            pty.stop();
        }
    }

    private void start(SerialQrScanner.Settings settings) throws Exception {
        scanner = new SerialQrScanner(pty.a().toString(), settings.withRetryDelay(Duration.ofMillis(200)));
        scanner.setScanListener(scans::add);
        scanner.start();
        Eventually.until("scanner online", () -> scanner.status().isOnline(), scanner::status);
        wire = SerialLink.open(pty.b().toString(), settings.baud());
    }

    private void send(String s) throws Exception {
        wire.writeAll(s.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitScans(int n) {
        Eventually.until(n + " scans", () -> scans.size() >= n, () -> scans);
    }

    @ParameterizedTest
    @EnumSource(Suffix.class)
    void eachSuffixDeliversTheCodeOnce(Suffix suffix) throws Exception {
        start(SerialQrScanner.Settings.defaults().withSuffix(suffix));
        String end = new String(suffix.bytes(), StandardCharsets.US_ASCII);

        send(URL + end);
        send("second-code" + end);

        awaitScans(2);
        assertThat(scans).containsExactly(URL, "second-code");
        assertThat(scanner.status().message()).contains(pty.a().toString()).contains("9600").contains(suffix.name());
    }

    @Test
    void aCodeWrittenInPiecesArrivesWhole() throws Exception {
        start(SerialQrScanner.Settings.defaults());
        for (int i = 0; i < URL.length(); i += 7) {
            send(URL.substring(i, Math.min(URL.length(), i + 7)));
            Thread.sleep(30);
        }
        send("\r");

        awaitScans(1);
        assertThat(scans).containsExactly(URL);
    }

    @Test
    void garbageOverlongAndPartialLinesAreDroppedWithALogLineAndNeverDelivered() throws Exception {
        try (LogCapture log = new LogCapture()) {
            start(SerialQrScanner.Settings.defaults());
            byte[] garbage = new byte[300];
            new Random(7).nextBytes(garbage);
            garbage[299] = '\r';
            for (int i = 0; i < 299; i++) {
                if (garbage[i] == '\r' || garbage[i] == '\n') {
                    garbage[i] = 0;
                }
            }
            wire.writeAll(garbage);
            send("A".repeat(600) + "\r");
            send("http://127.0.0.1:8311/status/cut-off-");
            Thread.sleep(2000); // four times the partial timeout
            send(URL + "\r");

            awaitScans(1);
            Thread.sleep(300);
            assertThat(scans).containsExactly(URL);
            assertThat(log.lines()).anyMatch(l -> l.contains("dropped a scan of 300 bytes") && l.contains("not printable"));
            assertThat(log.lines()).anyMatch(l -> l.contains("dropped a scan of 601 bytes") && l.contains("longer than 512"));
            assertThat(log.lines()).anyMatch(l -> l.contains("dropped a scan of 37 bytes") && l.contains("no CR within 500 ms"));
            assertThat(log.lines()).noneMatch(l -> l.contains("status/") || l.contains("AAAA"));
        }
    }

    @Test
    void aPrefixIsRequiredAndRemoved() throws Exception {
        start(SerialQrScanner.Settings.fromUri("scanner.device",
                uri("serial:" + pty.a() + "?baud=9600&suffix=CRLF&prefix=%02QR")));
        send(URL + "\r\n");
        send("\u0002QR" + URL + "\r\n");

        awaitScans(1);
        Thread.sleep(300);
        assertThat(scans).containsExactly(URL);
    }

    @Test
    void anUnpluggedScannerIsGoneAndComesBackByItself() throws Exception {
        start(SerialQrScanner.Settings.defaults());
        wire.close();
        pty.stop();

        Eventually.until("scanner gone", () -> scanner.status().detail() == StatusDetail.GONE, scanner::status);
        assertThat(scanner.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(scanner.status().message()).contains("unplugged");

        pty.start();
        Eventually.until("scanner back", () -> scanner.status().isOnline(), scanner::status);
        wire = SerialLink.open(pty.b().toString(), 9600);
        send(URL + "\r");
        awaitScans(1);
        assertThat(scans).containsExactly(URL);
    }

    @Test
    void aMissingPortIsGoneFromTheStart() {
        scanner = new SerialQrScanner(dir.resolve("no-such-tty").toString(),
                SerialQrScanner.Settings.defaults().withRetryDelay(Duration.ofMillis(200)));
        scanner.start();
        Eventually.until("scanner gone", () -> scanner.status().detail() == StatusDetail.GONE, scanner::status);
    }

    @Test
    void theWireTimeIsTenBitsABytePerBaud() {
        scanner = new SerialQrScanner("/dev/null", SerialQrScanner.Settings.defaults());
        assertThat(scanner.wireTime(96)).isEqualTo(Duration.ofMillis(100));
    }

    // ---- settings from the profile

    private static DeviceUri uri(String s) {
        return DeviceUri.parse("scanner.device", s, EnumSet.allOf(DeviceUri.Scheme.class));
    }

    @Test
    void settingsDefaultTo9600BaudCrAndNoPrefix() {
        SerialQrScanner.Settings s = SerialQrScanner.Settings.fromUri("scanner.device", uri("serial:/dev/ttyACM0"));
        assertThat(s.baud()).isEqualTo(9600);
        assertThat(s.suffix()).isEqualTo(Suffix.CR);
        assertThat(s.prefix()).isEmpty();
    }

    @Test
    void settingsReadBaudSuffixAndAPercentEscapedPrefix() {
        SerialQrScanner.Settings s = SerialQrScanner.Settings.fromUri("scanner.device",
                uri("serial:/dev/kiosk-scanner?baud=115200&suffix=crlf&prefix=%02]Q"));
        assertThat(s.baud()).isEqualTo(115200);
        assertThat(s.suffix()).isEqualTo(Suffix.CRLF);
        assertThat(s.prefix()).containsExactly(0x02, ']', 'Q');
    }

    @Test
    void badSettingsNameTheKey() {
        for (String bad : new String[] {"serial:/dev/x?baud=9601", "serial:/dev/x?baud=fast", "serial:/dev/x?suffix=TAB",
                "serial:/dev/x?prefix=%0", "serial:/dev/x?prefix=%zz", "serial:/dev/x?sufix=CR"}) {
            assertThatThrownBy(() -> SerialQrScanner.Settings.fromUri("scanner.device", uri(bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("scanner.device");
        }
    }
}
