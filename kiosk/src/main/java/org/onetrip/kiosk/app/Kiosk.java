package org.onetrip.kiosk.app;

import java.time.Clock;
import java.util.List;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.scanner.QrScanner;

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
        FilingService filing) implements AutoCloseable {

    private static final java.util.concurrent.ScheduledExecutorService watch =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "device-watch");
                t.setDaemon(true);
                return t;
            });

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
        for (Device d : devices()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Kiosk.class).warn("closing {} failed", d.id(), e);
            }
        }
        queue.close();
    }
}
