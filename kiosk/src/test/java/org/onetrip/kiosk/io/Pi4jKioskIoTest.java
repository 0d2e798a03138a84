package org.onetrip.kiosk.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.InputChange;
import org.onetrip.kiosk.io.KioskIo.Light;
import org.onetrip.kiosk.testing.MutableClock;

/**
 * The real Pi4J adapter on Pi4J's mock platform: pins set with {@code mockState}, read back from
 * the mock outputs, debounce decided by a hand-moved clock.
 */
class Pi4jKioskIoTest {
    private final MutableClock clock = MutableClock.at("2026-03-01T18:00:00Z");
    private final FakeIoTimers timers = new FakeIoTimers(clock);
    private final List<InputChange> changes = new ArrayList<>();
    private Pi4jKioskIo io;

    /** The simulator and Pi profiles' wiring. */
    private static IoPins profilePins(String... overrides) {
        return IoPins.from(KioskConfig.simulator(overrides).validate());
    }

    private SimulatedKioskIo simulated(IoPins pins) {
        SimulatedKioskIo sim = new SimulatedKioskIo(pins, timers);
        io = sim;
        sim.addInputListener(changes::add);
        sim.start();
        return sim;
    }

    /** The adapter without the simulator's idle sensors: fresh mock pins read low, as a floating line might. */
    private Pi4jKioskIo bare(IoPins pins) {
        io = new Pi4jKioskIo("test", SimulatedKioskIo::mockPlatform, MockDigitalInputProvider.ID,
                MockDigitalOutputProvider.ID, pins, timers);
        io.addInputListener(changes::add);
        io.start();
        return io;
    }

    private MockDigitalInput pin(Input input) {
        return io.context().registry().get("io-" + input.key());
    }

    @AfterEach
    void close() {
        if (io != null) {
            io.close();
        }
    }

