package org.onetrip.kiosk.io;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.GpioDPlugin;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cabinet I/O on the Raspberry Pi's GPIO header through Pi4J 2 and its gpiod provider (the
 * Linux GPIO character device, which the Pi 4 and Pi 5 both have; the old sysfs and pigpio
 * providers do not work on the Pi 5). Pins are BCM numbers: gpiod's line offsets on the
 * {@code pinctrl-*} chip, which Pi4J's gpiod provider picks by its label.
 *
 * <p>Every raw edge goes to one I/O thread, where each input's {@link Debouncer} decides; Pi4J's
 * own debounce is switched off so that there is one debounce, and it is tested. Debounce and
 * event times follow the clock the kiosk was wired with: under a hand-moved test clock an input
 * settles when the clock is moved past its settle time.
 * A GPIO that cannot be opened (not a Pi, line busy, no permission on {@code /dev/gpiochip*}) is
 * an OFFLINE status with the cause, never a crash.
 */
public class Pi4jKioskIo implements KioskIo {
    private static final Logger log = LoggerFactory.getLogger(Pi4jKioskIo.class);

    /**
     * How long each input must hold a level. A door switch bounces for a few ms and chatters when
     * the cabinet is knocked: 50 ms still reports an opening at once. A PIR module's output is a
     * clean level held for seconds, but a long wire beside the printer picks up motor spikes: 100 ms.
     * A paper-low lever flickers while the roll wobbles during a print: 1 s keeps the attention
     * light from blinking.
     */
    static final Map<Input, Duration> SETTLE = Map.of(Input.TAMPER, Duration.ofMillis(50),
            Input.PRESENCE, Duration.ofMillis(100), Input.PAPER_LOW, Duration.ofSeconds(1));

    private final String name;
    private final Supplier<Context> platform;
    private final String inputProvider;
    private final String outputProvider;
    private final IoPins pins;
    private final IoTimers timers;
    private final DeviceStatusHolder status;
    private final List<Consumer<InputChange>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Input, Boolean> active = new ConcurrentHashMap<>();
    /** Touched on the I/O thread only. */
    private final Map<Input, Debouncer> debouncers = new EnumMap<>(Input.class);
    private final Map<Light, DigitalOutput> outputs = new EnumMap<>(Light.class);
    private volatile Set<Light> lit = Set.of();
    private Context pi4j;

    /** The product: gpiod on a Raspberry Pi. */
    public static Pi4jKioskIo onGpiod(IoPins pins, Clock clock) {
        return new Pi4jKioskIo("cabinet I/O (GPIO through gpiod)",
                () -> Pi4J.newContextBuilder()
                        .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                        .build(),
                GpioDPlugin.DIGITAL_INPUT_PROVIDER_ID, GpioDPlugin.DIGITAL_OUTPUT_PROVIDER_ID, pins,
                IoTimers.thread("kiosk-io", clock));
    }

    /**
     * @param platform makes the Pi4J context when the I/O starts (building it may already fail)
     * @param inputProvider the Pi4J provider id for digital inputs, outputProvider for outputs
     */
    protected Pi4jKioskIo(String name, Supplier<Context> platform, String inputProvider, String outputProvider,
            IoPins pins, IoTimers timers) {
        this.name = name;
        this.platform = platform;
        this.inputProvider = inputProvider;
        this.outputProvider = outputProvider;
        this.pins = pins;
        this.timers = timers;
        this.status = new DeviceStatusHolder(ID, DeviceStatus.unknown("not started"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        status.addListener(listener);
    }

    @Override
    public IoPins pins() {
        return pins;
    }

    @Override
    public boolean isActive(Input input) {
        return active.getOrDefault(input, false);
    }

    @Override
    public void addInputListener(Consumer<InputChange> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (pi4j != null) {
            return;
        }
        try {
            pi4j = platform.get();
            Map<Input, Boolean> initial = new EnumMap<>(Input.class);
            for (Map.Entry<Input, Integer> e : pins.inputs().entrySet()) {
                initial.put(e.getKey(), openInput(e.getKey(), e.getValue()));
            }
            for (Map.Entry<Light, Integer> e : pins.lights().entrySet()) {
                outputs.put(e.getKey(), openLight(e.getKey(), e.getValue()));
            }
            timers.execute(() -> reportInitial(initial));
            pinsOpen = true; // before the write: a setLights from now on waits for this lock and writes
            writeLights(lit);
            status.update(DeviceStatus.online(pins.describe()));
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the gpiod provider's native library does not load on this machine.
            log.warn("cabinet I/O could not start ({})", pins.describe(), e);
            status.update(DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR,
                    "the GPIO cannot be used: " + causes(e) + " (" + pins.describe() + "); on a Raspberry Pi,"
                            + " check that /dev/gpiochip* exists and the kiosk user is in the gpio group"));
            shutdownPi4j();
        }
    }

    private boolean openInput(Input input, int pin) {
        DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("io-" + input.key()).name(input.title()).address(pin)
                .pull(pull(input)).debounce(0L).provider(inputProvider));
        beforeFirstRead(input, in);
        boolean level = in.state() == DigitalState.HIGH;
        boolean isActive = level != pins.activeLow(input);
        active.put(input, isActive);
        timers.execute(() -> debouncers.put(input, new Debouncer(SETTLE.get(input), isActive)));
        in.addListener(event -> {
            boolean high = event.state() == DigitalState.HIGH;
            timers.execute(() -> raw(input, high != pins.activeLow(input)));
        });
        return isActive;
    }

