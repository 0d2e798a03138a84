package org.onetrip.kiosk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.idcard.NoIdCardReader;
import org.onetrip.kiosk.idcard.SamIdCardReader;
import org.onetrip.kiosk.idcard.SerialSamTransport;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.NoReceiptPrinter;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPos;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.Gb18030;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;
import org.onetrip.kiosk.printer.escpos.PrinterTransport;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.scanner.NoQrScanner;
import org.onetrip.kiosk.scanner.CameraQrScanner;
import org.onetrip.kiosk.scanner.KeyboardQrScanner;
import org.onetrip.kiosk.scanner.QrScanner;
import org.onetrip.kiosk.scanner.camera.CommandFrames;
import org.onetrip.kiosk.scanner.camera.FolderFrames;
import org.onetrip.kiosk.scanner.camera.FrameSource;
import org.onetrip.kiosk.scanner.SerialQrScanner;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.status.StatusFreshness;
import org.onetrip.kiosk.status.StatusLookup;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/**
 * The one place that turns a configuration into adapters and services. Everything else receives
 * what it needs in its constructor.
 */
public final class Wiring {
    private Wiring() {
    }

    public static Kiosk wire(KioskConfig config, Clock clock) {
        config.validate();
        Path data = config.dataDir();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + data.toAbsolutePath(), e);
        }
        ServiceCatalog catalog = config.catalogFile() == null ? new CatalogLoader().loadBundled()
                : new CatalogLoader().load(config.catalogFile());
        RequestQueue queue = new SqliteRequestQueue(data.resolve("kiosk.db"), clock);
        ReceiptTokens tokens = ReceiptTokens.forInstallation(data);
        FilingService filing = new FilingService(catalog, queue, tokens, centre(config), clock);
        return new Kiosk(config, clock, catalog, queue, idCardReader(config.idCardDevice()),
                printer(config, data.resolve("receipts")), scanner(config.scannerDevice()), tokens, filing);
    }

    static FilingService.CentreInfo centre(KioskConfig c) {
        return new FilingService.CentreInfo(c.kioskId(),
                LocalizedText.of(c.centreName(java.util.Locale.SIMPLIFIED_CHINESE), c.centreName(java.util.Locale.ENGLISH)),
                LocalizedText.of(c.centreHours(java.util.Locale.SIMPLIFIED_CHINESE), c.centreHours(java.util.Locale.ENGLISH)),
                c.centrePhone(), c.statusUrlBase());
    }

    /**
     * Status look-ups for {@code kiosk}'s store and tokens. Until the back-office link reports its
     * last contact, statuses are shown as the kiosk's own last record.
     */
    public static StatusLookup statusLookup(Kiosk kiosk, StatusLookup.Limits limits) {
        return new StatusLookup(kiosk.tokens(), kiosk.queue(), kiosk.catalog(), kiosk.config().statusUrlBase(),
                StatusFreshness.NO_BACK_OFFICE, kiosk.clock(), limits);
    }

    /** The configured reader alone, for tools that need no store (read-card). */
    public static IdCardReader idCardReaderFor(KioskConfig config) {
        return idCardReader(config.idCardDevice());
    }

    static IdCardReader idCardReader(DeviceUri uri) {
        return switch (uri.scheme()) {
            case SIM -> new SimulatedIdCardReader(FictionalCards.LAI_JIAJIA);
            case NONE -> new NoIdCardReader();
            case SERIAL -> new SamIdCardReader(new SerialSamTransport(uri.path()),
                    SamIdCardReader.Settings.fromUri(KioskConfig.IDCARD_DEVICE, uri));
            default -> new UnsupportedDevices.IdCard(uri);
        };
    }

    /** The configured printer; simulated receipts are saved as pictures in {@code pictures}. */
    public static ReceiptPrinter printer(KioskConfig config, Path pictures) {
        DeviceUri uri = config.printerDevice();
        return switch (uri.scheme()) {
            case SIM -> new SimulatedReceiptPrinter(printerProfile(config), pictures);
            case NONE -> new NoReceiptPrinter();
            case SERIAL, TCP, FILE -> new EscPosPrinter(PrinterTransport.of(uri), printerProfile(config));
            default -> new UnsupportedDevices.Printer(uri);
        };
    }

    public static PrinterProfile printerProfile(KioskConfig c) {
        return PrinterProfile.forPaper(c.paperWidthMm())
                .withCut(EscPos.Cut.valueOf(c.printerCut().toUpperCase(java.util.Locale.ROOT)))
                .withNativeQr(c.printerNativeQr())
                .withHanziFont(Gb18030.HanziFont.valueOf(c.printerFont().toUpperCase(java.util.Locale.ROOT)));
    }

    /** {@code camera:FOLDER} when the path is a folder of images, else {@code camera:COMMAND}. */
    static FrameSource cameraFrames(String pathOrCommand) {
        try {
            if (Files.isDirectory(Path.of(pathOrCommand))) {
                return new FolderFrames(Path.of(pathOrCommand), Duration.ofMillis(100));
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: a command line
        }
        return new CommandFrames(pathOrCommand);
    }

    static QrScanner scanner(DeviceUri uri) {
        return switch (uri.scheme()) {
            case SIM -> new SimulatedQrScanner();
            case NONE -> new NoQrScanner();
            case SERIAL -> new SerialQrScanner(uri.path(), SerialQrScanner.Settings.fromUri(KioskConfig.SCANNER_DEVICE, uri));
            case CAMERA -> new CameraQrScanner(cameraFrames(uri.path()), CameraQrScanner.Settings.defaults());
            case KEYBOARD -> new KeyboardQrScanner();
            case TCP, FILE -> throw new ConfigException(KioskConfig.SCANNER_DEVICE, uri.text(),
                    "sim | none | serial:PATH?baud=N&suffix=CR|LF|CRLF | keyboard | camera:COMMAND");
        };
    }
}