    @Test
    void everyWiredInputIsReportedOnceAtStartAsIdle() {
        SimulatedKioskIo sim = simulated(profilePins());

        assertThat(sim.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(sim.status().message()).contains("presence BCM17").contains("paper-low BCM27 (active low)")
                .contains("tamper BCM22").contains("fault light BCM16");
        assertThat(changes).extracting(InputChange::input).containsExactlyInAnyOrder(Input.values());
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.initial()).isTrue();
            assertThat(c.active()).isFalse();
            assertThat(c.at()).isEqualTo(clock.instant());
        });
        // an idle active-low paper sensor holds its line high
        assertThat(sim.pinState(Input.PAPER_LOW)).isEqualTo(DigitalState.HIGH);
        assertThat(sim.pinState(Input.PRESENCE)).isEqualTo(DigitalState.LOW);
    }

    @Test
    void presenceCountsAfterItsSettleTimeAndIsDatedFromTheEdge() {
        SimulatedKioskIo sim = simulated(profilePins());
        changes.clear();
        Instant walkedUp = clock.instant();

        assertThat(sim.setInput(Input.PRESENCE, true)).isTrue();
        assertThat(sim.pinState(Input.PRESENCE)).isEqualTo(DigitalState.HIGH);
        timers.advance(Duration.ofMillis(99));
        assertThat(sim.isActive(Input.PRESENCE)).as("not settled yet").isFalse();
        assertThat(changes).isEmpty();

        timers.advance(Duration.ofMillis(1));
        assertThat(sim.isActive(Input.PRESENCE)).isTrue();
        assertThat(changes).containsExactly(new InputChange(Input.PRESENCE, true, walkedUp, false));

        sim.setInput(Input.PRESENCE, false);
        timers.advance(Duration.ofSeconds(1));
        assertThat(sim.isActive(Input.PRESENCE)).isFalse();
        assertThat(changes).extracting(InputChange::active).containsExactly(true, false);
    }

    @Test
    void aSpikeOnThePresenceLineDoesNotWakeTheScreen() {
        SimulatedKioskIo sim = simulated(profilePins());
        changes.clear();

        sim.setInput(Input.PRESENCE, true);
        timers.advance(Duration.ofMillis(20));
        sim.setInput(Input.PRESENCE, false);
        timers.advance(Duration.ofSeconds(5));

        assertThat(changes).isEmpty();
        assertThat(sim.isActive(Input.PRESENCE)).isFalse();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aBouncingDoorSwitchRaisesOneAlarmWithTheTimeTheDoorMoved() {
        SimulatedKioskIo sim = simulated(profilePins());
        TamperLog tamper = new TamperLog(sim);
        List<TamperEvent> heard = new ArrayList<>();
        tamper.addListener(heard::add);
        Instant opened = clock.instant();

        sim.setInput(Input.TAMPER, true);
        timers.advance(Duration.ofMillis(2));
        sim.setInput(Input.TAMPER, false);
        timers.advance(Duration.ofMillis(1));
        sim.setInput(Input.TAMPER, true);
        timers.advance(Duration.ofMillis(49));
        assertThat(tamper.recentEvents()).isEmpty();
        timers.advance(Duration.ofMillis(1));

        TamperEvent alarm = new TamperEvent(opened, TamperEvent.Kind.OPENED);
        assertThat(tamper.recentEvents()).containsExactly(alarm);
        assertThat(heard).containsExactly(alarm);
        assertThat(alarm.alarm()).isTrue();
        assertThat(tamper.doorOpen()).isTrue();

        timers.advance(Duration.ofMinutes(3));
        Instant closed = clock.instant();
        sim.setInput(Input.TAMPER, false);
        timers.advance(Duration.ofMillis(50));
        assertThat(tamper.recentEvents()).containsExactly(alarm, new TamperEvent(closed, TamperEvent.Kind.CLOSED));
        assertThat(tamper.recentEvents().get(1).alarm()).isFalse();
        assertThat(tamper.doorOpen()).isFalse();
    }

    @Test
    void theDoorSwitchIsPulledUpSoACutWireReadsOpen() {
        bare(profilePins());
        DigitalInput door = io.context().registry().get("io-tamper");
        DigitalInput presence = io.context().registry().get("io-presence");
        DigitalInput paper = io.context().registry().get("io-paper-low");

        assertThat(door.pull()).isEqualTo(PullResistance.PULL_UP);
        assertThat(presence.pull()).isEqualTo(PullResistance.PULL_DOWN);
        assertThat(paper.pull()).as("active low").isEqualTo(PullResistance.PULL_UP);
        assertThat(door.config().getDebounce()).as("one debounce: ours").isZero();
    }

    @Test
    void aDoorFoundOpenAtStartIsAnAlarmToo() {
        // an active-low door switch whose line reads low at start: open
        IoPins pins = profilePins("io.active-low.tamper=true");
        io = new Pi4jKioskIo("test", SimulatedKioskIo::mockPlatform, MockDigitalInputProvider.ID,
                MockDigitalOutputProvider.ID, pins, timers);
        TamperLog tamper = new TamperLog(io);
        io.start();

        assertThat(io.isActive(Input.TAMPER)).isTrue();
        assertThat(tamper.recentEvents()).containsExactly(new TamperEvent(clock.instant(), TamperEvent.Kind.FOUND_OPEN));
        assertThat(tamper.recentEvents().get(0).alarm()).isTrue();

        pin(Input.TAMPER).mockState(DigitalState.HIGH);
        timers.advance(Duration.ofMillis(50));
        assertThat(tamper.recentEvents()).extracting(TamperEvent::kind)
                .containsExactly(TamperEvent.Kind.FOUND_OPEN, TamperEvent.Kind.CLOSED);
    }

    @Test
    void activeLowInputsAreReportedByMeaning() {
        bare(profilePins());
        // fresh mock pins read low: the active-low paper sensor says "low", the others are idle
        assertThat(io.isActive(Input.PAPER_LOW)).isTrue();
        assertThat(io.isActive(Input.PRESENCE)).isFalse();

        pin(Input.PAPER_LOW).mockState(DigitalState.HIGH);
        timers.advance(Duration.ofMillis(999));
        assertThat(io.isActive(Input.PAPER_LOW)).isTrue();
        timers.advance(Duration.ofMillis(1));
        assertThat(io.isActive(Input.PAPER_LOW)).isFalse();
    }

    @Test
    void lightsAreDrivenOnTheirPinsAndOffAtStart() {
        SimulatedKioskIo sim = simulated(profilePins());
        for (Light l : Light.values()) {
            assertThat(sim.pinState(l)).as(l.name()).isEqualTo(DigitalState.LOW);
        }

        sim.setLights(EnumSet.of(Light.READY, Light.ATTENTION));

        assertThat(sim.pinState(Light.READY)).isEqualTo(DigitalState.HIGH);
        assertThat(sim.pinState(Light.ATTENTION)).isEqualTo(DigitalState.HIGH);
        assertThat(sim.pinState(Light.BUSY)).isEqualTo(DigitalState.LOW);
        assertThat(sim.pinState(Light.FAULT)).isEqualTo(DigitalState.LOW);
        assertThat(sim.lights()).containsExactlyInAnyOrder(Light.READY, Light.ATTENTION);

        sim.setLights(Set.of(Light.FAULT));
        assertThat(List.of(sim.isLit(Light.READY), sim.isLit(Light.BUSY), sim.isLit(Light.ATTENTION), sim.isLit(Light.FAULT)))
                .containsExactly(false, false, false, true);
    }

    @Test
    void activeLowLightsAreOnWhenLow() {
        SimulatedKioskIo sim = simulated(profilePins("io.active-low.lights=true"));
        assertThat(sim.pinState(Light.BUSY)).as("off").isEqualTo(DigitalState.HIGH);

        sim.setLights(Set.of(Light.BUSY));

        assertThat(sim.pinState(Light.BUSY)).isEqualTo(DigitalState.LOW);
        assertThat(sim.isLit(Light.BUSY)).isTrue();
        assertThat(sim.pinState(Light.READY)).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void lightsSetBeforeStartAreShownAtStart() {
        SimulatedKioskIo sim = new SimulatedKioskIo(profilePins(), timers);
        io = sim;
        sim.setLights(Set.of(Light.FAULT));
        sim.start();
        assertThat(sim.isLit(Light.FAULT)).isTrue();
        assertThat(sim.isLit(Light.READY)).isFalse();
    }

    /**
     * The touch screen sets the lights while the devices start on their own thread: the call
     * returns at once, however long Pi4J's start holds the adapter, and the start lights them.
     */
    @Test
    void lightsSetWhileTheStartRunsDoNotWaitForIt() throws Exception {
        SimulatedKioskIo sim = new SimulatedKioskIo(profilePins(), timers);
        io = sim;
        java.util.concurrent.CountDownLatch set = new java.util.concurrent.CountDownLatch(1);
        Thread ui = new Thread(() -> {
            sim.setLights(Set.of(Light.ATTENTION));
            set.countDown();
        });
        synchronized (sim) { // as start() holds it while Pi4J starts
            ui.start();
            assertThat(set.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("setLights returned while the adapter was held").isTrue();
        }
        sim.start();
        assertThat(sim.isLit(Light.ATTENTION)).isTrue();
        assertThat(sim.isLit(Light.FAULT)).isFalse();
    }

    @Test
    void unwiredInputsAndLightsAreIgnored() {
        SimulatedKioskIo sim = simulated(profilePins("io.pin.paper-low=", "io.pin.light.busy="));

        assertThat(changes).extracting(InputChange::input).containsExactlyInAnyOrder(Input.PRESENCE, Input.TAMPER);
        assertThat(sim.setInput(Input.PAPER_LOW, true)).isFalse();
        assertThat(sim.isActive(Input.PAPER_LOW)).isFalse();
        sim.setLights(Set.of(Light.BUSY));
        assertThat(sim.pinState(Light.BUSY)).isNull();
        assertThat(sim.lights()).containsExactly(Light.BUSY);
        assertThat(sim.pins().describe()).doesNotContain("paper-low").doesNotContain("busy");
    }

    @Test
    void closingLeavesEveryLightOffWhateverItsPolarity() {
        for (String activeLow : List.of("false", "true")) {
            SimulatedKioskIo sim = simulated(profilePins("io.active-low.lights=" + activeLow));
            sim.setLights(EnumSet.allOf(Light.class));
            List<DigitalOutput> outs = new ArrayList<>();
            for (Light l : Light.values()) {
                outs.add(sim.context().registry().get("light-" + l.key()));
            }
            DigitalState off = activeLow.equals("true") ? DigitalState.HIGH : DigitalState.LOW;
            assertThat(outs).allSatisfy(o -> assertThat(o.state()).isNotEqualTo(off));

            sim.close();

            assertThat(outs).as("active-low lights: " + activeLow).allSatisfy(o -> assertThat(o.state()).isEqualTo(off));
        }
    }

    @Test
    void closingShutsThePlatformDownAndStopsTheIoThread() {
        SimulatedKioskIo sim = simulated(profilePins());
        var ctx = sim.context();
        sim.setInput(Input.PRESENCE, true);

        sim.close();

        assertThat(ctx.isShutdown()).isTrue();
        assertThat(timers.closed()).isTrue();
        assertThat(sim.isActive(Input.PRESENCE)).isFalse();
        assertThat(sim.setInput(Input.PRESENCE, false)).isFalse();
    }

    @Test
    void onAMachineWithoutAPiGpioChipTheGpiodAdapterIsOfflineWithTheCause() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/gpiochip0"))
                && System.getProperty("os.arch").equals("aarch64"), "this machine may have a Pi's GPIO");
        io = Pi4jKioskIo.onGpiod(profilePins(), clock);

        io.start();

        assertThat(io.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(io.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(io.status().message()).startsWith("the GPIO cannot be used: ").contains("presence BCM17")
                .contains("gpio group");
        assertThat(io.isActive(Input.TAMPER)).isFalse();
        io.setLights(Set.of(Light.FAULT));
        assertThat(io.lights()).containsExactly(Light.FAULT);
    }

    @Test
    void statusChangesReachListeners() {
        SimulatedKioskIo sim = new SimulatedKioskIo(profilePins(), timers);
        io = sim;
        List<DeviceState> states = new ArrayList<>();
        sim.addStatusListener(s -> states.add(s.state()));
        assertThat(sim.status().state()).isEqualTo(DeviceState.UNKNOWN);

        sim.start();

        assertThat(states).containsExactly(DeviceState.ONLINE);
        assertThat(sim.id()).isEqualTo("io");
        assertThat(sim.name()).contains("mock");
    }

    @Test
    void theNoneAdapterIsDisabledAndDark() {
        NoKioskIo none = new NoKioskIo();
        assertThat(none.status().detail()).isEqualTo(StatusDetail.DISABLED);
        assertThat(none.pins().describe()).isEqualTo("nothing wired");
        assertThat(none.isActive(Input.TAMPER)).isFalse();
        none.setLights(Set.of(Light.READY));
        assertThat(none.lights()).containsExactly(Light.READY);
    }
}
