package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.LogSetup;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.privacy.RetentionEraser;
import org.onetrip.kiosk.ui.FxImages;
import org.onetrip.kiosk.ui.Fonts;
import org.onetrip.kiosk.ui.FxStartup;
import org.onetrip.kiosk.ui.KioskUi;
import org.onetrip.kiosk.ui.fonts.FontFaces;
import org.onetrip.kiosk.ui.simulator.SimulatorPanel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk ui}: the touch-screen kiosk (the default command). */
@Command(name = "ui", description = "Start the touch-screen kiosk (default).")
public final class UiCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Show the home screen, save it as PNG and exit (for the README).")
    Path screenshot;

    @Option(names = "--no-simulator-panel", description = "Do not open the device simulator window.")
    boolean noPanel;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Print READY once the home screen has been drawn, then exit (for the start-up benchmark).")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        KioskConfig config = options.load();
        Logger log = LoggerFactory.getLogger(UiCommand.class);
        // Single CJK faces cut from Debian's collections, mapped once each (issue 13, memory).
        Path faces = FontFaces.folder(config.dataDir());
        Fonts.useFacesIn(faces);
        FxStartup.whenStarted("fx-fonts", Fonts::loadBundled);
        // A device or background thread that dies unexpectedly is logged; the device reports
        // its own status, and the UI thread has its own handler (the out-of-service screen).
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("thread {} died", t.getName(), e));
        Kiosk kiosk = Wiring.wire(config, Clock.systemDefaultZone());
        // Hourly from the first frame on, off the UI thread, with or without a back office.
        RetentionEraser eraser = Wiring.retentionEraser(kiosk);
        Wiring.publishSessionState(kiosk);
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kiosk-background");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        // Counted down once the home screen's first frame is drawn, the first moment a touch is answered.
        CountDownLatch drawn = new CountDownLatch(1);
        // Implicit exit is turned off by FxStartup once the toolkit is up: asked here, before, a
        // toolkit that failed to start left this thread waiting for it for ever.
        try {
            FxStartup.run(() -> {
                try {
                    Stage stage = new Stage();
                    KioskUi ui = new KioskUi(kiosk, stage, Clock.systemDefaultZone(), background);
                    Scene scene = ui.start();
                    stage.setOnHidden(e -> closed.countDown());
                    stage.show();
                    if (config.simulatorPanel() && !noPanel && screenshot == null && !exitWhenReady) {
                        new SimulatorPanel(kiosk, ui.flow().bridge()).show(stage);
                    }
                    new FirstFrame(exitWhenReady, stage, drawn).start();
                    if (screenshot != null) {
                        PauseTransition wait = new PauseTransition(Duration.seconds(1.5));
                        wait.setOnFinished(e -> {
                            try {
                                FxImages.writePng(scene.snapshot(null), screenshot);
                                log.info("home screen saved to {}", screenshot);
                            } catch (Exception ex) {
                                log.error("screenshot failed", ex);
                                status.set(1);
                            }
                            stage.hide();
                        });
                        wait.play();
                    }
                } catch (RuntimeException | Error ex) {
                    // An Error too (a class that cannot load): else this command waited for ever.
                    log.error("the kiosk UI could not start", ex);
                    status.set(1);
                    closed.countDown();
                }
            });
        } catch (FxStartup.StartFailed e) {
            eraser.runOnce(); // no display, a restart loop: what is past its time is still erased
            throw e;
        }
        java.util.concurrent.CompletableFuture<Void> devicesStarted = null;
        if (firstFrameOrClose(drawn, closed, DEFERRED_START_LIMIT_MS)) {
            // What the home screen does not need starts once it is drawn, not beside its build: on
            // two cores the ports, Pi4J, espeak-ng's version, the erasure and the log file's set-up
            // took CPU from the JavaFX thread (issue 13, cold start). A screen that needs a device
            // asks for its status when it opens, and every change reaches it (FxBridge). A screen
            // that is not drawn in time does not keep the erasure and the sync from running.
            if (drawn.getCount() == 0) {
                log.info("home screen drawn {} ms after the kiosk was started", org.onetrip.kiosk.app.ProcessAge.millis());
            } else {
                log.warn("the home screen is not drawn {} s after the start; starting the devices, the erasure"
                        + " and the sync all the same", DEFERRED_START_LIMIT_MS / 1000);
            }
            devicesStarted = kiosk.startDevicesInBackground();
            // A start that throws (not a device that fails: that is its status) ends the kiosk
            // with 1: systemd starts it again.
            devicesStarted.whenComplete((v, e) -> {
                if (e != null) {
                    log.error("the devices could not be started", e);
                    status.set(1);
                    closed.countDown();
                }
            });
            eraser.start();
            if (screenshot == null && !exitWhenReady) {
                // Its own thread: the touch flow only commits to the store and never waits for the network.
                kiosk.startSync();
            }
            LogSetup.openFile();
        }
        closed.await();
        LogSetup.openFile(); // a kiosk that never drew its screen still leaves its log file
        if (devicesStarted == null) {
            // Closed before its screen was drawn (a restart loop): what is past its time is still erased.
            eraser.runOnce();
        }
        Platform.exit();
        background.shutdownNow();
        eraser.close();
        if (devicesStarted != null) {
            try {
                // Closing a device that is still opening could leave its port or thread behind.
                devicesStarted.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("the devices' start had not ended well at exit: {}", e.toString());
            }
        }
        kiosk.close();
        if (exitWhenReady) {
            // The training run that makes the class archive at boot (kiosk-launch) also cuts the
            // CJK faces, so the kiosk's real start already finds them (a long-running kiosk cuts
            // them itself, in the background, after its first start).
            Fonts.cutFaces(faces);
        }
        return status.get();
    }

    /**
     * Marks the home screen's first frame. A timer runs at the start of a pulse, before that pulse's
     * CSS, layout and drawing: the first pulse after show() draws the first frame, so the second
     * one comes after it. READY (the bench's mark, as the bare window's) at the first; then {@code
     * drawn} lets the work the home screen does not need begin (on the command's thread). Made right
     * after show(): what was loaded before this class, the home screen needed (UiLogFileCliTest).
     */
    static final class FirstFrame extends javafx.animation.AnimationTimer {
        private final boolean exitWhenReady;
        private final Stage stage;
        private final CountDownLatch drawn;
        private int pulses;

        FirstFrame(boolean exitWhenReady, Stage stage, CountDownLatch drawn) {
            this.exitWhenReady = exitWhenReady;
            this.stage = stage;
            this.drawn = drawn;
        }

        @Override
        public void handle(long now) {
            if (++pulses == 1) {
                if (exitWhenReady) {
                    System.out.println("READY");
                    System.out.flush();
                }
                return;
            }
            stop();
            drawn.countDown();
            if (exitWhenReady) {
                stage.hide();
            }
        }
    }

    /** How long the devices, the erasure and the sync wait for the first frame at most. */
    static final long DEFERRED_START_LIMIT_MS = Long.getLong("kiosk.deferred-start-limit-ms", 30_000);

    /**
     * Waits for the first frame or {@code limitMs} (true), or for the window to close before either
     * (false).
     */
    private static boolean firstFrameOrClose(CountDownLatch drawn, CountDownLatch closed, long limitMs)
            throws InterruptedException {
        long end = System.nanoTime() + limitMs * 1_000_000;
        while (!drawn.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (closed.getCount() == 0) {
                return drawn.getCount() == 0;
            }
            if (System.nanoTime() - end > 0) {
                return true;
            }
        }
        return true;
    }
}
