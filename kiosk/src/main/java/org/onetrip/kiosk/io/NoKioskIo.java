package org.onetrip.kiosk.io;

import java.util.Set;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DisabledDevice;

/** {@code io.device=none}: no sensors, no lights. The kiosk works; the screen never dims by presence. */
public final class NoKioskIo extends DisabledDevice implements KioskIo {

    private volatile Set<Light> lit = Set.of();

    public NoKioskIo() {
        super(ID, "cabinet I/O (none)");
    }

    @Override
    public IoPins pins() {
        return IoPins.NONE;
    }

    @Override
    public boolean isActive(Input input) {
        return false;
    }

    @Override
    public void addInputListener(Consumer<InputChange> listener) {
        // never changes
    }

    @Override
    public void setLights(Set<Light> on) {
        lit = Set.copyOf(on);
    }

    @Override
    public Set<Light> lights() {
        return lit;
    }
}
