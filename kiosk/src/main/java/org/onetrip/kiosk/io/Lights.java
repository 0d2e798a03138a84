package org.onetrip.kiosk.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.io.KioskIo.Light;

/**
 * Which status lights are on, decided from the kiosk's state alone. Pure: no I/O, no clock.
 *
 * <ul>
 * <li>FAULT: the store is not online (no request can be committed) or the kiosk reports a fatal
 * error (its out-of-service screen). READY and BUSY are then off: the kiosk cannot serve.</li>
 * <li>ATTENTION: a device is offline or online with a complaint (paper near end), or the
 * paper-low sensor is active. The kiosk still serves; the technician should look. A device
 * switched off in the profile ({@code none}) is a decision, not a problem, and a device still
 * starting (UNKNOWN) is not yet one.</li>
 * <li>BUSY while a resident's session is open, READY otherwise.</li>
 * </ul>
 */
public final class Lights {

    /**
     * @param devices the devices by id (not the cabinet I/O itself: its lights cannot show its own failure)
     * @param store the request store's status
     */
    public record State(boolean sessionActive, boolean fatal, DeviceStatus store, Map<String, DeviceStatus> devices,
            boolean paperLow) {
        public State {
            devices = Collections.unmodifiableMap(new TreeMap<>(devices));
        }
    }

    /** The lights and, for the technician's screen, why. */
    public record Decision(Set<Light> on, List<String> reasons) {
        public Decision {
            on = on.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(on));
            reasons = List.copyOf(reasons);
        }
    }

    private Lights() {
    }

    public static Decision decide(State s) {
        EnumSet<Light> on = EnumSet.noneOf(Light.class);
        List<String> reasons = new ArrayList<>();
        boolean fault = false;
        if (s.fatal()) {
            fault = true;
            reasons.add("fault: the kiosk is out of service");
        }
        if (s.store() == null || s.store().state() != DeviceState.ONLINE) {
            fault = true;
            reasons.add("fault: store " + (s.store() == null ? "unknown" : s.store()));
        }
        for (Map.Entry<String, DeviceStatus> e : s.devices().entrySet()) {
            if (needsTechnician(e.getValue())) {
                on.add(Light.ATTENTION);
                reasons.add("attention: " + e.getKey() + " " + e.getValue());
            }
        }
        if (s.paperLow()) {
            on.add(Light.ATTENTION);
            reasons.add("attention: the paper-low sensor says the roll is nearly out");
        }
        if (fault) {
            on.add(Light.FAULT);
        } else {
            on.add(s.sessionActive() ? Light.BUSY : Light.READY);
        }
        return new Decision(on, reasons);
    }

    static boolean needsTechnician(DeviceStatus d) {
        if (d == null) {
            return false;
        }
        return switch (d.state()) {
            case OFFLINE -> d.detail() != StatusDetail.DISABLED;
            case ONLINE -> d.detail() != StatusDetail.NONE;
            case UNKNOWN -> false;
        };
    }
}
