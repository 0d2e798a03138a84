package org.onetrip.kiosk.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.FormValidator;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.SamDeviceSimulator;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.testing.MutableClock;
import org.onetrip.kiosk.ui.Fonts;
import org.onetrip.kiosk.ui.KioskUi;
import org.slf4j.LoggerFactory;

/**
 * A soak: thousands of whole sessions through the real UI (headless, Monocle, simulated devices),
 * driven the way a resident drives it (buttons fired on the JavaFX thread, cards placed on the
 * simulated reader, receipts scanned on the simulated scanner), with time on a clock the driver
 * moves, so idle timeouts and the attract screen need no waiting.
 *
 * <p>Sessions cycle through four flows, each in Chinese and in English: a resident's card
 * (residence certificate), a proxy agent's and a resident's card (house rebuild), an anonymous
 * hazard report with the printer out of paper (paper comes back after the done screen), and a
 * resident's filing whose receipt is then scanned to its status. Every {@code --idle-every}th
 * session is left on its form until the idle warning and the timeout wipe it. Between sessions
 * three minutes pass: the attract screen comes and a touch wakes it.
 *
 * <p>It counts every ERROR or WARN logged with an exception (a counting appender on the root
 * logger; uncaught exceptions of any thread are logged too), out-of-service screens and stuck
 * steps (a step not reached within {@code --step-timeout-s}), and records resident set size
 * (VmRSS) and heap after GC every {@code --every} sessions. It fails (exit 1) on any exception,
 * out-of-service screen or stuck step, or RSS growing more than {@code --max-rss-growth} percent
 * from session {@code --baseline} (default 1,000, or a tenth of a shorter run) to the last.
 *
 * <p>With {@code --devices pty} the printer and the ID card reader are the Pi's: the real adapters
 * ({@link EscPosPrinter}, {@link org.onetrip.kiosk.idcard.SamIdCardReader}) on serial ports that
 * are socat pseudo-terminals, with the printer's and the SAM's simulators on the far ends (in this
 * JVM, keeping no printed bytes), instead of the in-process simulated devices that draw receipt
 * pictures. {@code --histogram-at 100,1000} prints the heap's top classes at those sessions.
 *
 * <pre>./scripts/bench soak  (BENCH_SOAK_SESSIONS=300 for a short run); ./scripts/bench pi</pre>
 */
public final class SoakBench {
    private enum Kind { RESIDENT, PROXY, HAZARD_PAPER_OUT, RESIDENT_SCAN }

    private final int sessions;
    private final int every;
    private final int idleEvery;
    private final int baseline;
    private final Duration stepTimeout;
    private final double maxRssGrowth;
    /** Top classes of the heap to print at the end (0: none), to find what a leak keeps. */
    private final int histogram;
    /** Stop after this many minutes, whatever the session count (0: no limit); the summary says how many ran. */
    private final double minutes;
    /** Sessions after which the heap histogram is printed (top {@link #histogram} lines, 20 if 0). */
    private final java.util.Set<Integer> histogramAt = new java.util.TreeSet<>();
    /** The Pi's devices: real adapters on socat ptys (true), or the in-process simulated devices. */
    private final boolean ptyDevices;
    /** Limits on the last sample (0: none): the Pi's aims, RSS and heap after a full collection. */
    private final double maxRssMiB;
    private final double maxHeapMiB;
    /** The kiosk's data folder (default: a new temporary one), e.g. one holding a compiled pinyin dictionary. */
    private final String dataDir;
    /** faces: the CJK faces cut as a kiosk has them from its second start on; collections: as at its first. */
    private final String fonts;
    private int ran;

