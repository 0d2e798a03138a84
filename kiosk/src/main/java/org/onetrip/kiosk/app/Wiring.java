package org.onetrip.kiosk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.SplittableRandom;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.ime.handwriting.ZinniaRecognizer;
import org.onetrip.kiosk.idcard.NoIdCardReader;
import org.onetrip.kiosk.idcard.SamIdCardReader;
import org.onetrip.kiosk.idcard.SerialSamTransport;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.io.IoPins;
import org.onetrip.kiosk.io.KioskIo;
import org.onetrip.kiosk.io.NoKioskIo;
import org.onetrip.kiosk.io.Pi4jKioskIo;
import org.onetrip.kiosk.io.SimulatedKioskIo;
import org.onetrip.kiosk.io.StatusLights;
import org.onetrip.kiosk.io.TamperLog;
import org.onetrip.kiosk.printer.NoReceiptPrinter;
import org.onetrip.kiosk.privacy.ErasableAttributes;
import org.onetrip.kiosk.privacy.RetentionEraser;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPos;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.Gb18030;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;
import org.onetrip.kiosk.printer.escpos.PrinterTransport;
import org.onetrip.kiosk.proxy.AgentRegistry;
import org.onetrip.kiosk.proxy.AgentsFile;
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
import org.onetrip.kiosk.speech.AplayOut;
import org.onetrip.kiosk.speech.EspeakSpeech;
import org.onetrip.kiosk.speech.NoSpeech;
import org.onetrip.kiosk.speech.RecordedPrompts;
import org.onetrip.kiosk.speech.Speech;
import org.onetrip.kiosk.status.StatusFreshness;
import org.onetrip.kiosk.status.StatusLookup;
import org.onetrip.kiosk.store.SqliteCatalogCache;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.systemd.SystemdWatchdog;
import org.onetrip.kiosk.sync.Backoff;
import org.onetrip.kiosk.sync.CatalogCache;
import org.onetrip.kiosk.sync.Open311BackOffice;
import org.onetrip.kiosk.sync.Heartbeat;
import org.onetrip.kiosk.sync.OutboxWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a configuration into adapters and services. Everything else receives
 * what it needs in its constructor.
 */
