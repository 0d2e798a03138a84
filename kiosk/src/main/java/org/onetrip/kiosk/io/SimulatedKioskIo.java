package org.onetrip.kiosk.io;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Clock;

/**
 * The cabinet I/O of the simulator profile: {@link Pi4jKioskIo}, the same code as on the Pi, on
 * Pi4J's mock platform. The simulator panel's switches set the mock pins (through the configured
 * polarity, so an active-low sensor is simulated as one) and its lights read them back.
 */
public final class SimulatedKioskIo extends Pi4jKioskIo {

    private volatile boolean presentAtStart;

    public SimulatedKioskIo(IoPins pins, Clock clock) {
        this(pins, IoTimers.thread("kiosk-io", clock));
    }

    /** The simulator profile's I/O: on a laptop somebody is at the screen, so presence starts on. */
    public static SimulatedKioskIo forSimulator(IoPins pins, Clock clock) {
        SimulatedKioskIo io = new SimulatedKioskIo(pins, clock);
        io.presentAtStart = true;
        return io;
    }

    /** With the I/O thread given: tests run it by hand. */
    public SimulatedKioskIo(IoPins pins, IoTimers timers) {
        super("cabinet I/O (simulated on Pi4J's mock platform)", SimulatedKioskIo::mockPlatform,
                MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID, pins, timers);
    }

    /** A Pi4J context with the mock platform and its digital providers only. */
    static Context mockPlatform() {
        return Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    /**
     * Mock pins start low; a real sensor, connected and idle, holds its inactive level. Presence
     * may start on ({@link #forSimulator}); the panel switches it off to see the night screen.
     */
    @Override
    protected void beforeFirstRead(Input input, DigitalInput pin) {
        if (pin instanceof MockDigitalInput mock) {
            boolean active = input == Input.PRESENCE && presentAtStart;
            mock.mockState(active != pins().activeLow(input) ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    /**
     * What the sensor senses: someone there, paper low, door open. The mock pin is set to the
     * level the real sensor would give, and the change then goes through the debounce like a
     * real one. Returns false when the input has no pin (or the I/O is not running).
     */
    public boolean setInput(Input input, boolean sensed) {
        MockDigitalInput pin = inputPin(input);
        if (pin == null) {
            return false;
        }
        pin.mockState(sensed != pins().activeLow(input) ? DigitalState.HIGH : DigitalState.LOW);
        return true;
    }

    /** Whether the light is lit, read from its mock pin through the configured polarity. */
    public boolean isLit(Light light) {
        DigitalState s = pinState(light);
        return s != null && (s == DigitalState.HIGH) != pins().lightsActiveLow();
    }

    /** The level on an input's mock pin, or null when it has none. */
    public DigitalState pinState(Input input) {
        MockDigitalInput pin = inputPin(input);
        return pin == null ? null : pin.state();
    }

    /** The level on a light's mock pin, or null when it has none. */
    public DigitalState pinState(Light light) {
        Context c = context();
        String id = "light-" + light.key();
        if (c == null || !pins().lights().containsKey(light) || !c.registry().exists(id)) {
            return null;
        }
        return c.registry().<DigitalOutput>get(id).state();
    }

    private MockDigitalInput inputPin(Input input) {
        Context c = context();
        String id = "io-" + input.key();
        if (c == null || !pins().inputs().containsKey(input) || !c.registry().exists(id)) {
            return null;
        }
        return c.registry().get(id);
    }
}
