package org.onetrip.kiosk.idcard;

import java.util.function.Consumer;
import org.onetrip.kiosk.device.Device;

/**
 * The ID card reader port. The reader polls by itself once started and reports each card once
 * per placement. Events arrive on the reader's thread; cross to the UI through the FX bridge.
 */
public interface IdCardReader extends Device {

    /** Replaces the event listener (one consumer: the application). */
    void setCardListener(Consumer<CardEvent> listener);
}
