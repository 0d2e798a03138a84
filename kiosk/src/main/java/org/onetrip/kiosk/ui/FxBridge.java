package org.onetrip.kiosk.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.idcard.CardEvent;

/**
 * The one place where device threads hand over to the JavaFX thread. Devices report statuses,
 * cards and scans on their own threads; this class re-posts each onto {@code fx} and keeps the
 * latest statuses in an observable map the screens bind to. No other class calls runLater for a
 * device.
 */
public final class FxBridge {
    private final Executor fx;
    private final ObservableMap<String, DeviceStatus> statuses = FXCollections.observableHashMap();
    private final ObjectProperty<Consumer<CardEvent>> cardHandler = new SimpleObjectProperty<>(e -> { });
    private final javafx.beans.property.BooleanProperty presence = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObjectProperty<Consumer<String>> scanHandler = new SimpleObjectProperty<>(s -> { });
    private Runnable scanActivity = () -> { };

    /** Must be constructed on the FX thread; {@code fx} is {@code Platform::runLater} in the product. */
    public FxBridge(Kiosk kiosk, Executor fx) {
        this.fx = fx;
        // The listener first, then the current status: devices start on their own thread, any time
        // from now (Kiosk.startDevicesInBackground), and a change between the two is posted after it.
        for (Device d : kiosk.devices()) {
            d.addStatusListener(s -> fx.execute(() -> statuses.put(d.id(), s)));
            statuses.put(d.id(), d.status());
        }
        // Asking the store takes its write lock (it may wait for another process): never on this
        // thread. KioskUi refreshes it from a background thread.
        statuses.put("store", DeviceStatus.unknown("checking the store"));
        kiosk.backOfficeSync().ifPresent(sync -> {
            sync.addStatusListener(s -> fx.execute(() -> statuses.put(sync.id(), s)));
            statuses.put(sync.id(), sync.status());
        });
        kiosk.idCardReader().setCardListener(e -> fx.execute(() -> cardHandler.get().accept(e)));
        // Without a presence sensor somebody is always "there": the screen then never dims by itself.
        org.onetrip.kiosk.io.KioskIo io = kiosk.kioskIo();
        if (io.pins().inputs().containsKey(org.onetrip.kiosk.io.KioskIo.Input.PRESENCE)) {
            io.addInputListener(c -> {
                if (c.input() == org.onetrip.kiosk.io.KioskIo.Input.PRESENCE) {
                    fx.execute(() -> presence.set(c.active()));
                }
            });
            presence.set(io.isActive(org.onetrip.kiosk.io.KioskIo.Input.PRESENCE));
        }
        kiosk.scanner().setScanListener(s -> fx.execute(() -> {
            scanActivity.run();
            scanHandler.get().accept(s);
        }));
    }

    public ObservableMap<String, DeviceStatus> statuses() {
        return statuses;
    }

    public DeviceStatus status(String deviceId) {
        return statuses.get(deviceId);
    }

    /** Who receives card events now (the identify screen while it shows; nobody otherwise). */
    public ObjectProperty<Consumer<CardEvent>> cardHandlerProperty() {
        return cardHandler;
    }

    public ObjectProperty<Consumer<String>> scanHandlerProperty() {
        return scanHandler;
    }

    /** Run on the JavaFX thread before each scan is handled: a scan is a resident's activity. */
    public void setScanActivity(Runnable r) {
        scanActivity = r == null ? () -> { } : r;
    }

    /** Re-reads a status that has no listener of its own (the store). */
    public void refresh(String id, DeviceStatus s) {
        statuses.put(id, s);
    }

    /** Runs {@code r} on the JavaFX thread: for simulator callbacks that arrive on device threads. */
    public void post(Runnable r) {
        fx.execute(r);
    }

    /** Whether the presence sensor sees somebody (always true without a sensor). */
    public javafx.beans.property.BooleanProperty presenceProperty() {
        return presence;
    }
}
