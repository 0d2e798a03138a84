package org.onetrip.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.config.DeviceUri.Scheme;

class KioskConfigTest {

    @TempDir
    Path dir;

    /** The refusal of {@code overrides} on top of the simulator profile, checked to name key and value. */
    private static ConfigException refusal(String key, String value, String... more) {
        String[] overrides = Stream.concat(Stream.of(key + "=" + value), Stream.of(more)).toArray(String[]::new);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> KioskConfig.simulator(overrides).validate());
        assertThat(e).as("%s=%s should be refused", key, value).isNotNull();
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.getMessage()).contains("'" + key + "'").contains("'" + value + "'").contains(e.allowed());
        return e;
    }

    private static String bundledProfileText() throws IOException {
        try (InputStream in = KioskConfig.class.getResourceAsStream(KioskConfig.DEFAULT_PROFILE)) {
            assertThat(in).as("bundled profile").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path profileWithout(String key) throws IOException {
        String text = bundledProfileText().lines().filter(l -> !l.startsWith(key + "="))
                .collect(Collectors.joining("\n"));
        Path p = dir.resolve("without-" + key + ".properties");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    // ---- the simulator profile

    @Test
    void theBundledSimulatorProfileValidates() {
        KioskConfig c = KioskConfig.simulator().validate();

        assertThat(c.source()).isEqualTo("bundled simulator profile");
        assertThat(c.kioskId()).isEqualTo("sim-kiosk-01");
        assertThat(c.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(List.of(c.idCardDevice().scheme(), c.printerDevice().scheme(), c.scannerDevice().scheme()))
                .containsOnly(Scheme.SIM);
        assertThat(c.paperWidthMm()).isEqualTo(80);
        assertThat(c.idleTimeoutSeconds()).isEqualTo(90);
        assertThat(c.idleWarningSeconds()).isEqualTo(20);
        assertThat(c.attractAfterSeconds()).isEqualTo(60);
        assertThat(c.statusUrlBase()).isEqualTo("http://127.0.0.1:8311/status/");
        assertThat(c.backOfficeUrl()).isEmpty();
        assertThat(c.backOfficeApiKey()).isEmpty();
        assertThat(c.fullscreen()).isFalse();
        assertThat(c.simulatorPanel()).isTrue();
        assertThat(c.uiWidth()).isEqualTo(1280);
        assertThat(c.uiHeight()).isEqualTo(800);
        assertThat(c.catalogFile()).isNull();
        assertThat(c.retentionDays()).isEqualTo(30);
        assertThat(c.centreName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("桐城街道党群服务中心");
        assertThat(c.centreName(Locale.ENGLISH)).startsWith("Tongcheng");
    }

    @Test
    void theProfileInFirmwareConfigIsTheBundledOneAndReadsAsUtf8() throws IOException {
        // Surefire runs in the module folder; the technician's copy lives beside it.
        Path onDisk = Path.of("..", "firmware-config", "profiles", "simulator.properties");
        assertThat(Files.readString(onDisk, StandardCharsets.UTF_8)).isEqualTo(bundledProfileText());

        KioskConfig c = KioskConfig.load(onDisk, List.of()).validate();

        assertThat(c.source()).isEqualTo(onDisk.toString());
        assertThat(c.centreName(Locale.SIMPLIFIED_CHINESE)).as("UTF-8, not ISO-8859-1").isEqualTo("桐城街道党群服务中心");
        assertThat(c.centreHours(Locale.SIMPLIFIED_CHINESE)).startsWith("窗口办理");
    }

    // ---- overrides

    @Test
    void setOverridesWinOverTheProfile() {
        KioskConfig c = KioskConfig.simulator("kiosk.id=lobby-2", "printer.paper-width-mm=58", "kiosk.locale=en",
                "printer.device=tcp:192.0.2.10:9100", "session.idle-timeout-s=120", "ui.fullscreen=true").validate();

        assertThat(c.kioskId()).isEqualTo("lobby-2");
        assertThat(c.paperWidthMm()).isEqualTo(58);
        assertThat(c.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(c.printerDevice().scheme()).isEqualTo(Scheme.TCP);
        assertThat(c.idleTimeoutSeconds()).isEqualTo(120);
        assertThat(c.fullscreen()).isTrue();
    }

    @Test
    void overridesApplyOnTopOfAProfileFileTooButOneKeySetTwiceIsRefused() throws IOException {
        Path p = dir.resolve("kiosk.properties");
        Files.writeString(p, bundledProfileText().replace("kiosk.id=sim-kiosk-01", "kiosk.id=from-file"));

        assertThat(KioskConfig.load(p, List.of()).validate().kioskId()).isEqualTo("from-file");
        assertThat(KioskConfig.load(p, List.of(" kiosk.id = first ")).validate().kioskId()).isEqualTo("first");
        // Which one was meant? Refused rather than guessed (issue 10).
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> KioskConfig.load(p, List.of(" kiosk.id = first ", "ui.width=1024", "kiosk.id=second")));
        assertThat(e.key()).isEqualTo("kiosk.id");
        assertThat(e).hasMessage("--set kiosk.id is given twice (the 1st and the 3rd --set); keep one");
    }

    @Test
    void anOverrideMayHoldAnEqualsSign() {
        KioskConfig c = KioskConfig.simulator("backoffice.api-key=abc==").validate();
        assertThat(c.backOfficeApiKey()).isEqualTo("abc==");
    }

    @Test
    void aSetWithoutKeyEqualsValueIsRefused() {
        for (String bad : List.of("kiosk.id", "=sim-kiosk-02")) {
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.simulator(bad));
            assertThat(e.key()).isEqualTo("--set");
            assertThat(e.value()).isEqualTo(bad);
            assertThat(e.allowed()).isEqualTo("KEY=VALUE");
        }
    }

    @Test
    void aMissingConfigFileIsRefusedWithItsPath() {
        Path missing = dir.resolve("no-such-profile.properties");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.load(missing, List.of()));

        assertThat(e.key()).isEqualTo("--config");
        assertThat(e.value()).isEqualTo(missing.toString());
        assertThat(e.getMessage()).contains(missing.toString()).contains("readable profile file");
    }

    @Test
    void aFolderGivenAsConfigFileIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.load(dir, List.of()));
        assertThat(e.key()).isEqualTo("--config");
        assertThat(e.value()).isEqualTo(dir.toString());
    }

    // ---- every key's wrong value

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("kiosk.id", "", "1 to 64 letters"),
                Arguments.of("kiosk.id", "lobby kiosk", "1 to 64 letters"),
                Arguments.of("kiosk.id", "大厅一号机", "1 to 64 letters"),
                Arguments.of("kiosk.id", "k".repeat(65), "1 to 64 letters"),
                Arguments.of("kiosk.locale", "zh_CN", "zh-CN | en"),
                Arguments.of("kiosk.locale", "fr", "zh-CN | en"),
                Arguments.of("data.dir", "", "folder"),
                Arguments.of("idcard.device", "tcp:192.0.2.10:9100", "sim | none | serial:PATH?baud=N"),
                Arguments.of("idcard.device", "keyboard", "sim | none | serial:PATH?baud=N"),
                Arguments.of("idcard.device", "file:/dev/usb/lp0", "sim | none | serial:PATH?baud=N"),
                Arguments.of("idcard.device", "", "sim | none | serial:PATH?baud=N"),
                Arguments.of("printer.device", "keyboard", "tcp:HOST:PORT"),
                Arguments.of("printer.device", "camera:rpicam-still -o -", "file:PATH"),
                Arguments.of("printer.device", "usb:/dev/usb/lp0", "tcp:HOST:PORT"),
                Arguments.of("printer.device", "tcp:192.0.2.10", "1..65535"),
                Arguments.of("printer.device", "serial:", "serial:PATH"),
                Arguments.of("scanner.device", "tcp:192.0.2.10:9100", "keyboard"),
                Arguments.of("scanner.device", "file:/dev/hidraw0", "camera:COMMAND"),
                Arguments.of("scanner.device", "sim:x", "no path"),
                Arguments.of("printer.paper-width-mm", "70", "58 | 80"),
                Arguments.of("printer.paper-width-mm", "58mm", "58 | 80"),
                Arguments.of("printer.paper-width-mm", "57.5", "58 | 80"),
                Arguments.of("session.idle-timeout-s", "14", "from 15 to 900"),
                Arguments.of("session.idle-timeout-s", "901", "from 15 to 900"),
                Arguments.of("session.idle-timeout-s", "ninety", "from 15 to 900"),
                Arguments.of("session.idle-timeout-s", "-90", "from 15 to 900"),
                Arguments.of("session.idle-timeout-s", "99999999999", "from 15 to 900"),
                Arguments.of("session.idle-warning-s", "4", "from 5 to 120"),
                Arguments.of("session.idle-warning-s", "121", "from 5 to 120"),
                Arguments.of("ui.attract-after-s", "0", "from 5 to 3600"),
                Arguments.of("status.url-base", "", "http(s) URL"),
                Arguments.of("status.url-base", "ftp://192.0.2.1/status/", "http(s) URL"),
                Arguments.of("status.url-base", "127.0.0.1:8311/status/", "http(s) URL"),
                Arguments.of("status.url-base", "http://", "http(s) URL"),
                Arguments.of("status.url-base", "http://exa mple/status/", "http(s) URL"),
                Arguments.of("status.url-base", "https://kiosk.example.gov.cn/status", "ending in '/' or '='"),
                Arguments.of("status.url-base", "https://kiosk.example.gov.cn", "ending in '/' or '='"),
                Arguments.of("backoffice.url", "ftp://backoffice.example/open311/v2/", "Open311"),
                Arguments.of("backoffice.url", "backoffice.example/open311/v2/", "Open311"),
                Arguments.of("backoffice.timeout-s", "0", "from 1 to 300"),
                Arguments.of("backoffice.timeout-s", "20s", "from 1 to 300"),
                Arguments.of("backoffice.retry-min-ms", "5", "from 10 to 60000"),
                Arguments.of("backoffice.retry-max-s", "0", "from 1 to 86400"),
                Arguments.of("backoffice.status-refresh-s", "1", "from 5 to 86400"),
                Arguments.of("backoffice.heartbeat-s", "5", "from 10 to 3600"),
                Arguments.of("ui.fullscreen", "yes", "true | false"),
                Arguments.of("ui.fullscreen", "TRUE", "true | false"),
                Arguments.of("ui.simulator-panel", "1", "true | false"),
                Arguments.of("ui.width", "100", "from 320 to 7680"),
                Arguments.of("ui.height", "tall", "from 240 to 4320"),
                Arguments.of("privacy.retention-days", "0", "from 1 to 3650"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("wrongValues")
    void aWrongValueIsRefusedWithKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThat(refusal(key, value).allowed()).contains(allowed);
    }

    @Test
    void theFirstRetryWaitMayNotExceedItsCap() {
        assertThat(refusal("backoffice.retry-min-ms", "5000", "backoffice.retry-max-s=2").allowed())
                .contains("backoffice.retry-max-s");
        KioskConfig c = KioskConfig.simulator("backoffice.retry-min-ms=2000", "backoffice.retry-max-s=2").validate();
        assertThat(c.backOfficeRetryMinMillis()).isEqualTo(2000);
        assertThat(KioskConfig.simulator().validate().backOfficeTimeoutSeconds()).isEqualTo(20);
        assertThat(KioskConfig.simulator().validate().backOfficeHeartbeatSeconds()).isEqualTo(60);
    }

    @Test
    void theIdCardReaderRefusesTcpThatThePrinterAccepts() {
        assertThat(KioskConfig.simulator("printer.device=tcp:192.0.2.10:9100").validate().printerDevice().port())
                .isEqualTo(9100);
        assertThat(refusal("idcard.device", "tcp:192.0.2.10:9100").allowed()).doesNotContain("tcp");
    }

    @Test
    void everyDeviceAcceptsItsOwnSchemes() {
        KioskConfig c = KioskConfig.simulator("idcard.device=serial:/dev/kiosk-idcard?baud=115200",
                "printer.device=file:/dev/usb/lp0", "scanner.device=keyboard").validate();
        assertThat(c.idCardDevice().path()).isEqualTo("/dev/kiosk-idcard");
        assertThat(c.printerDevice().path()).isEqualTo("/dev/usb/lp0");
        assertThat(c.scannerDevice().scheme()).isEqualTo(Scheme.KEYBOARD);
        assertThat(KioskConfig.simulator("scanner.device=camera:rpicam-still -n -o -").validate()
                .scannerDevice().path()).isEqualTo("rpicam-still -n -o -");
        assertThat(KioskConfig.simulator("printer.device=none", "idcard.device=none", "scanner.device=none")
                .validate().printerDevice().scheme()).isEqualTo(Scheme.NONE);
    }

    @Test
    void theWarningMustBeShorterThanTheTimeout() {
        ConfigException equal = refusal("session.idle-warning-s", "30", "session.idle-timeout-s=30");
        assertThat(equal.allowed()).contains("session.idle-timeout-s");

        refusal("session.idle-warning-s", "60", "session.idle-timeout-s=30");

        KioskConfig ok = KioskConfig.simulator("session.idle-timeout-s=30", "session.idle-warning-s=29").validate();
        assertThat(ok.idleWarningSeconds()).isEqualTo(29);
    }

    @Test
    void theRangesIncludeTheirEnds() {
        KioskConfig low = KioskConfig.simulator("session.idle-timeout-s=15", "session.idle-warning-s=5",
                "ui.attract-after-s=5", "privacy.retention-days=1").validate();
        assertThat(List.of(low.idleTimeoutSeconds(), low.idleWarningSeconds(), low.attractAfterSeconds(),
                low.retentionDays())).containsExactly(15, 5, 5, 1);
        KioskConfig high = KioskConfig.simulator("session.idle-timeout-s=900", "session.idle-warning-s=120",
                "ui.attract-after-s=3600", "privacy.retention-days=3650").validate();
        assertThat(List.of(high.idleTimeoutSeconds(), high.idleWarningSeconds(), high.attractAfterSeconds(),
                high.retentionDays())).containsExactly(900, 120, 3600, 3650);
    }

    @Test
    void theStatusUrlBaseEndsWhereATokenCanFollow() {
        assertThat(KioskConfig.simulator("status.url-base=https://kiosk.example.gov.cn/status/").validate()
                .statusUrlBase()).isEqualTo("https://kiosk.example.gov.cn/status/");
        assertThat(KioskConfig.simulator("status.url-base=https://kiosk.example.gov.cn/s?t=").validate()
                .statusUrlBase()).isEqualTo("https://kiosk.example.gov.cn/s?t=");
    }

    @Test
    void anHttpsBackOfficeIsAcceptedAndEmptyMeansNone() {
        assertThat(KioskConfig.simulator("backoffice.url=https://backoffice.example/open311/v2/").validate()
                .backOfficeUrl()).isEqualTo("https://backoffice.example/open311/v2/");
        assertThat(KioskConfig.simulator("backoffice.url=").validate().backOfficeUrl()).isEmpty();
    }

    @Test
    void aMissingDataDirIsReportedAsNoValue() throws IOException {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> KioskConfig.load(profileWithout("data.dir"), List.of()).validate());

        assertThat(e.key()).isEqualTo("data.dir");
        assertThat(e.value()).isNull();
        assertThat(e.getMessage()).contains("'data.dir'").contains("no value").contains("folder");
    }

    @Test
    void missingRequiredKeysAreReportedByName() throws IOException {
        for (String key : List.of("kiosk.id", "idcard.device", "printer.device", "scanner.device", "status.url-base")) {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> KioskConfig.load(profileWithout(key), List.of()).validate());
            assertThat(e).as(key).isNotNull();
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.value()).isNull();
        }
    }

    @Test
    void optionalKeysMayBeLeftOutAndTakeTheirDefaults() throws IOException {
        Path p = dir.resolve("minimal.properties");
        Files.writeString(p, String.join("\n", "kiosk.id=k1", "data.dir=" + dir.resolve("data"), "idcard.device=sim",
                "printer.device=sim", "scanner.device=none", "status.url-base=https://kiosk.example/status/"));

        KioskConfig c = KioskConfig.load(p, List.of()).validate();

        assertThat(c.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(c.paperWidthMm()).isEqualTo(80);
        assertThat(c.idleTimeoutSeconds()).isEqualTo(90);
        assertThat(c.idleWarningSeconds()).isEqualTo(20);
        assertThat(c.attractAfterSeconds()).isEqualTo(60);
        assertThat(c.simulatorPanel()).isFalse();
        assertThat(c.retentionDays()).isEqualTo(30);
    }

    @Test
    void anUnknownKeyIsATypoAndRefused() {
        ConfigException e = refusal("printer.devcie", "tcp:192.0.2.10:9100");
        assertThat(e.allowed()).contains("documented key");
    }

    @Test
    void anUnknownKeyInAProfileFileIsRefusedToo() throws IOException {
        Path p = dir.resolve("typo.properties");
        Files.writeString(p, bundledProfileText() + "\nsession.idle-timout-s=60\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.load(p, List.of()).validate());

        assertThat(e.key()).isEqualTo("session.idle-timout-s");
        assertThat(e.value()).isEqualTo("60");
    }

    @Test
    void aCatalogueFileThatIsNotThereIsRefusedAtStart() {
        Path missing = dir.resolve("services.json");
        ConfigException e = refusal("catalog.file", missing.toString());
        assertThat(e.allowed()).contains("catalogue file");
    }

    @Test
    void aCatalogueFileThatIsThereIsAccepted() throws IOException {
        Path file = Files.writeString(dir.resolve("services.json"), "{}");
        assertThat(KioskConfig.simulator("catalog.file=" + file).validate().catalogFile()).isEqualTo(file);
    }
}
