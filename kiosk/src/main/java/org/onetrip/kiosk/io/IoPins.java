package org.onetrip.kiosk.io;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.Light;

/**
 * Which BCM GPIO each input and light is wired to, and the wiring's polarity. BCM numbers are the
 * SoC's GPIO numbers (what gpiod calls line offsets on the Pi 4's and Pi 5's pin controller), not
 * the header's physical pin numbers: BCM 17 is physical pin 11.
 */
public record IoPins(Map<Input, Integer> inputs, Map<Light, Integer> lights, Set<Input> activeLowInputs,
        boolean lightsActiveLow) {

    public static final IoPins NONE = new IoPins(Map.of(), Map.of(), Set.of(), false);

    public IoPins {
        inputs = inputs.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(inputs));
        lights = lights.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(lights));
        activeLowInputs = activeLowInputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(activeLowInputs));
    }

    /** The wiring from a validated profile. */
    public static IoPins from(KioskConfig c) {
        Map<Input, Integer> in = new EnumMap<>(Input.class);
        Map<Light, Integer> out = new EnumMap<>(Light.class);
        Set<Input> low = EnumSet.noneOf(Input.class);
        for (Input i : Input.values()) {
            OptionalInt pin = c.ioPin("io.pin." + i.key());
            pin.ifPresent(p -> in.put(i, p));
            if (c.ioActiveLow("io.active-low." + i.key())) {
                low.add(i);
            }
        }
        for (Light l : Light.values()) {
            c.ioPin("io.pin.light." + l.key()).ifPresent(p -> out.put(l, p));
        }
        return new IoPins(in, out, low, c.ioActiveLow(KioskConfig.IO_ACTIVE_LOW_LIGHTS));
    }

    public boolean activeLow(Input i) {
        return activeLowInputs.contains(i);
    }

    /** "presence BCM17, paper-low BCM27 (active low), …, ready BCM23, …" for the technician. */
    public String describe() {
        if (inputs.isEmpty() && lights.isEmpty()) {
            return "nothing wired";
        }
        StringJoiner j = new StringJoiner(", ");
        for (Input i : Input.values()) {
            if (inputs.containsKey(i)) {
                j.add(i.key() + " BCM" + inputs.get(i) + (activeLow(i) ? " (active low)" : ""));
            }
        }
        for (Light l : Light.values()) {
            if (lights.containsKey(l)) {
                j.add(l.key() + " light BCM" + lights.get(l));
            }
        }
        return j + (lights.isEmpty() ? "" : lightsActiveLow ? "; lights on when low" : "; lights on when high");
    }
}
