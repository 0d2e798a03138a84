package org.onetrip.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.scanner.KeyboardQrScanner;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.idle.IdleMonitor;
import org.onetrip.kiosk.ui.idle.IdleOverlay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's window: a header (centre, clock, language, home), the current screen, and the idle
 * overlay. Installs the idle timer, the keyboard handling, the global scan handler and the global
 * exception handler, which shows the out-of-service screen instead of a trace.
 */
public final class KioskUi {
    private static final Logger log = LoggerFactory.getLogger(KioskUi.class);
    public static final String STYLESHEET = "/ui/kiosk.css";
    /** The speech bar's look (issue 12), apart from the theme's. */
    public static final String SPEECH_STYLESHEET = "/ui/speech.css";

    private final Kiosk kiosk;
    private final Stage stage;
    private final Clock clock;
    private final Executor background;
    private final ResidentSession session = new ResidentSession();
    private Flow flow;
    private Texts texts;
    private IdleMonitor idle;
    private IdleOverlay overlay;
    private Timeline ticker;
    private java.util.function.Consumer<org.onetrip.kiosk.device.DeviceStatus> storeWatch;
    private Scene scene;
    private org.onetrip.kiosk.ui.speech.Narrator narrator;
    private org.onetrip.kiosk.ui.speech.SpeechBar speechBar;
    private org.onetrip.kiosk.maintenance.PinVault vault;
    /** When the presence sensor last stopped seeing anyone; null while someone is there. */
    private java.time.Instant absentSince;
    private final java.util.ArrayDeque<Long> hiddenTaps = new java.util.ArrayDeque<>();
    private final java.util.function.IntConsumer exitProcess;

    public KioskUi(Kiosk kiosk, Stage stage, Clock clock, Executor background) {
        this(kiosk, stage, clock, background, status -> {
            kiosk.close();
            Platform.exit();
            System.exit(status);
        });
    }

    /** {@code exitProcess}: how the technician's restart and exit end the process (tests record it). */
    public KioskUi(Kiosk kiosk, Stage stage, Clock clock, Executor background, java.util.function.IntConsumer exitProcess) {
        this.kiosk = kiosk;
        this.stage = stage;
        this.clock = clock;
        this.background = background;
        this.exitProcess = exitProcess;
    }