    private static final List<SocatPty> PTYS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-11-28T00:05:00Z");
    private Kiosk kiosk;
    private KioskUi ui;
    private Stage stage;
    private SimulatedIdCardReader reader;
    private SimulatedReceiptPrinter printer;
    private SimulatedQrScanner scanner;
    // --devices pty: the far ends of the ptys, and the printer adapter to ask for its status.
    private SimulatedSam sam;
    private SamDeviceSimulator samDevice;
    private PrinterSimulator printerDevice;
    private EscPosPrinter escPos;
    /** The SAM's command count when the card was lifted: the reader notices after a few empty polls. */
    private long liftedAtCommand = -1;
    private final AtomicInteger printed = new AtomicInteger();

    private final ErrorCounter errors = new ErrorCounter();
    private final Map<String, Integer> outOfService = new LinkedHashMap<>();
    private final List<String> stuck = new ArrayList<>();
    private final List<String> outOfServiceFirst = new ArrayList<>();
    private final Map<String, Integer> flowsRun = new LinkedHashMap<>();
    private int english;
    private final Map<String, Integer> shownOutOfService = new LinkedHashMap<>();
    private volatile int outOfServiceShown;
    private int idleTimeouts;
    private int currentSession;
    /** The SAM reader's poll interval on the pty (its own default, 300 ms, when null). */
    private final String readerPollMs;
    private final List<double[]> samples = new ArrayList<>(); // session, seconds, rss, heap, threads, exceptions, oos, stuck

