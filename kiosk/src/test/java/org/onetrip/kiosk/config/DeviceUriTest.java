package org.onetrip.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.config.DeviceUri.Scheme;

class DeviceUriTest {
    private static final String KEY = "printer.device";
    private static final Set<Scheme> ALL = EnumSet.allOf(Scheme.class);

    private static DeviceUri parse(String value) {
        return DeviceUri.parse(KEY, value, ALL);
    }

    private static ConfigException refused(String value, Set<Scheme> schemes) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> DeviceUri.parse(KEY, value, schemes));
        assertThat(e).as("'%s' should be refused", value).isNotNull();
        assertThat(e.key()).isEqualTo(KEY);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.getMessage()).contains(KEY);
        return e;
    }

    @Test
    void wordSchemesHaveNoPathAndNoParameters() {
        for (var c : Map.of("sim", Scheme.SIM, "none", Scheme.NONE, "keyboard", Scheme.KEYBOARD).entrySet()) {
            DeviceUri u = parse(c.getKey());
            assertThat(u.scheme()).isEqualTo(c.getValue());
            assertThat(u.path()).isEmpty();
            assertThat(u.params()).isEmpty();
            assertThat(u).hasToString(c.getKey());
        }
    }

    @Test
    void surroundingBlanksAreIgnored() {
        DeviceUri u = parse("  sim \t");
        assertThat(u.scheme()).isEqualTo(Scheme.SIM);
        assertThat(u.text()).isEqualTo("sim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:fast", "none:/dev/null", "keyboard:us"})
    void wordSchemesRefuseAPath(String value) {
        assertThat(refused(value, ALL).allowed()).contains("takes no path");
    }

    @Test
    void serialKeepsPathAndParameters() {
        DeviceUri u = parse("serial:/dev/ttyUSB0?baud=115200&parity=none");
        assertThat(u.scheme()).isEqualTo(Scheme.SERIAL);
        assertThat(u.path()).isEqualTo("/dev/ttyUSB0");
        assertThat(u.params()).containsExactly(Map.entry("baud", "115200"), Map.entry("parity", "none"));
        assertThat(u.intParam(KEY, "baud", 9600)).isEqualTo(115200);
        assertThat(u.intParam(KEY, "databits", 8)).as("absent: the default").isEqualTo(8);
        assertThat(u).hasToString("serial:/dev/ttyUSB0?baud=115200&parity=none");
    }

    @Test
    void serialWithoutParametersHasNone() {
        DeviceUri u = parse("serial:/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
        assertThat(u.path()).isEqualTo("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
        assertThat(u.params()).isEmpty();
    }

    @Test
    void parametersCannotBeChangedFromOutside() {
        DeviceUri u = parse("serial:/dev/ttyS0?baud=9600");
        assertThatThrownBy(() -> u.params().put("baud", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNonNumericIntegerParameterIsAConfigurationError() {
        DeviceUri u = parse("serial:/dev/ttyUSB0?baud=fast");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> u.intParam(KEY, "baud", 9600));
        assertThat(e.key()).isEqualTo(KEY);
        assertThat(e.value()).isEqualTo("serial:/dev/ttyUSB0?baud=fast");
        assertThat(e.allowed()).contains("baud");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial", "serial:", "serial:?baud=115200", "file:", "file"})
    void serialAndFileNeedAPath(String value) {
        assertThat(refused(value, ALL).allowed()).contains("PATH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial:/dev/ttyUSB0?baud", "serial:/dev/ttyUSB0?=115200"})
    void parametersAreNameEqualsValue(String value) {
        assertThat(refused(value, ALL).allowed()).contains("name=value");
    }

    @Test
    void tcpHasHostAndPort() {
        DeviceUri u = parse("tcp:192.0.2.10:9100");
        assertThat(u.scheme()).isEqualTo(Scheme.TCP);
        assertThat(u.host()).isEqualTo("192.0.2.10");
        assertThat(u.port()).isEqualTo(9100);

        DeviceUri named = parse("tcp:printer.lobby.local:1");
        assertThat(named.host()).isEqualTo("printer.lobby.local");
        assertThat(named.port()).isEqualTo(1);

        assertThat(parse("tcp:h:65535").port()).isEqualTo(65535);
    }

    @Test
    void tcpTakesAnIpv6HostInBrackets() {
        DeviceUri u = parse("tcp:[2001:db8::10]:9100");
        assertThat(u.host()).isEqualTo("[2001:db8::10]");
        assertThat(u.port()).isEqualTo(9100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp:", "tcp:192.0.2.10", "tcp::9100", "tcp:192.0.2.10:", "tcp:192.0.2.10:0",
            "tcp:192.0.2.10:65536", "tcp:192.0.2.10:99999", "tcp:192.0.2.10:123456", "tcp:192.0.2.10:-1",
            "tcp:192.0.2.10:91oo", "tcp:192.0.2.10: 9100"})
    void tcpRefusesAMissingOrOutOfRangePort(String value) {
        assertThat(refused(value, ALL).allowed()).contains("1..65535");
    }

    @Test
    void fileKeepsItsPath() {
        DeviceUri u = parse("file:/dev/usb/lp0");
        assertThat(u.scheme()).isEqualTo(Scheme.FILE);
        assertThat(u.path()).isEqualTo("/dev/usb/lp0");
    }

    @Test
    void cameraKeepsAWholeCommandLineVerbatim() {
        String command = "rpicam-still -n -t 1 --width 640 -o - --flush ?x=1&y=2 http://a:b@c";
        DeviceUri u = parse("camera:" + command);
        assertThat(u.scheme()).isEqualTo(Scheme.CAMERA);
        assertThat(u.path()).isEqualTo(command);
        assertThat(u.params()).as("'?' and '&' belong to the command").isEmpty();
        assertThat(u).hasToString("camera:" + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"camera:", "camera:   "})
    void cameraNeedsACommand(String value) {
        refused(value, ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usb:/dev/lp0", "simulator", "off", "COM3", "/dev/ttyUSB0", "http://192.0.2.1/"})
    void anUnknownSchemeIsRefusedWithTheSyntax(String value) {
        assertThat(refused(value, ALL).allowed()).isEqualTo(DeviceUri.SYNTAX);
    }

    @Test
    void aBlankOrMissingValueIsRefused() {
        refused("", ALL);
        refused("  ", ALL);
        ConfigException missing = catchThrowableOfType(ConfigException.class, () -> DeviceUri.parse(KEY, null, ALL));
        assertThat(missing.value()).isNull();
        assertThat(missing.getMessage()).contains(KEY).contains("no value");
    }

    @Test
    void aSchemeOutsideTheAllowedSetIsRefusedAndOnlyTheAllowedOnesAreNamed() {
        ConfigException e = refused("tcp:192.0.2.10:9100", EnumSet.of(Scheme.SIM, Scheme.NONE, Scheme.SERIAL));
        assertThat(e.allowed()).isEqualTo("sim | none | serial:PATH?baud=N");
        assertThat(e.getMessage()).contains("tcp:192.0.2.10:9100").contains("sim | none | serial:PATH?baud=N");
    }
}
