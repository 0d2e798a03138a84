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
import org.onetrip.kiosk.ime.handwriting.HandwritingRecognizer;
import org.onetrip.kiosk.io.KioskIo;
import org.onetrip.kiosk.io.StatusLights;
import org.onetrip.kiosk.io.TamperLog;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.scanner.QrScanner;
import org.onetrip.kiosk.speech.Speech;
import org.onetrip.kiosk.systemd.SystemdWatchdog;
import org.onetrip.kiosk.sync.CatalogCache;
import org.onetrip.kiosk.sync.OutboxWorker;

/**
 * The wired kiosk: configuration, store, devices and application services. Made by {@link Wiring}.
 * The cabinet I/O ({@code kioskIo}) comes with the door's {@code tamperLog}, the
 * {@code statusLights} that follow the kiosk's state (the UI tells them about sessions and the
 * out-of-service screen) and the systemd {@code watchdog} (the UI adds its JavaFX-thread probe).
 * {@code handwriting} reads the writing pad's ink (offline, with its reason, without Zinnia).
 * {@code speech} talks to the resident; it is listed with the devices (selftest, maintenance).
 */
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
        KioskIo kioskIo,
        TamperLog tamperLog,
        StatusLights statusLights,
        SystemdWatchdog watchdog,
        OutboxWorker sync,
        CatalogCache catalogCache,
        HandwritingRecognizer handwriting,
        Speech speech) implements AutoCloseable {

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
        return List.of(idCardReader, printer, scanner, kioskIo, speech);
    }

    /** The same kiosk speaking through {@code other} (tests and benches record or time what is said). */
    public Kiosk withSpeech(Speech other) {
        return new Kiosk(config, clock, catalog, queue, idCardReader, printer, scanner, tokens, filing, kioskIo,
                tamperLog, statusLights, watchdog, sync, catalogCache, handwriting, other);
    }

    /** The same kiosk reading ink with {@code other} (tests: a kiosk without Zinnia). */
    public Kiosk withHandwriting(HandwritingRecognizer other) {
        return new Kiosk(config, clock, catalog, queue, idCardReader, printer, scanner, tokens, filing, kioskIo,
                tamperLog, statusLights, watchdog, sync, catalogCache, other, speech);
    }

    /**
     * Opens every device; a device that fails to open reports it as its status. A printer is asked
     * for its status every 5 s between prints, so paper near end reaches the technician's screen
     * before it runs out.
     */
    public void startDevices() {
        devices().forEach(Device::start);
        if (printer instanceof org.onetrip.kiosk.printer.escpos.EscPosPrinter p) {
            // Every 5 s: an unplugged or refilled printer shows within seconds (16 bytes a round).
            watch.scheduleWithFixedDelay(p::refreshStatus, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
        startIo();
    }

    /**
     * {@link #startDevices} on a thread of its own ("device-start"); the touch screen calls it once
     * its home screen is drawn (cli/UiCommand): opening the ports and the cabinet I/O (Pi4J) no
     * longer holds the home screen back (issue 13, cold start). The home screen needs no device; a
     * screen that does asks for its status when it opens, and every status reaches the screens as
     * it changes (FxBridge). Wait for the returned future before {@link #close}.
     */
    public java.util.concurrent.CompletableFuture<Void> startDevicesInBackground() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                startDevices();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e); // the caller says it, once
            }
        }, "device-start");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /**
     * The lights follow device statuses as they change; the store has no listener, so they are
     * refreshed every 10 s as well. Then systemd hears the kiosk is ready, and the watchdog pings
     * while the store still answers (a store stuck behind a lock does not).
     */
    private void startIo() {
        statusLights.start(java.time.Duration.ofSeconds(10));
        watchdog.addProbe("store", () -> {
            queue.status();
            return true;
        });
        watchdog.start("devices started; cabinet I/O " + kioskIo.status());
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
        watchdog.close();
        statusLights.close();
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
        handwriting.close();
    }
}
