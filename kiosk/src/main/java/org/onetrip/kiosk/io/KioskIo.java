package org.onetrip.kiosk.io;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.Device;

/**
 * The cabinet's digital I/O: three inputs (presence sensor, paper-low sensor, door switch) and
 * four status lights. Inputs are reported debounced and as what they mean ("someone is there"),
 * whatever the wiring's polarity. An input or light without a pin in the profile is not wired:
 * it reads inactive and stays dark.
 *
 * <p>Listeners are called on the I/O thread, never on the JavaFX thread; they must return quickly
 * and must not touch JavaFX nodes (the UI crosses over in its FxBridge).
 */
public interface KioskIo extends Device {

    /** The device id of every adapter. */
    String ID = "io";

    enum Input {
        /** A PIR sensor: someone is in front of the kiosk. */
        PRESENCE("presence", "presence sensor (PIR)"),
        /** The printer's paper-low sensor: the roll is nearly out. */
        PAPER_LOW("paper-low", "paper-low sensor"),
        /** The cabinet door switch: the door is open (or its wire is cut). */
        TAMPER("tamper", "cabinet door switch");

        private final String key;
        private final String title;

        Input(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** The name in configuration keys ({@code io.pin.KEY}) and pin ids. */
        public String key() {
            return key;
        }

        public String title() {
            return title;
        }
    }

    enum Light {
        /** Free: a resident may start. */
        READY,
        /** A resident is being served. */
        BUSY,
        /** The technician should look: a device is offline or the paper runs low. Still usable. */
        ATTENTION,
        /** Out of service: the store cannot take requests, or the kiosk failed. */
        FAULT;

        /** The name in configuration keys ({@code io.pin.light.KEY}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A debounced input change. {@code at} is when the level first left its old value (before the
     * debounce settled), so an alarm carries the moment the door moved. {@code initial} marks the
     * level read when the I/O started, reported once for every wired input.
     */
    record InputChange(Input input, boolean active, Instant at, boolean initial) {
    }

    /** The wiring this adapter uses (BCM pins, polarity); empty for {@code io.device=none}. */
    IoPins pins();

    /** The debounced state; false when the input is not wired or the I/O is not running. */
    boolean isActive(Input input);

    /** Called on the I/O thread for every debounced change, and once per wired input at start. */
    void addInputListener(Consumer<InputChange> listener);

    /** Switches these lights on and every other light off; lights without a pin are ignored. */
    void setLights(Set<Light> on);

    /** The lights last switched on (including ones without a pin: what the kiosk means to show). */
    Set<Light> lights();
}
