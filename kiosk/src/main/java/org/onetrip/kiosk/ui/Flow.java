package org.onetrip.kiosk.ui;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.status.StatusLookup;
import org.onetrip.kiosk.ui.attract.AttractScreen;
import org.onetrip.kiosk.ui.done.DoneScreen;
import org.onetrip.kiosk.ui.form.FormScreen;
import org.onetrip.kiosk.ui.home.HomeScreen;
import org.onetrip.kiosk.ui.identify.IdentifyScreen;
import org.onetrip.kiosk.ui.outofservice.OutOfServiceScreen;
import org.onetrip.kiosk.ui.recovered.RecoveredReceipts;
import org.onetrip.kiosk.ui.review.ReviewScreen;
import org.onetrip.kiosk.ui.services.ServiceListScreen;
import org.onetrip.kiosk.ui.status.StatusScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The touch flow's steps and what every screen needs to take them: the kiosk, the texts, the
 * resident's session, the FX bridge and the executors. Screens receive this in their constructor
 * and call its step methods; this is the only class that decides which screen comes next.
 */
public final class Flow {
    private static final Logger log = LoggerFactory.getLogger(Flow.class);

    private final Kiosk kiosk;
    private final Texts texts;
    private final ResidentSession session;
    private final Navigator nav;
    private final FxBridge bridge;
    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final StatusLookup statusLookup;
    private final RecoveredReceipts recovered;
    private final org.onetrip.kiosk.ui.speech.SpeechControl speech;
    /** Ends the process with a status (maintenance: restart, exit to the desktop); tests record it. */
    private final java.util.function.IntConsumer exitProcess;
    /** The visit's theme: the profile's, until a resident switches it on home; back at the visit's end. */
    private final javafx.beans.property.BooleanProperty highContrast;

    public Flow(Kiosk kiosk, Texts texts, ResidentSession session, Navigator nav, FxBridge bridge,
            Executor background, Executor fx, Clock clock, java.util.function.IntConsumer exitProcess) {
        this.kiosk = kiosk;
        this.exitProcess = exitProcess;
        this.texts = texts;
        this.session = session;
        this.nav = nav;
        this.bridge = bridge;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        this.highContrast = new javafx.beans.property.SimpleBooleanProperty(this, "highContrast",
                kiosk.config().highContrast());
        this.statusLookup = Wiring.statusLookup(kiosk, StatusLookup.Limits.KIOSK);
        this.recovered = new RecoveredReceipts(Wiring.receiptRecovery(kiosk), background, fx);
        this.speech = new org.onetrip.kiosk.ui.speech.SpeechControl(kiosk.speech(), kiosk.config().speechEnabled(),
                kiosk.config().speechVolume());
        // A ticket a crash took away is offered before home, on every way home, while it is offered.
        nav.setHome(() -> recovered.screenOr(this, () -> new HomeScreen(this)));
        recovered.lookAtStart(() -> {
            Screen s = nav.current();
            if (s != null && s.isRest() && !"recovered".equals(s.id())) {
                nav.home();
            }
        });
    }

    /** True while the high-contrast theme shows; the home screen's toggle sets it for the visit. */
    public javafx.beans.property.BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    public Texts texts() {
        return texts;
    }

    public ResidentSession session() {
        return session;
    }

    public FxBridge bridge() {
        return bridge;
    }

    public Executor background() {
        return background;
    }

    public Executor fx() {
        return fx;
    }

    /** Closes the kiosk and ends the process with {@code status} (the technician's restart or exit). */
    public void exitProcess(int status) {
        exitProcess.accept(status);
    }

    public Clock clock() {
        return clock;
    }

    public Navigator nav() {
        return nav;
    }

    /**
     * Speech on/off and volume for this session; the elders' mode turns it on with
     * {@code flow.speech().setOn(true)}. Back to the profile's choice when the visit ends.
     */
    public org.onetrip.kiosk.ui.speech.SpeechControl speech() {
        return speech;
    }

    /** Pinyin input for the keyboard: one per process, its dictionary read on first use. */
    public org.onetrip.kiosk.ime.PinyinInput pinyin() {
        return Wiring.pinyinInput(kiosk.config());
    }

    /** Status look-ups, limited per visit ({@link ResidentSession#visit()}). */
    public StatusLookup statusLookup() {
        return statusLookup;
    }

    /** Ends the visit: wipes every personal detail, returns to the kiosk's language and home. */
    public void home() {
        endVisit();
        nav.home();
    }

    /**
     * Leaves the visit's screen before wiping: the language reset below rebuilds the current
     * screen, and a form or done screen rebuilt from a wiped session threw on the UI thread.
     */
    private void endVisit() {
        leaveVisit();
        speech.resetToProfile();
        kiosk.statusLights().fatal(false);
        bridge.cardHandlerProperty().set(e -> { });
        texts.localeProperty().set(kiosk.config().locale());
        highContrast.set(kiosk.config().highContrast());
    }