    private SoakBench(Map<String, String> o) {
        sessions = Integer.parseInt(o.getOrDefault("sessions", "10000"));
        every = Integer.parseInt(o.getOrDefault("every", String.valueOf(Math.max(1, sessions / 20))));
        idleEvery = Integer.parseInt(o.getOrDefault("idle-every", "7"));
        baseline = Integer.parseInt(o.getOrDefault("baseline", String.valueOf(Math.min(1000, Math.max(1, sessions / 10)))));
        stepTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("step-timeout-s", "30")));
        maxRssGrowth = Double.parseDouble(o.getOrDefault("max-rss-growth", "5"));
        histogram = Integer.parseInt(o.getOrDefault("histogram", "0"));
        minutes = Double.parseDouble(o.getOrDefault("minutes", "0"));
        for (String at : o.getOrDefault("histogram-at", "").split(",")) {
            if (!at.isBlank()) {
                histogramAt.add(Integer.parseInt(at.trim()));
            }
        }
        String devices = o.getOrDefault("devices", "sim");
        if (!devices.equals("sim") && !devices.equals("pty")) {
            throw new IllegalArgumentException("--devices sim|pty, not " + devices);
        }
        ptyDevices = devices.equals("pty");
        maxRssMiB = Double.parseDouble(o.getOrDefault("max-rss-mib", "0"));
        maxHeapMiB = Double.parseDouble(o.getOrDefault("max-heap-mib", "0"));
        dataDir = o.get("data-dir");
        readerPollMs = o.get("reader-poll-ms");
        fonts = o.getOrDefault("fonts", "faces");
        if (!fonts.equals("faces") && !fonts.equals("collections")) {
            throw new IllegalArgumentException("--fonts faces|collections, not " + fonts);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.out.println("usage: SoakBench [--sessions N] [--every K] [--idle-every M] [--baseline B]"
                        + " [--step-timeout-s S] [--max-rss-growth PERCENT] [--minutes M] [--histogram TOP]"
                        + " [--histogram-at S1,S2] [--devices sim|pty] [--max-rss-mib R] [--max-heap-mib H] [--data-dir DIR] [--reader-poll-ms MS] [--fonts faces|collections]");
                System.exit(2);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        int status;
        try {
            status = new SoakBench(o).run();
        } catch (Throwable t) {
            System.out.println("SOAK ABORTED: " + t);
            t.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        for (SocatPty pty : PTYS) {
            try {
                pty.close(); // halt skips shutdown hooks: socat would outlive us
            } catch (Exception e) {
                // leaving anyway
            }
        }
        Runtime.getRuntime().halt(status); // the kiosk's non-daemon threads must not keep the JVM
    }

    private int run() throws Exception {
        errors.attach();
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                LoggerFactory.getLogger(SoakBench.class).error("uncaught on thread {}", t.getName(), e));
        Path dir = dataDir == null ? Files.createTempDirectory("onetrip-soak") : Files.createDirectories(Path.of(dataDir));
        List<String> settings = new ArrayList<>(List.of("data.dir=" + dir, "ui.simulator-panel=false",
                "session.idle-timeout-s=60", "session.idle-warning-s=20", "ui.attract-after-s=120"));
        if (ptyDevices) {
            if (!SocatPty.available()) {
                throw new IllegalStateException("--devices pty needs socat (Debian package socat)");
            }
            // Stopped in main before the JVM halts.
            SocatPty idPty = new SocatPty(Files.createDirectory(dir.resolve("idcard-pty"))).start();
            SocatPty printerPty = new SocatPty(Files.createDirectory(dir.resolve("printer-pty"))).start();
            PTYS.add(idPty);
            PTYS.add(printerPty);
            sam = new SimulatedSam();
            samDevice = new SamDeviceSimulator(idPty.b().toString(), sam, true);
            samDevice.start();
            printerDevice = PrinterSimulator.serial(printerPty.b().toString(), 115200);
            // The Pi profile's device lines (firmware-config/profiles/pi.properties), on the ptys.
            // A shorter poll than the reader's 300 ms only spares the soak the wait for the
            // reader's clock (a card noticed, a card lifted): more exchanges, the same code.
            settings.add("idcard.device=serial:" + idPty.a() + "?baud=115200"
                    + (readerPollMs == null ? "" : "&poll=" + Integer.parseInt(readerPollMs)));
            settings.add("printer.device=serial:" + printerPty.a() + "?baud=115200");
        }
        kiosk = Wiring.wire(KioskConfig.simulator(settings.toArray(String[]::new)), clock);
        kiosk.startDevices();
        scanner = (SimulatedQrScanner) kiosk.scanner();
        if (ptyDevices) {
            escPos = (EscPosPrinter) kiosk.printer();
        } else {
            reader = (SimulatedIdCardReader) kiosk.idCardReader();
            printer = (SimulatedReceiptPrinter) kiosk.printer();
            printer.addPrintListener(p -> printed.incrementAndGet());
        }
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kiosk-background");
            t.setDaemon(true);
            return t;
        });
        if (fonts.equals("faces")) {
            Path faces = org.onetrip.kiosk.ui.fonts.FontFaces.folder(dir);
            Fonts.useFacesIn(faces);
            Fonts.cutFaces(faces);
        }
        CompletableFuture<KioskUi> started = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                stage = new Stage();
                KioskUi u = new KioskUi(kiosk, stage, clock, background);
                u.start();
                stage.show();
                started.complete(u);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        });
        // Under emulation (scripts/check-pi runs this on an arm64 JVM in qemu) the first screen takes
        // longer than a minute: the start waits as long as a step may.
        ui = started.get(Math.max(60, stepTimeout.toSeconds()), TimeUnit.SECONDS);
        checkValues();
        // Every out-of-service screen counts, even one that a step after it hides at once.
        fx(() -> {
            ui.flow().nav().currentProperty().addListener((o, was, now) -> {
                if (now != null && "out-of-service".equals(now.id())) {
                    shownOutOfService.merge("session " + currentSession + " from " + (was == null ? "-" : was.id()), 1,
                            Integer::sum);
                    outOfServiceShown++;
                }
            });
            return null;
        });

        System.out.printf(Locale.ROOT, "soak: %d sessions, a sample every %d, idle timeout every %dth, RSS baseline at session %d,"
                + " a step stuck after %d s; devices: %s; JVM (os.arch %s): %s%n", sessions, every, idleEvery, baseline, stepTimeout.toSeconds(),
                ptyDevices ? "escpos and SAM adapters on socat ptys" + (readerPollMs == null ? ""
                        : ", the reader polled every " + readerPollMs + " ms (its default 300)") : "in-process simulated", System.getProperty("os.arch"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList()));
        System.out.println(" sessions  elapsed s  sessions/s  RSS MiB  heap after GC MiB  threads  exceptions  out-of-service  stuck");
        long t0 = System.nanoTime();
        sample(0, t0);
        for (int i = 1; i <= sessions; i++) {
            if (minutes > 0 && (System.nanoTime() - t0) / 60e9 > minutes) {
                System.out.printf(Locale.ROOT, "stopped after %.0f minutes (--minutes), %d of %d sessions run%n", minutes, i - 1,
                        sessions);
                sample(i - 1, t0);
                break;
            }
            currentSession = i;
            ran = i;
            try {
                session(i);
            } catch (StepFailed f) {
                recover(f);
            }
            if (i % every == 0 || i == sessions || i == baseline || histogramAt.contains(i)) {
                sample(i, t0);
            }
            if (histogramAt.contains(i)) {
                printHistogram("after session " + i);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return summary(seconds);
    }

    // ---- one session ----------------------------------------------------------------------

    private static final Map<String, String> RESIDENCE = Map.of("purpose", "school", "address", "桐城街道资国寺路88号",
            "since", "2020-09-01", "housing", "owned", "copies", "1", "phone", "13800138000");
    private static final Map<String, String> HOUSE = Map.of("reason", "dilapidated", "old_structure", "earth_wood",
            "old_area", "80", "new_area", "120", "floors", "3", "household_size", "5", "land_certificate", "land",
            "site_location", "桐城街道柯岭村12号", "phone", "13912345678");
    private static final Map<String, String> HAZARD = Map.of("category", "road_traffic", "location", "资国寺路",
            "description", "红绿灯不亮", "since", "today", "danger", "no");

    /** The driver's values must pass the kiosk's own validation, or every session would stop at the form. */
    private void checkValues() {
        FormValidator v = new FormValidator();
        for (var e : Map.of("residence-certificate", RESIDENCE, "house-rebuild", HOUSE, "hazard-report", HAZARD).entrySet()) {
            ServiceDefinition s = kiosk.catalog().service(e.getKey()).orElseThrow();
            for (Attribute a : s.attributes()) {
                if (v.validate(a, e.getValue().get(a.code())) != null) {
                    throw new IllegalStateException("the soak's value for " + e.getKey() + "." + a.code() + " is refused: "
                            + v.validate(a, e.getValue().get(a.code())));
                }
            }
        }
    }

    private void session(int i) throws Exception {
        Kind kind = Kind.values()[(i - 1) % Kind.values().length];
        boolean en = ((i - 1) / Kind.values().length) % 2 == 1;
        boolean idle = idleEvery > 0 && i % idleEvery == 0;
        flowsRun.merge(kind + (en ? " en" : " zh") + (idle ? " idle" : ""), 1, Integer::sum);

        // Three minutes since the last visit: the attract screen, then somebody touches it.
        clock.advance(Duration.ofMinutes(3));
        fx(() -> {
            ui.tick();
            return null;
        });
        step("the attract screen", () -> screenIs("attract"));
        fx(() -> {
            ui.idle().activity();
            ui.flow().home(); // what a touch on the attract screen does
            return null;
        });
        step("home", () -> screenIs("home"));
        if (en) {
            english++;
            press("language");
            step("English", () -> !ui.flow().texts().isChinese());
        }
        switch (kind) {
            case RESIDENT, RESIDENT_SCAN -> {
                press("tile-livelihood");
                step("the service list", () -> screenIs("services"));
                press("service-residence-certificate");
                step("identify", () -> screenIs("identify"));
                placeCard(i % 2 == 0 ? FictionalCards.LAI_JIAJIA : FictionalCards.OUYANG_ELDER);
                step("the form after the card", () -> screenIs("form"));
            }
            case PROXY -> {
                press("tile-economy");
                step("the service list", () -> screenIs("services"));
                press("service-house-rebuild");
                step("identify", () -> screenIs("identify"));
                placeCard(FictionalCards.ZHAN_AGENT);
                step("the agent's card accepted", () -> ui.flow().session().agent() != null);
                liftCard(); // the agent takes his card back
                placeCard(FictionalCards.OUYANG_ELDER);
                step("the form after both cards", () -> screenIs("form"));
            }
            case HAZARD_PAPER_OUT -> {
                paper(false);
                step("the printer out of paper", () -> ui.flow().bridge().status("printer").detail() == StatusDetail.PAPER_OUT);
                press("tile-opinion");
                step("the service list", () -> screenIs("services"));
                press("service-hazard-report");
                step("the form", () -> screenIs("form"));
            }
        }
        if (idle) {
            idleTimeouts++;
            clock.advance(Duration.ofSeconds(41)); // timeout 60 s, warning 20 s
            fx(() -> {
                ui.tick();
                return null;
            });
            step("the idle warning", () -> stage.getScene().lookup("#idle-overlay") != null
                    && stage.getScene().lookup("#idle-overlay").isVisible());
            clock.advance(Duration.ofSeconds(20));
            fx(() -> {
                ui.tick();
                return null;
            });
            step("home after the idle timeout", () -> screenIs("home") && ui.flow().session().isEmpty()
                    && ui.flow().session().resident() == null);
            endOfSession(kind);
            return;
        }
        Map<String, String> values = kind == Kind.PROXY ? HOUSE : kind == Kind.HAZARD_PAPER_OUT ? HAZARD : RESIDENCE;
        fx(() -> {
            ui.flow().session().values().putAll(values);
            return null;
        });
        press("next");
        step("review", () -> screenIs("review"));
        int before = printedCount();
        press("submit");
        step("done", () -> screenIs("done"));
        if (kind == Kind.HAZARD_PAPER_OUT) {
            step("the print failure on the done screen", () -> printStatusIs("error"));
            paper(true);
            step("the paper back", () -> ui.flow().bridge().status("printer").isOnline()
                    && ui.flow().bridge().status("printer").detail() != StatusDetail.PAPER_OUT);
        } else {
            step("the receipt printed", () -> printStatusIs("ok") && printedCount() > before);
        }
        if (kind == Kind.RESIDENT_SCAN) {
            String url = fx(() -> ui.flow().session().filing().statusUrl());
            scanner.scan(url);
            step("the status of the scanned receipt", () -> screenIs("status") && stage.getScene().lookup("#status-ticket") != null);
        }
        press("finish");
        step("home after finishing", () -> screenIs("home"));
        endOfSession(kind);
    }

    private void endOfSession(Kind kind) {
        if (kind == Kind.HAZARD_PAPER_OUT) {
            paper(true);
        } else {
            liftCard();
        }
    }

    private void placeCard(Identity card) throws Exception {
        if (!ptyDevices) {
            reader.place(card);
            return;
        }
        if (liftedAtCommand >= 0) {
            // As a hand does: the next card only once the reader has seen the last one go
            // (removalMisses empty polls, and one in flight).
            long at = liftedAtCommand;
            step("the reader to see the card lifted", () -> sam.commandsAnswered() >= at + 4);
            liftedAtCommand = -1;
        }
        sam.place(card);
    }

    private void liftCard() {
        if (!ptyDevices) {
            reader.remove();
        } else if (sam.hasCard()) {
            sam.remove();
            liftedAtCommand = sam.commandsAnswered();
        }
    }

    /** Paper in (true) or out; on the pty the adapter is asked at once, as the kiosk's 5 s poll would. */
    private void paper(boolean in) {
        if (!ptyDevices) {
            printer.setCondition(in ? SimulatedReceiptPrinter.Condition.READY : SimulatedReceiptPrinter.Condition.PAPER_OUT);
            return;
        }
        printerDevice.setCondition(in ? PrinterSimulator.Condition.READY : PrinterSimulator.Condition.PAPER_OUT);
        escPos.refreshStatus();
    }

    /** Receipts printed: the simulated printer's count, or jobs seen at the pty's far end (bytes dropped). */
    private int printedCount() {
        if (ptyDevices && printerDevice.takePrinted() > 0) {
            printed.incrementAndGet();
        }
        return printed.get();
    }

    private boolean screenIs(String id) {
        return ui.flow().nav().current() != null && id.equals(ui.flow().nav().current().id());
    }

    private boolean printStatusIs(String styleClass) {
        Node n = stage.getScene().lookup("#print-status");
        return n != null && n.getStyleClass().contains(styleClass);
    }

    /** A resident's touch on the button with this id: fired once it is there and enabled. */
    private void press(String id) throws Exception {
        step("#" + id + " to press", () -> {
            Node n = stage.getScene().lookup("#" + id);
            if (n == null) {
                stage.getScene().getRoot().applyCss();
                n = stage.getScene().lookup("#" + id);
            }
            if (n instanceof ButtonBase b && !b.isDisabled() && b.isVisible()) {
                ui.idle().activity();
                b.fire();
                return true;
            }
            return false;
        });
    }

    // ---- waiting on state ---------------------------------------------------------------

    /** A step of the flow that was not reached: stuck, or the kiosk went out of service on the way. */
    private static final class StepFailed extends Exception {
        final String step;
        final String screen;
        final boolean outOfService;

        StepFailed(String step, String screen, boolean outOfService) {
            super((outOfService ? "out of service" : "stuck") + " waiting for " + step + " on screen " + screen);
            this.step = step;
            this.screen = screen;
            this.outOfService = outOfService;
        }
    }

    /** Polls {@code c} on the JavaFX thread until it holds; fails at once on the out-of-service screen. */
    private void step(String what, BooleanSupplier c) throws Exception {
        long end = System.nanoTime() + stepTimeout.toNanos();
        while (true) {
            String[] screen = new String[1];
            boolean ok = fx(() -> {
                screen[0] = ui.flow().nav().current() == null ? "-" : ui.flow().nav().current().id();
                return c.getAsBoolean();
            });
            if (ok) {
                return;
            }
            if ("out-of-service".equals(screen[0])) {
                throw new StepFailed(what, screen[0], true);
            }
            if (System.nanoTime() - end > 0) {
                throw new StepFailed(what, screen[0], false);
            }
            Thread.sleep(2);
        }
    }

    private void recover(StepFailed f) throws Exception {
        String where = "session " + currentSession + ": " + f.getMessage();
        if (f.outOfService) {
            if (outOfService.merge(f.step, 1, Integer::sum) == 1) {
                outOfServiceFirst.add(where);
            }
        } else {
            stuck.add(where);
            System.out.println("STUCK " + where);
            System.out.flush();
        }
        paper(true);
        liftCard();
        fx(() -> {
            ui.idle().activity();
            ui.flow().home();
            return null;
        });
        try {
            step("home, to recover", () -> screenIs("home"));
        } catch (StepFailed again) {
            throw new IllegalStateException("the kiosk cannot get home any more: " + again.getMessage());
        }
    }

    private <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(stepTimeout.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StepFailed("the JavaFX thread to answer", "?", false);
        }
    }

    // ---- figures ---------------------------------------------------------------------------

    private void sample(int session, long t0) throws Exception {
        double heap = fullGcHeapMiB();
        double rss = rssMiB();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int threads = Thread.activeCount();
        samples.add(new double[] {session, seconds, rss, heap, threads, errors.withException(), oosCount(), stuck.size()});
        System.out.printf(Locale.ROOT, " %8d  %9.1f  %10.2f  %7.1f  %17.1f  %7d  %10d  %14d  %5d%n", session, seconds,
                session == 0 ? 0.0 : session / seconds, rss, heap, threads, errors.withException(), oosCount(), stuck.size());
        System.out.flush(); // a run killed later (out of memory, a time limit) keeps its figures so far
    }

    /**
     * Heap used after full collections (System.gc() is one with the serial collector). JavaFX frees
     * a texture's pixels from its disposer once the collector has cleared the texture, so one
     * collection is not enough: collect until the figure stops falling.
     */
    static double fullGcHeapMiB() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used >= best - (1 << 20)) {
                best = Math.min(best, used);
                break;
            }
            best = used;
            Thread.sleep(200); // let the reference handler and JavaFX's disposer run
        }
        return best / 1048576.0;
    }

    /** Out-of-service screens shown, whether a step was waiting on them or they were left at once. */
    private int oosCount() {
        return outOfServiceShown;
    }

    private int summary(double seconds) throws java.io.IOException {
        System.out.printf(Locale.ROOT, "%n== soak: %d sessions in %.0f s (%.2f sessions/s); %d in English, %d ended by the idle timeout%n",
                ran, seconds, ran / seconds, english, idleTimeouts);
        System.out.println("flows run: " + flowsRun);
        System.out.printf("exceptions logged (ERROR/WARN with a throwable): %d%n", errors.withException());
        errors.groups.entrySet().stream().sorted((a, b) -> b.getValue().count.intValue() - a.getValue().count.intValue())
                .forEach(e -> System.out.printf("  %6d  first in session %d: %s%n", e.getValue().count.intValue(),
                        e.getValue().firstSession, e.getKey()));
        System.out.printf("ERROR/WARN lines without a throwable: %d%n", errors.plain.values().stream().mapToInt(LongAdder::intValue).sum());
        errors.plain.entrySet().stream().sorted((a, b) -> b.getValue().intValue() - a.getValue().intValue()).limit(8)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue().intValue(), e.getKey()));
        System.out.printf("out-of-service screens shown: %d; steps that ended on one: %s%n", oosCount(), outOfService);
        shownOutOfService.entrySet().stream().limit(5).forEach(e -> System.out.println("  " + e.getKey()));
        outOfServiceFirst.stream().limit(5).forEach(s -> System.out.println("  first step: " + s));
        System.out.printf("stuck steps: %d%n", stuck.size());
        stuck.stream().limit(10).forEach(s -> System.out.println("  " + s));

        double[] base = samples.stream().filter(x -> x[0] == baseline).findFirst().orElse(null);
        double[] last = samples.get(samples.size() - 1);
        double growth = base == null || last[0] <= baseline ? Double.NaN : (last[2] / base[2] - 1) * 100;
        if (Double.isNaN(growth)) {
            System.out.printf("RSS growth not measured: the run did not go past its baseline session %d%n", baseline);
        } else {
            System.out.printf(Locale.ROOT, "RSS from session %d to %d: %.1f -> %.1f MiB (%+.1f%%, limit +%.0f%%);"
                    + " heap after GC %.1f -> %.1f MiB; threads %d -> %d%n", (int) base[0], (int) last[0], base[2], last[2],
                    growth, maxRssGrowth, base[3], last[3], (int) base[4], (int) last[4]);
        }
        List<String> failed = new ArrayList<>();
        if (errors.withException() > 0) {
            failed.add(errors.withException() + " exceptions logged");
        }
        if (oosCount() > 0) {
            failed.add(oosCount() + " out-of-service screens");
        }
        if (!stuck.isEmpty()) {
            failed.add(stuck.size() + " stuck steps");
        }
        if (Double.isNaN(growth)) {
            failed.add("RSS growth not measured");
        } else if (growth > maxRssGrowth) {
            failed.add(String.format(Locale.ROOT, "RSS grew %.1f%%", growth));
        }
        double[] first = samples.get(0);
        System.out.printf(Locale.ROOT, "RSS at start %.1f MiB", first[2]);
        for (double[] x : samples) {
            if ((x[0] == 100 || x[0] == 1000) && x[0] < last[0]) {
                System.out.printf(Locale.ROOT, ", after %d sessions %.1f MiB", (int) x[0], x[2]);
            }
        }
        System.out.printf(Locale.ROOT, ", after %d sessions %.1f MiB (aim %s); heap after a full GC %.1f MiB (aim %s)%n",
                (int) last[0], last[2], maxRssMiB > 0 ? "<= " + (int) maxRssMiB : "none", last[3],
                maxHeapMiB > 0 ? "< " + (int) maxHeapMiB : "none");
        if (maxRssMiB > 0 && last[2] > maxRssMiB) {
            failed.add(String.format(Locale.ROOT, "RSS %.1f MiB over %.0f", last[2], maxRssMiB));
        }
        if (maxHeapMiB > 0 && last[3] >= maxHeapMiB) {
            failed.add(String.format(Locale.ROOT, "heap after GC %.1f MiB over %.0f", last[3], maxHeapMiB));
        }
        System.out.printf(Locale.ROOT, "at the end: PSS %.1f MiB (RSS less the share of pages other processes map too);"
                + " font files mapped: %s (--fonts %s)%n", pssMiB(), fontMaps(), fonts);
        if (histogram > 0) {
            printHistogram("at the end");
        }
        System.out.println(failed.isEmpty() ? "SOAK PASSED" : "SOAK FAILED: " + String.join(", ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    private void printHistogram(String when) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = String.valueOf(out).split("\n");
            int top = histogram > 0 ? histogram : 20;
            System.out.println("heap histogram " + when + " (jcmd GC.class_histogram), top " + top + ":");
            for (int k = 0; k < Math.min(lines.length, top + 3); k++) {
                System.out.println("  " + lines[k]);
            }
        } catch (Exception e) {
            System.out.println("no heap histogram: " + e);
        }
    }

    /** Proportional set size: each page shared with other processes counted by its share. */
    static double pssMiB() throws java.io.IOException {
        Path rollup = Path.of("/proc/self/smaps_rollup");
        if (Files.isReadable(rollup)) {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        return -1;
    }

    /** The font files this process maps, with how many times each. */
    static String fontMaps() throws java.io.IOException {
        Map<String, Long> maps = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String name = line.substring(line.lastIndexOf(' ') + 1);
            if (name.matches(".*\\.(ttc|ttf|otf)")) {
                maps.merge(Path.of(name).getFileName().toString(), 1L, Long::sum);
            }
        }
        return maps.isEmpty() ? "none" : maps.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static double rssMiB() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    /** Counts ERROR and WARN events of every logger: those with an exception by kind and place, the others by message. */
    private final class ErrorCounter extends AppenderBase<ILoggingEvent> {
        static final class Group {
            final LongAdder count = new LongAdder();
            final int firstSession;

            Group(int firstSession) {
                this.firstSession = firstSession;
            }
        }

        final Map<String, Group> groups = new ConcurrentHashMap<>();
        final Map<String, LongAdder> plain = new ConcurrentHashMap<>();
        final LongAdder withException = new LongAdder();

        void attach() {
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(ctx);
            setName("soak-counter");
            start();
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
        }

        int withException() {
            return withException.intValue();
        }

        @Override
        protected void append(ILoggingEvent e) {
            if (!e.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            IThrowableProxy t = e.getThrowableProxy();
            if (t == null) {
                String logger = e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1);
                String msg = e.getMessage(); // the pattern, not the formatted line: groups alike lines
                plain.computeIfAbsent(e.getLevel() + " " + logger + ": " + msg, k -> new LongAdder()).increment();
                return;
            }
            withException.increment();
            IThrowableProxy root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            StackTraceElementProxy[] frames = root.getStackTraceElementProxyArray();
            String at = frames == null || frames.length == 0 ? "" : " at " + frames[0].getStackTraceElement();
            String key = e.getLevel() + " " + e.getLoggerName() + " \"" + e.getMessage() + "\": " + root.getClassName() + at;
            groups.computeIfAbsent(key, k -> new Group(currentSession)).count.increment();
        }
    }
}