public final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    public static Kiosk wire(KioskConfig config, Clock clock) {
        config.validate();
        Path data = config.dataDir();
        // The folder was made 0700 with owner-only files before this (cli/ConfigOptions.load, the
        // one door every command comes in by), before logback created its first file.
        boolean backOffice = !config.backOfficeUrl().isEmpty();
        // Before the cache opens: a technician's broken catalogue file stops the start with nothing open.
        Supplier<ServiceCatalog> local = localCatalogOnDemand(config, backOffice);
        CatalogCache cache = backOffice ? new SqliteCatalogCache(data.resolve("catalog-cache.db")) : null;
        ServiceCatalog catalog = cache == null ? local.get() : cachedOr(cache, local);
        RequestQueue queue = new SqliteRequestQueue(data.resolve("kiosk.db"), clock, ErasableAttributes.of(catalog));
        ReceiptTokens tokens;
        try {
            tokens = ReceiptTokens.forInstallation(data,
                    () -> queue.countsByOutboxState().values().stream().mapToLong(Long::longValue).sum());
        } catch (RuntimeException e) {
            queue.close();
            if (cache != null) {
                cache.close();
            }
            throw e;
        }
        FilingService filing = new FilingService(catalog, queue, tokens, centre(config), clock, agentRegistry(config));
        IdCardReader reader = idCardReader(config.idCardDevice());
        ReceiptPrinter printer = printer(config, data.resolve("receipts"));
        QrScanner scanner = scanner(config.scannerDevice());
        KioskIo io = kioskIo(config, clock);
        TamperLog tamper = new TamperLog(io);
        OutboxWorker sync = null;
        if (backOffice) {
            List<Device> devices = List.of(reader, printer, scanner, io);
            sync = new OutboxWorker(queue,
                    new Open311BackOffice(new Open311BackOffice.Settings(URI.create(config.backOfficeUrl()),
                            config.backOfficeApiKey(), config.kioskId(),
                            Duration.ofSeconds(Math.min(10, config.backOfficeTimeoutSeconds())),
                            Duration.ofSeconds(config.backOfficeTimeoutSeconds())), catalog),
                    cache, local, clock,
                    new Backoff(Duration.ofMillis(config.backOfficeRetryMinMillis()),
                            Duration.ofSeconds(config.backOfficeRetryMaxSeconds()), new SplittableRandom()),
                    new OutboxWorker.Settings(Duration.ofSeconds(2), Duration.ofSeconds(config.backOfficeStatusRefreshSeconds()),
                            Duration.ofSeconds(config.backOfficeHeartbeatSeconds()), Duration.ofHours(6), 20),
                    new OutboxWorker.Identity(config.kioskId(), Kiosk.APP_VERSION, () -> {
                        Map<String, DeviceStatus> m = new LinkedHashMap<>();
                        devices.forEach(d -> m.put(d.id(), d.status()));
                        m.put("store", queue.status());
                        return m;
                    }, () -> tamper.recentEvents().stream()
                            // The last day's door events: the fleet view sees an opening even if the
                            // network was down when it happened.
                            .filter(e -> e.at().isAfter(clock.instant().minus(Duration.ofDays(1))))
                            .map(e -> new Heartbeat.Alarm(e.at(), "door_" + e.kind().name().toLowerCase(java.util.Locale.ROOT)))
                            .toList()));
        }
        return new Kiosk(config, clock, catalog, queue, reader, printer, scanner, tokens, filing,
                io, tamper, new StatusLights(io, java.util.List.of(reader, printer, scanner), queue::status),
                SystemdWatchdog.fromEnvironment(System.getenv()), sync, cache,
                // Debian's libzinnia0 and tegaki model; without them the pad is hidden, selftest says why.
                // Checked now, the model opened only when the pad shows (26 MB resident while open).
                ZinniaRecognizer.onDemand(), speech(config));
    }

    /**
     * Speech output: espeak-ng played by aplay on {@code speech.alsa-device}, with the centre's
     * recordings from {@code speech.prompts-dir} in place of synthesised prompts; or none.
     */
    public static Speech speech(KioskConfig config) {
        if (config.speechDevice().equals("none")) {
            return new NoSpeech();
        }
        Path dir = config.speechPromptsDir();
        return new EspeakSpeech(new EspeakSpeech.Settings(config.speechEspeakCommand(), config.speechRateWpm()),
                new AplayOut("aplay", config.speechAlsaDevice()),
                dir == null ? RecordedPrompts.NONE : new RecordedPrompts(dir, config.locale()), config.speechVolume());
    }

    /**
     * The registered proxy agents of {@code proxy.agents-file}, read and checked at start: a wrong
     * file stops the kiosk with the file and line. A relative name is found beside the profile (the
     * working folder for the bundled profile), else among the profiles bundled with the kiosk.
     */
    public static AgentRegistry agentRegistry(KioskConfig config) {
        String v = config.proxyAgentsFile();
        if (v.isEmpty()) {
            log.info("no {} set: no proxy agents are registered, so proxy services refuse every agent card",
                    KioskConfig.PROXY_AGENTS_FILE);
            return AgentRegistry.empty();
        }
        try {
            Path p = Path.of(v);
            Path beside = p.isAbsolute() ? p
                    : config.profileFile().map(f -> f.toAbsolutePath().resolveSibling(p)).orElse(p);
            AgentRegistry r;
            if (!p.isAbsolute() && !Files.exists(beside) && Wiring.class.getResource("/profiles/" + v) != null) {
                // A bundled profile's file (a copy of the simulator profile names simulator-agents.csv).
                r = AgentsFile.loadResource("/profiles/" + v);
            } else {
                r = AgentsFile.load(beside);
            }
            log.info("{} registered proxy agents from {}", r.agents().size(), v);
            return r;
        } catch (AgentsFile.Problem e) {
            throw new ConfigException(KioskConfig.PROXY_AGENTS_FILE, v,
                    "a registered agents file as firmware-config/README.md describes; " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(KioskConfig.PROXY_AGENTS_FILE, v, "a file path");
        }
    }

    /**
     * Erases personal data past {@code privacy.retention-days} at start and every hour, on every
     * kiosk (with a back office or without); the caller starts and closes it.
     */
    public static RetentionEraser retentionEraser(Kiosk kiosk) {
        return new RetentionEraser(kiosk.queue(), Duration.ofDays(kiosk.config().retentionDays()),
                RetentionEraser.DEFAULT_EVERY, kiosk.clock());
    }

    /**
     * The UI's session flag, also in systemd's runtime folder for the nightly upgrade (which
     * installs only while no session is open); nothing outside systemd. Starts "closed".
     */
    public static void publishSessionState(Kiosk kiosk) {
        org.onetrip.kiosk.systemd.SessionStateFile.fromEnvironment(System.getenv(), kiosk.clock()).ifPresent(f -> {
            f.accept(false);
            // The UI says "session open" on the JavaFX thread: the file is written on a thread of
            // its own, in the order said (one thread), so a slow disk never holds a frame.
            java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "session-state-file");
                t.setDaemon(true);
                return t;
            });
            kiosk.statusLights().addSessionListener(open -> writer.execute(() -> f.accept(open)));
        });
    }

    /** The technician's PIN, hashed in {@code DATA_DIR/secrets.properties}. */
    public static org.onetrip.kiosk.maintenance.PinVault pinVault(KioskConfig config, Clock clock) {
        return new org.onetrip.kiosk.maintenance.PinVault(config.dataDir().resolve("secrets.properties"), clock,
                Duration.ofSeconds(config.maintenanceLockoutSeconds()));
    }

    /** One pinyin input per data folder and process: its dictionary is immutable and takes seconds to read. */
    private static final java.util.Map<Path, org.onetrip.kiosk.ime.PinyinInput> PINYIN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Pinyin input from Rime's Luna Pinyin data ({@code ime.rime-data}), simplified by OpenCC,
     * compiled into {@code DATA_DIR/pinyin-luna.bin} by a child JVM. It reads its dictionary on
     * first use; nothing happens here. A UI rebuilt (or a test's next kiosk) shares the one already read.
     */
    public static org.onetrip.kiosk.ime.PinyinInput pinyinInput(KioskConfig config) {
        return PINYIN.computeIfAbsent(config.rimeDataDir().toAbsolutePath(), dir -> new org.onetrip.kiosk.ime.PinyinInput(dir,
                new org.onetrip.kiosk.ime.opencc.OpenCcSimplifier(org.onetrip.kiosk.ime.opencc.OpenCcSimplifier.DEFAULT_CONFIG),
                pinyinCache(config),
                new org.onetrip.kiosk.ime.ChildJvmPinyinPreparer(org.onetrip.kiosk.ime.opencc.OpenCcSimplifier.DEFAULT_CONFIG)));
    }

    /** Where the compiled pinyin dictionary lives: beside the store, the kiosk user's own folder. */
    public static Path pinyinCache(KioskConfig config) {
        return config.dataDir().resolve(org.onetrip.kiosk.ime.pinyin.PinyinCache.FILE);
    }

    /** The cabinet I/O: GPIO through gpiod, the same code on Pi4J's mock platform, or none. */
    public static KioskIo kioskIo(KioskConfig config, Clock clock) {
        return switch (config.ioDevice()) {
            case "pi4j" -> Pi4jKioskIo.onGpiod(IoPins.from(config), clock);
            case "sim" -> SimulatedKioskIo.forSimulator(IoPins.from(config), clock);
            default -> new NoKioskIo();
        };
    }

    /** The kiosk's own catalogue: {@code catalog.file} when set, else the bundled one. */
    public static ServiceCatalog localCatalog(KioskConfig config) {
        return config.catalogFile() == null ? new CatalogLoader().loadBundled() : new CatalogLoader().load(config.catalogFile());
    }

    /**
     * The kiosk's own catalogue, parsed now, or at its first use when it is the bundled one and a
     * back office may have left a cached catalogue: a centre's kiosk then starts with the cached
     * one, and its own is only asked for the windows at the sync's catalogue fetch, after the home
     * screen is drawn (a second parse of 100 KB of JSON on the main thread: issue 13, cold start).
     * A technician's own file is read now either way, so a broken one still stops the start.
     */
    static Supplier<ServiceCatalog> localCatalogOnDemand(KioskConfig config, boolean mayBeCached) {
        return localCatalogOnDemand(config, mayBeCached, () -> new CatalogLoader().loadBundled());
    }

    /** As above, with the bundled catalogue's loader given (tests count its calls). */
    static Supplier<ServiceCatalog> localCatalogOnDemand(KioskConfig config, boolean mayBeCached,
            Supplier<ServiceCatalog> bundledLoader) {
        if (config.catalogFile() != null || !mayBeCached) {
            ServiceCatalog now = config.catalogFile() == null ? bundledLoader.get() : localCatalog(config);
            return () -> now;
        }
        return new Supplier<>() {
            private ServiceCatalog bundled;

            @Override
            public synchronized ServiceCatalog get() {
                if (bundled == null) {
                    bundled = bundledLoader.get();
                }
                return bundled;
            }
        };
    }

    /**
     * The catalogue last fetched from the back office, or {@code local} when there is none or it
     * does not parse (a cache must never stop the kiosk from starting).
     */
    static ServiceCatalog cachedOr(CatalogCache cache, Supplier<ServiceCatalog> local) {
        try {
            var cached = cache.load();
            if (cached.isPresent()) {
                ServiceCatalog c = new CatalogLoader().parse(cached.get().catalogJson(), "cached catalogue");
                log.info("using the catalogue fetched from the back office at {}", cached.get().fetchedAt());
                return c;
            }
        } catch (RuntimeException e) {
            log.warn("the cached catalogue is unusable; using the kiosk's own: {}", e.getMessage());
        }
        return local.get();
    }

    static FilingService.CentreInfo centre(KioskConfig c) {
        return new FilingService.CentreInfo(c.kioskId(),
                LocalizedText.of(c.centreName(java.util.Locale.SIMPLIFIED_CHINESE), c.centreName(java.util.Locale.ENGLISH)),
                LocalizedText.of(c.centreHours(java.util.Locale.SIMPLIFIED_CHINESE), c.centreHours(java.util.Locale.ENGLISH)),
                c.centrePhone(), c.statusUrlBase());
    }

    /**
     * Status look-ups for {@code kiosk}'s store and tokens. With a back office, statuses count as
     * current for three refresh intervals (at least 15 minutes) after the sync last refreshed them;
     * without one they are always the kiosk's own last record, and the screen says so.
     */
    public static StatusLookup statusLookup(Kiosk kiosk, StatusLookup.Limits limits) {
        StatusFreshness freshness = kiosk.backOfficeSync().<StatusFreshness>map(sync -> new StatusFreshness() {
            @Override
            public java.util.Optional<java.time.Instant> lastSync() {
                return sync.lastStatusRefresh();
            }

            @Override
            public Duration freshFor() {
                Duration three = sync.statusRefreshInterval().multipliedBy(3);
                return three.compareTo(DEFAULT_FRESH_FOR) > 0 ? three : DEFAULT_FRESH_FOR;
            }
        }).orElse(StatusFreshness.NO_BACK_OFFICE);
        return new StatusLookup(kiosk.tokens(), kiosk.queue(), kiosk.catalog(), kiosk.config().statusUrlBase(),
                freshness, kiosk.clock(), limits);
    }

    /** Gives back a ticket a crash took away before it was shown (see {@link org.onetrip.kiosk.recovery.ReceiptRecovery}). */
    public static org.onetrip.kiosk.recovery.ReceiptRecovery receiptRecovery(Kiosk kiosk) {
        return new org.onetrip.kiosk.recovery.ReceiptRecovery(kiosk.queue(), kiosk.catalog(), centre(kiosk.config()),
                Duration.ofSeconds(kiosk.config().recoveryWindowSeconds()), kiosk.clock(), kiosk.filing().agents());
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

    /** The configured scanner alone, for tools that must work without the store (selftest on a full disk). */
    public static QrScanner scannerFor(KioskConfig config) {
        return scanner(config.scannerDevice());
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