    /**
     * What every end of a visit does (home, attract, out of service): leaves its screen, wipes
     * the session and lets go of the handwriting model (26 MB resident) and the pinyin dictionary
     * (~9 MB of heap) until a keyboard needs them again, since most visits type nothing (issue 13);
     * on the background executor, the one the pad recognises on.
     */
    private void leaveVisit() {
        nav.leave();
        session.end();
        background.execute(() -> {
            kiosk.handwriting().release();
            pinyin().release();
        });
        kiosk.statusLights().sessionActive(false);
    }

    public void attract() {
        attract(false);
    }

    /** The attract screen; {@code night} dims it while the presence sensor sees nobody. */
    public void attract(boolean night) {
        leaveVisit();
        speech.resetToProfile();
        highContrast.set(kiosk.config().highContrast());
        nav.show(new AttractScreen(this, night));
    }

    public void openWindow(ServiceWindow w) {
        nav.show(new ServiceListScreen(this, w));
    }

    /** The resident picked a service: identify first where it needs a card, unless the reader is down. */
    public void startService(ServiceDefinition s) {
        session.begin(s);
        kiosk.statusLights().sessionActive(true);
        if (s.identity() == IdentityRequirement.NONE) {
            nav.show(new FormScreen(this));
        } else if (!usable("idcard")) {
            nav.show(new OutOfServiceScreen(this, "idcard"));
        } else {
            nav.show(new IdentifyScreen(this));
        }
    }

    public void identified() {
        nav.show(new FormScreen(this));
    }

    public void review() {
        nav.show(new ReviewScreen(this));
    }

    public void editForm() {
        nav.show(new FormScreen(this));
    }

    public void done() {
        nav.show(new DoneScreen(this));
        // Shown: from now on a crash no longer takes the ticket away (see ReceiptRecovery).
        java.util.UUID shown = session.filing().filed().requestId();
        background.execute(() -> {
            try {
                recovered.recovery().acknowledge(shown, org.onetrip.kiosk.recovery.ReceiptRecovery.SHOWN_ON_SCREEN);
            } catch (RuntimeException e) {
                log.warn("could not record that request {} was shown: {}", shown, e.getMessage());
            }
        });
    }

    /**
     * A filing committed after its visit ended (Home, the idle timeout): its ticket is not shown,
     * and it is recorded as abandoned so a restart within the recovery window does not offer it
     * to the next person either.
     */
    public void filedAfterVisitEnded(java.util.UUID requestId) {
        background.execute(() -> {
            try {
                recovered.recovery().acknowledge(requestId, org.onetrip.kiosk.recovery.ReceiptRecovery.ABANDONED);
            } catch (RuntimeException e) {
                log.warn("could not record that request {} was abandoned: {}", requestId, e.getMessage());
            }
        });
    }

    public void checkStatus(String scannedOrNull) {
        nav.show(new StatusScreen(this, scannedOrNull));
    }

    /**
     * A receipt scanned on the home, attract or done screen: a new visit starts, as after
     * {@link #home()}, straight on the status screen (the home screen is not built on the way).
     */
    public void statusOfScan(String scanned) {
        // Scanned on home right after choosing the elders' mode: the same person, still in it.
        Screen at = nav.current();
        boolean keepElders = session.elders() && at instanceof HomeScreen;
        endVisit();
        session.setElders(keepElders);
        nav.show(new StatusScreen(this, scanned));
    }

    /**
     * The elders' mode of this visit (长辈模式, issue 12): on from the home screen's button until the
     * visit ends. Speech, the text layer, the stylesheet and the doubled time limits listen here.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty eldersModeProperty() {
        return session.eldersProperty();
    }

    /** The home screen's one tap: switches the elders' mode on (or off again) for this visit. */
    public void setEldersMode(boolean on) {
        session.setElders(on);
    }

    public void backToServices() {
        ServiceDefinition s = session.service();
        if (s == null) {
            home();
            return;
        }
        ServiceWindow w = kiosk.catalog().window(s.windowCode()).orElseThrow();
        session.wipe();
        openWindow(w);
    }

    /** Shown when the store fails or an unexpected error reaches the top: never a stack trace. */
    public void outOfService(String deviceId) {
        log.warn("out of service: {}", deviceId);
        Screen at = nav.current();
        if (session.filing() != null && (at == null || !"done".equals(at.id()))) {
            // Committed, but the done screen never appeared: the next way home offers the ticket.
            recovered.offer(session.filing().filed().requestId());
        }
        leaveVisit();
        kiosk.statusLights().fatal(deviceId.equals("store") || deviceId.equals("other"));
        nav.show(new OutOfServiceScreen(this, deviceId));
    }

    public boolean usable(String deviceId) {
        DeviceStatus s = bridge.status(deviceId);
        return s != null && s.isOnline();
    }
}
