package org.onetrip.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cabinet I/O keys: device, BCM pins, active-low flags and the dimming delay. */
class KioskConfigIoTest {

    @TempDir
    Path dir;

    private static ConfigException refusal(String... overrides) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.simulator(overrides).validate());
        assertThat(e).as("%s should be refused", List.of(overrides)).isNotNull();
        assertThat(e.getMessage()).contains("'" + e.key() + "'").contains(e.allowed());
        return e;
    }

    @Test
    void theSimulatorProfileRunsTheIoOnTheMockPlatformWithThePiPins() throws IOException {
        KioskConfig sim = KioskConfig.simulator().validate();
        KioskConfig pi = KioskConfig.load(Path.of("..", "firmware-config", "profiles", "pi.properties"), List.of()).validate();

        assertThat(sim.ioDevice()).isEqualTo("sim");
        assertThat(pi.ioDevice()).isEqualTo("pi4j");
        for (String key : KioskConfig.IO_PIN_KEYS) {
            assertThat(sim.ioPin(key)).as(key).isEqualTo(pi.ioPin(key)).isPresent();
        }
        assertThat(pi.ioPin(KioskConfig.IO_PIN_PRESENCE)).isEqualTo(OptionalInt.of(17));
        assertThat(pi.ioPin(KioskConfig.IO_PIN_TAMPER)).isEqualTo(OptionalInt.of(22));
        assertThat(pi.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_PAPER_LOW)).isTrue();
        assertThat(pi.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_TAMPER)).isFalse();
        assertThat(pi.dimAfterSeconds()).isEqualTo(120);
    }

    @Test
    void withoutIoKeysTheKioskHasNoIoAndTheDocumentedDefaults() throws IOException {
        Path p = dir.resolve("minimal.properties");
        Files.writeString(p, String.join("\n", "kiosk.id=k1", "data.dir=" + dir.resolve("data"), "idcard.device=sim",
                "printer.device=sim", "scanner.device=none", "status.url-base=https://kiosk.example/status/"),
                StandardCharsets.UTF_8);

        KioskConfig c = KioskConfig.load(p, List.of()).validate();

        assertThat(c.ioDevice()).isEqualTo("none");
        assertThat(KioskConfig.IO_PIN_KEYS).allSatisfy(k -> assertThat(c.ioPin(k)).as(k).isEmpty());
        assertThat(c.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_PRESENCE)).isFalse();
        assertThat(c.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_PAPER_LOW)).isTrue();
        assertThat(c.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_TAMPER)).isFalse();
        assertThat(c.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_LIGHTS)).isFalse();
        assertThat(c.dimAfterSeconds()).isEqualTo(120);
    }

    @Test
    void anEmptyPinMeansNotWired() {
        KioskConfig c = KioskConfig.simulator("io.pin.paper-low=", "io.pin.light.fault=").validate();
        assertThat(c.ioPin(KioskConfig.IO_PIN_PAPER_LOW)).isEmpty();
        assertThat(c.ioPin(KioskConfig.IO_PIN_LIGHT_FAULT)).isEmpty();
        assertThat(c.ioPin(KioskConfig.IO_PIN_PRESENCE)).hasValue(17);
    }

    @Test
    void theHeaderRangeIncludesItsEnds() {
        KioskConfig c = KioskConfig.simulator("io.pin.presence=2", "io.pin.paper-low=", "io.pin.tamper=27", "ui.dim-after-s=10").validate();
        assertThat(c.ioPin(KioskConfig.IO_PIN_PRESENCE)).hasValue(2);
        assertThat(c.ioPin(KioskConfig.IO_PIN_TAMPER)).hasValue(27);
        assertThat(c.dimAfterSeconds()).isEqualTo(10);
        assertThat(KioskConfig.simulator("ui.dim-after-s=3600").validate().dimAfterSeconds()).isEqualTo(3600);
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("io.device", "gpio", "sim | none | pi4j"),
                Arguments.of("io.device", "PI4J", "sim | none | pi4j"),
                Arguments.of("io.device", "serial:/dev/ttyAMA0", "sim | none | pi4j"),
                Arguments.of("io.pin.presence", "1", "BCM GPIO number from 2 to 27"),
                Arguments.of("io.pin.presence", "28", "BCM GPIO number from 2 to 27"),
                Arguments.of("io.pin.tamper", "GPIO22", "BCM GPIO number from 2 to 27"),
                Arguments.of("io.pin.light.ready", "pin 16", "BCM GPIO number from 2 to 27"),
                Arguments.of("io.pin.light.fault", "-4", "BCM GPIO number from 2 to 27"),
                Arguments.of("io.active-low.tamper", "yes", "true | false"),
                Arguments.of("io.active-low.lights", "1", "true | false"),
                Arguments.of("ui.dim-after-s", "9", "from 10 to 3600"),
                Arguments.of("ui.dim-after-s", "3601", "from 10 to 3600"),
                Arguments.of("ui.dim-after-s", "two minutes", "from 10 to 3600"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("wrongValues")
    void aWrongValueIsRefusedWithKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        ConfigException e = refusal(key + "=" + value);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.allowed()).contains(allowed);
    }

    @Test
    void twoRolesOnOnePinAreRefusedNamingTheOther() {
        // presence is on 17 in the profile; the fault light is checked after it.
        ConfigException e = refusal("io.pin.light.fault=17");

        assertThat(e.key()).isEqualTo("io.pin.light.fault");
        assertThat(e.value()).isEqualTo("17");
        assertThat(e.allowed()).contains("io.pin.presence");
    }

    @Test
    void aPinFreedByAnotherRoleMayBeReused() {
        KioskConfig c = KioskConfig.simulator("io.pin.presence=", "io.pin.light.fault=17").validate();
        assertThat(c.ioPin(KioskConfig.IO_PIN_LIGHT_FAULT)).hasValue(17);
    }

    @Test
    void aMistypedIoKeyIsRefusedLikeAnyOther() {
        ConfigException e = refusal("io.pin.presense=17");
        assertThat(e.key()).isEqualTo("io.pin.presense");
        assertThat(e.allowed()).contains("documented key");
    }

    @Test
    void everyIoKeyIsKnown() {
        assertThat(KioskConfig.KNOWN_KEYS).containsAll(KioskConfig.IO_PIN_KEYS).contains("io.device",
                "io.active-low.presence", "io.active-low.paper-low", "io.active-low.tamper", "io.active-low.lights",
                "ui.dim-after-s");
    }
}