    /** Builds the scene on {@code stage}; call on the JavaFX thread. */
    public Scene start() {
        vault = org.onetrip.kiosk.app.Wiring.pinVault(kiosk.config(), clock);
        texts = new Texts(kiosk.config().locale());
        StackPane content = new StackPane();
        content.getStyleClass().add("content");
        Navigator nav = new Navigator(content);
        FxBridge bridge = new FxBridge(kiosk, Platform::runLater);
        flow = new Flow(kiosk, texts, session, nav, bridge, background, Platform::runLater, clock, exitProcess);
        idle = new IdleMonitor(clock, Duration.ofSeconds(kiosk.config().idleTimeoutSeconds()),
                Duration.ofSeconds(kiosk.config().idleWarningSeconds()),
                Duration.ofSeconds(kiosk.config().attractAfterSeconds()));
        overlay = new IdleOverlay(() -> {
            idle.activity();
            Screen s = nav.current();
            if (s != null) {
                s.moreTime();
            }
            overlay.hide();
        }, content);

        speechBar = new org.onetrip.kiosk.ui.speech.SpeechBar(flow.speech(), texts);
        BorderPane frame = new BorderPane();
        HBox headerBar = header(nav);
        frame.setTop(headerBar);
        frame.setCenter(content);
        // The speech bar unfolds in the header, left of the speaker button, over the centre's name
        // (which gives way while it is open, speech.css). Under the header it covered the screen's
        // first lines: the home screen's help phone number was cut in half (screens review, 13).
        javafx.scene.layout.Region sb = speechBar.bar();
        javafx.scene.control.Button speaker = speechBar.headerButton();
        StackPane speechLayer = new StackPane(sb);
        speechLayer.setPickOnBounds(false);
        StackPane.setAlignment(sb, Pos.TOP_LEFT);
        // Listeners, not bindings: javafx.beans.binding.Bindings costs 25–33 ms to load before the
        // first frame (issue 13; UiLogFileCliTest forbids it there).
        headerBar.heightProperty().addListener((o, was, h) -> {
            sb.setMinHeight(h.doubleValue() - 8);
            sb.setPrefHeight(h.doubleValue() - 8);
            // The countdown's card in the screen's area, below the header (two lines in English).
            overlay.setPadding(new javafx.geometry.Insets(h.doubleValue(), 0, 0, 0));
        });
        sb.setTranslateY(4);
        // The transform is read each time: an invalidated property left unread tells no more.
        Runnable place = () -> sb.setTranslateX(Math.max(0,
                speaker.getLocalToSceneTransform().transform(speaker.getLayoutBounds()).getMinX() - 10 - sb.getWidth()));
        speaker.localToSceneTransformProperty().addListener(o -> place.run());
        speaker.layoutBoundsProperty().addListener(o -> place.run());
        sb.widthProperty().addListener(o -> place.run());
        place.run(); // reads the transform once, so its next change is told
        javafx.css.PseudoClass speechOpen = javafx.css.PseudoClass.getPseudoClass("speech-open");
        sb.visibleProperty().addListener((o, was, now) -> {
            headerBar.pseudoClassStateChanged(speechOpen, now);
            place.run();
        });
        nav.currentProperty().addListener((o, was, now) -> speechBar.setShown(false));
        overlay.visibleProperty().addListener((o, was, now) -> speechBar.setShown(false));
        StackPane root = new StackPane(frame, speechLayer, overlay);
        root.setId("kiosk");
        root.getStyleClass().add(texts.isChinese() ? "lang-zh" : "lang-en");
        texts.localeProperty().addListener((o, a, b) -> {
            root.getStyleClass().removeAll("lang-zh", "lang-en");
            root.getStyleClass().add(texts.isChinese() ? "lang-zh" : "lang-en");
            nav.rebuild();
            if (overlay.isVisible()) {
                overlay.show(texts, idle.secondsLeft(), noticeKey());
            }
        });
        flow.eldersModeProperty().addListener((o, was, on) -> eldersMode(on, root));
        // At night the whole window dims with the attract screen: header and frame too (kiosk.css).
        javafx.css.PseudoClass nightTime = javafx.css.PseudoClass.getPseudoClass("night");
        nav.currentProperty().addListener((o, was, now) -> root.pseudoClassStateChanged(nightTime,
                now instanceof org.onetrip.kiosk.ui.attract.AttractScreen a && a.night()));

        scene = new Scene(root, kiosk.config().uiWidth(), kiosk.config().uiHeight());
        scene.getStylesheets().add(Resources.url(STYLESHEET));
        scene.getStylesheets().add(Resources.url(SPEECH_STYLESHEET));
        narrator = new org.onetrip.kiosk.ui.speech.Narrator(flow.speech(), texts, nav, scene).install();
        // The countdown is said once, when it starts warning; "I need more time" answers it.
        overlay.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                narrator.announce(org.onetrip.kiosk.ui.speech.Spoken.in(texts).key("idle.question")
                        .key(noticeKey(), idle.secondsLeft()).key("idle.more").build());
            }
        });
        Theme.follow(scene, flow.highContrastProperty());
        if (kiosk.scanner() instanceof KeyboardQrScanner keyboardScanner) {
            // First, so a scan is taken out before any other key handling sees it.
            new KeyboardWedge(keyboardScanner, clock).install(scene);
        }
        // A resident's activity: a press, a drag, the wheel, a finger on the glass (touch points,
        // swipes, pinches), a key. Reading or scrolling the form is activity as much as a tap.
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> idle.activity());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (speechBar.isShown() && !(e.getTarget() instanceof Node n && speechBar.owns(n))) {
                speechBar.setShown(false); // a tap elsewhere folds it away and still does its own work
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> idle.activity());
        scene.addEventFilter(javafx.scene.input.ScrollEvent.ANY, e -> idle.activity());
        scene.addEventFilter(TouchEvent.ANY, e -> idle.activity());
        scene.addEventFilter(javafx.scene.input.SwipeEvent.ANY, e -> idle.activity());
        scene.addEventFilter(javafx.scene.input.ZoomEvent.ANY, e -> idle.activity());
        scene.addEventFilter(javafx.scene.input.RotateEvent.ANY, e -> idle.activity());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            idle.activity();
            onKey(e);
        });
        bridge.scanHandlerProperty().addListener((o, a, b) -> {
            if (b == null) {
                bridge.scanHandlerProperty().set(this::scannedAnywhere);
            }
        });
        bridge.scanHandlerProperty().set(this::scannedAnywhere);
        bridge.setScanActivity(() -> idle.activity());

        // The store's health comes from the status lights' poll (off this thread, every 10 s):
        // one look at SQLite serves the lights and the screens alike.
        // Listening first: the lights ask the store on the device-start thread, which may already run.
        storeWatch = s -> Platform.runLater(() -> bridge.refresh("store", s));
        kiosk.statusLights().addStoreListener(storeWatch);
        bridge.refresh("store", kiosk.statusLights().storeStatus());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();

        Thread.currentThread().setUncaughtExceptionHandler((t, ex) -> {
            log.error("unexpected error on the UI thread", ex);
            flow.outOfService("other");
        });

        stage.setScene(scene);
        stage.setTitle(kiosk.config().centreName(texts.locale()));
        lockDown();
        bridge.presenceProperty().addListener((o, was, now) -> {
            if (now) {
                absentSince = null;
                Screen s = flow.nav().current();
                if (s instanceof org.onetrip.kiosk.ui.attract.AttractScreen a && a.night()) {
                    idle.activity();
                    flow.home(); // somebody walked up: wake at once
                }
            } else {
                absentSince = clock.instant();
            }
        });
        if (!bridge.presenceProperty().get()) {
            absentSince = clock.instant();
        }
        // The systemd watchdog restarts a kiosk whose UI thread hangs: it must answer within 5 s.
        kiosk.watchdog().addProbe("fx", () -> {
            java.util.concurrent.CountDownLatch alive = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(alive::countDown);
            try {
                return alive.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        // The CJK font, before the home screen's CSS names it (Navigator applies it at once), not
        // before the rest is built: the fx-fonts thread (FxStartup) loads it meanwhile, so this
        // rarely waits (issue 13, cold start).
        Fonts.loadBundled();
        flow.home();
        return scene;
    }

    public Flow flow() {
        return flow;
    }

    public IdleMonitor idle() {
        return idle;
    }

    /** Runs one idle check now (the ticker calls it four times a second). */
    public void tick() {
        Screen current = flow.nav().current();
        // Home in the elders' mode holds a visit (the mode): it warns and ends like any other screen.
        boolean atRest = current != null && current.isRest() && !session.elders();
        boolean attract = current != null && "attract".equals(current.id());
        java.time.Instant end = current == null ? null : current.endsAt();
        if (end != null) {
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                log.info("screen {} reached its end; going home", current.id());
                idle.activity();
                flow.home();
                overlay.hide();
                return;
            }
            if (left.compareTo(idle.warning()) <= 0) {
                overlay.show(texts, (left.toMillis() + 999) / 1000, noticeKey());
                return;
            }
        }
        Duration dwell = current == null ? null : current.returnHomeAfter();
        if (dwell != null) {
            // A screen that only shows something: the same warning and "more time" as a form (issue 12).
            switch (idle.tickShowing(dwell)) {
                case WARN -> overlay.show(texts, idle.secondsLeftShowing(dwell), noticeKey());
                case TIMEOUT -> {
                    log.info("screen {} shown for {} s without a touch; going home", current.id(), idle.idleFor().toSeconds());
                    idle.activity();
                    flow.home();
                    overlay.hide();
                }
                default -> overlay.hide();
            }
            return;
        }
        if (atRest && absentSince != null
                && !java.time.Duration.between(absentSince, clock.instant()).minusSeconds(kiosk.config().dimAfterSeconds()).isNegative()
                && !(current instanceof org.onetrip.kiosk.ui.attract.AttractScreen a && a.night())) {
            log.info("nobody near for {} s: dimming", kiosk.config().dimAfterSeconds());
            flow.attract(true);
            return;
        }
        switch (idle.tick(atRest, attract)) {
            case NONE -> overlay.hide();
            case WARN -> overlay.show(texts, idle.secondsLeft(), noticeKey());
            case TIMEOUT -> {
                log.info("session timed out; wiping it");
                idle.activity();
                flow.home();
                overlay.hide(); // after: the focus it kept belonged to the wiped screen
            }
            case ATTRACT -> flow.attract();
        }
    }

    /**
     * The elders' mode on or off (issue 12): plainer words, the larger type, doubled limits, and
     * the current screen rebuilt with them. Ends with the visit ({@link Flow#home()} and the rest).
     */
    private void eldersMode(boolean on, StackPane root) {
        texts.setPlain(on);
        idle.setStretch(on ? 2 : 1);
        scene.getStylesheets().removeAll(EldersStyle.stylesheets());
        root.getStyleClass().remove(EldersStyle.ROOT_CLASS);
        if (on) {
            scene.getStylesheets().addAll(EldersStyle.stylesheets());
            root.getStyleClass().add(EldersStyle.ROOT_CLASS);
        }
        if (on) {
            flow.speech().setOn(true); // speech starts on in the mode; the visit's end sets it back
        }
        log.info("elders' mode {}", on ? "on" : "off");
        flow.nav().rebuild();
        if (overlay.isVisible()) {
            overlay.show(texts, idle.secondsLeft(), noticeKey());
        }
    }

    private String noticeKey() {
        Screen current = flow.nav().current();
        return current == null ? "idle.countdown" : current.idleNoticeKey();
    }

    /** A receipt scanned on any screen but the status screen opens its status. */
    private void scannedAnywhere(String payload) {
        Screen current = flow.nav().current();
        if (current != null && (current.isRest() || "done".equals(current.id()))) {
            flow.statusOfScan(payload);
        } else {
            log.info("scan ignored on screen {} (a resident is busy)", current == null ? "-" : current.id());
        }
    }

    private HBox header(Navigator nav) {
        Label centre = Ui.label(kiosk.config().centreName(kiosk.config().locale()), "header-centre");
        centre.setId("header-centre");
        Label service = new Label();
        service.getStyleClass().add("header-tagline");
        Label clockLabel = new Label();
        clockLabel.setId("clock");
        clockLabel.getStyleClass().add("header-clock");
        Timeline clockTick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e ->
                clockLabel.setText(LocalTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm")))));
        clockTick.setCycleCount(Timeline.INDEFINITE);
        clockTick.play();
        clockLabel.setText(LocalTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm")));

        Button lang = Ui.button("language", "", "header-button", Icons.TRANSLATE);
        Button home = Ui.button("home", "", "header-button", Icons.HOME);
        Runnable relabel = () -> {
            centre.setText(kiosk.config().centreName(texts.locale()));
            service.setText(texts.get("header.tagline"));
            lang.setText(texts.get("header.language"));
            home.setText(texts.get("action.home"));
        };
        relabel.run();
        texts.localeProperty().addListener((o, a, b) -> relabel.run());
        lang.setOnAction(e -> texts.localeProperty().set(texts.otherLocale()));
        home.setOnAction(e -> flow.home());
        // A listener, not a binding of JavaFX's Bindings class (Ui.mirror says why).
        Runnable homeShown = () -> home.setVisible(nav.current() != null && !nav.current().isRest());
        homeShown.run();
        nav.currentProperty().addListener((o, a, b) -> homeShown.run());
        home.managedProperty().bind(home.visibleProperty());
        // The clock and the buttons keep their words; a long centre name wraps instead (the
        // elders' mode's larger text cut them to "…" in English).
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {clockLabel, lang, home}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        centre.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        // The technician's way in: five taps on the centre's name within three seconds, then a PIN.
        // The name and tagline together are the target, so it is as big as any other (64 px).
        javafx.scene.layout.VBox title = new javafx.scene.layout.VBox(2, centre, service);
        title.setId("header-title");
        title.setOnMouseClicked(e -> hiddenTap());
        // The speaker button sits close to the clock: the English header has room for one more
        // target and no more (the centre's name would wrap and take height from every screen).
        HBox speechAndClock = new HBox(6, speechBar.headerButton(), clockLabel);
        speechAndClock.setAlignment(Pos.CENTER);
        HBox bar = new HBox(20, title, Ui.spacer(), speechAndClock, home, lang);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("header");
        return bar;
    }

    /** Keyboard operation: Enter presses the focused button, Esc goes back (or home). */
    private void onKey(KeyEvent e) {
        if (e.isConsumed()) {
            return; // a scanner's Enter (KeyboardWedge)
        }
        if (overlay.isVisible() && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE)) {
            idle.activity();
            overlay.hide();
            e.consume();
            return;
        }
        Node focus = scene.getFocusOwner();
        if (e.getCode() == KeyCode.ENTER && focus instanceof ButtonBase b && !b.isDisabled()) {
            b.fire();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && flow.nav().current() != null && flow.nav().current().escape()) {
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            Node back = scene.lookup("#back");
            if (back == null) {
                back = scene.lookup("#edit");
            }
            if (back instanceof ButtonBase b && b.isVisible() && !b.isDisabled()) {
                b.fire();
            } else if (flow.nav().current() != null && !flow.nav().current().isRest()) {
                flow.home();
            }
            e.consume();
        }
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
        if (storeWatch != null) {
            kiosk.statusLights().removeStoreListener(storeWatch);
        }
    }

    private void hiddenTap() {
        // On the kiosk's clock (not System.nanoTime), so a test's clock decides what "within three
        // seconds" is, not how fast a loaded machine delivers five clicks.
        long now = clock.millis();
        hiddenTaps.addLast(now);
        while (!hiddenTaps.isEmpty() && now - hiddenTaps.peekFirst() > 3_000L) {
            hiddenTaps.removeFirst();
        }
        if (hiddenTaps.size() >= 5) {
            hiddenTaps.clear();
            log.info("maintenance gesture");
            flow.home();
            flow.nav().show(new org.onetrip.kiosk.ui.maintenance.PinScreen(flow, vault));
        }
    }

    /**
     * No way out for a resident: full screen without decorations or an exit key, close requests
     * ignored, system key combinations swallowed, the pointer hidden on a touch screen. Only the
     * technician leaves, through the maintenance screen.
     */
    private void lockDown() {
        if (kiosk.config().hideCursor()) {
            scene.setCursor(javafx.scene.Cursor.NONE);
        }
        if (!kiosk.config().fullscreen()) {
            return;
        }
        try {
            stage.initStyle(javafx.stage.StageStyle.UNDECORATED);
        } catch (IllegalStateException alreadyShown) {
            log.debug("window already shown; decorations stay");
        }
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(javafx.event.Event::consume);
        stage.setFullScreen(true);
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean system = e.isAltDown() && (e.getCode() == KeyCode.F4 || e.getCode() == KeyCode.TAB)
                    || e.isControlDown() && (e.getCode() == KeyCode.W || e.getCode() == KeyCode.Q)
                    || e.isMetaDown() || e.getCode() == KeyCode.WINDOWS || e.getCode() == KeyCode.F11
                    || e.isControlDown() && e.isAltDown();
            if (system) {
                log.info("system key combination ignored");
                e.consume();
            }
        });
    }

}
