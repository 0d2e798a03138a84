package org.onetrip.kiosk.idcard;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.DisabledDevice;

/** {@code idcard.device=none}: services that need a card are shown as unavailable. */
public final class NoIdCardReader extends DisabledDevice implements IdCardReader {
    public NoIdCardReader() {
        super("idcard", "ID card reader (none)");
    }

    @Override
    public void setCardListener(Consumer<CardEvent> listener) {
        // no card will ever come
    }
}