    /** A hook for the simulated adapter, which connects an idle sensor to the fresh mock pin. */
    protected void beforeFirstRead(Input input, DigitalInput pin) {
        // real pins read what is wired to them
    }

    /**
     * The door switch is normally closed to ground: pulled up, an open door or a cut wire reads
     * high, whatever the polarity flag says. Other inputs are pulled towards inactive, so an
     * unplugged sensor reads "nobody there" and "paper fine" instead of floating.
     */
    private PullResistance pull(Input input) {
        if (input == Input.TAMPER || pins.activeLow(input)) {
            return PullResistance.PULL_UP;
        }
        return PullResistance.PULL_DOWN;
    }

    private DigitalOutput openLight(Light light, int pin) {
        DigitalState off = pins.lightsActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id("light-" + light.key()).name(light.key() + " light").address(pin)
                .initial(off).shutdown(off).provider(outputProvider));
    }

    private void reportInitial(Map<Input, Boolean> initial) {
        for (Map.Entry<Input, Boolean> e : initial.entrySet()) {
            notifyListeners(new InputChange(e.getKey(), e.getValue(), timers.now(), true));
        }
    }

    /** On the I/O thread. */
    private void raw(Input input, boolean level) {
        Debouncer d = debouncers.get(input);
        if (d != null) {
            d.sample(level, timers.now()).ifPresent(at -> timers.scheduleAt(at, () -> settle(input)));
        }
    }

    /** On the I/O thread. */
    private void settle(Input input) {
        Debouncer d = debouncers.get(input);
        d.settle(timers.now()).ifPresentOrElse(change -> {
            active.put(input, change.level());
            log.info("{} is now {}", input.title(), change.level() ? "active" : "inactive");
            notifyListeners(new InputChange(input, change.level(), change.since(), false));
        }, () -> d.due().ifPresent(at -> timers.scheduleAt(at, () -> settle(input))));
    }

    private void notifyListeners(InputChange change) {
        for (Consumer<InputChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.warn("input listener failed on {}", change, e);
            }
        }
    }

    /** Set once the light pins are open: until then setLights only remembers what start() will light. */
    private volatile boolean pinsOpen;

    /**
     * Switches the lights; before the pins are open, remembers them for {@link #start} to light,
     * without waiting for it: the devices start on their own thread while the touch screen builds
     * itself, and its first screen sets the lights (issue 13).
     */
    @Override
    public void setLights(Set<Light> on) {
        lit = on.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(on));
        if (!pinsOpen) {
            return; // start() writes lit once they are open
        }
        synchronized (this) {
            if (pi4j != null) {
                writeLights(lit);
            }
        }
    }

    private void writeLights(Set<Light> on) {
        for (Map.Entry<Light, DigitalOutput> e : outputs.entrySet()) {
            boolean high = on.contains(e.getKey()) != pins.lightsActiveLow();
            try {
                e.getValue().state(high ? DigitalState.HIGH : DigitalState.LOW);
            } catch (RuntimeException ex) {
                status.update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR,
                        "the " + e.getKey().key() + " light cannot be switched: " + causes(ex)));
                log.warn("switching the {} light failed", e.getKey().key(), ex);
            }
        }
    }

    @Override
    public Set<Light> lights() {
        return lit;
    }

    @Override
    public synchronized void close() {
        timers.close();
        shutdownPi4j();
        active.clear();
    }

    /** Shutting the context down leaves every light in its configured shutdown (off) state. */
    private void shutdownPi4j() {
        Context c = pi4j;
        pi4j = null;
        outputs.clear();
        if (c != null) {
            try {
                c.shutdown();
            } catch (RuntimeException e) {
                log.warn("Pi4J shutdown failed", e);
            }
        }
    }

    /** The context, for the simulated adapter's switches; null before start or after a failure. */
    protected synchronized Context context() {
        return pi4j;
    }

    /** "IllegalStateException: No gpio chip yet initialized! ← …", every cause in the chain. */
    static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" ← ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
