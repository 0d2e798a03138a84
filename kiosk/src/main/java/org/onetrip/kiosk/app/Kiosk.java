package org.onetrip.kiosk.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.scanner.QrScanner;
import org.onetrip.kiosk.sync.CatalogCache;
import org.onetrip.kiosk.sync.OutboxWorker;

/** The wired kiosk: configuration, store, devices and application services. Made by {@link Wiring}. */
public record Kiosk(
        KioskConfig config,
        Clock clock,
        ServiceCatalog catalog,
        RequestQueue queue,
        IdCardReader idCardReader,
        ReceiptPrinter printer,
        QrScanner scanner,
        ReceiptTokens tokens,
        FilingService filing,
        OutboxWorker sync,
        CatalogCache catalogCache) implements AutoCloseable {

    /** Sent in the heartbeat; the same as {@code kiosk --version}. */
    public static final String APP_VERSION = "0.1.0";

    private static final java.util.concurrent.ScheduledExecutorService watch =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "device-watch");
                t.setDaemon(true);
                return t;
            });

    /** The sync with the back office; empty when {@code backoffice.url} is not set. */
    public Optional<OutboxWorker> backOfficeSync() {
        return Optional.ofNullable(sync);
    }

    /** Starts sending the outbox to the back office on its own thread (when one is configured). */
    public void startSync() {
        if (sync != null) {
            sync.start();
        }
    }

    public List<Device> devices() {
        return List.of(idCardReader, printer, scanner);
    }

    /**
     * Opens every device; a device that fails to open reports it as its status. A printer is asked
     * for its status every 30 s between prints, so paper near end reaches the technician's screen
     * before it runs out.
     */
    public void startDevices() {
        devices().forEach(Device::start);
        if (printer instanceof org.onetrip.kiosk.printer.escpos.EscPosPrinter p) {
            watch.scheduleWithFixedDelay(p::refreshStatus, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
        for (Device d : devices()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Kiosk.class).warn("closing {} failed", d.id(), e);
            }
        }
        queue.close();
        if (catalogCache != null) {
            catalogCache.close();
        }
    }
}
