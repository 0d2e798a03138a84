package org.onetrip.kiosk.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.onetrip.kiosk.scanner.KeyboardQrScanner;
import org.onetrip.kiosk.scanner.KeystrokeBursts;

/**
 * Listens to the kiosk window's keyboard for a scanner in keyboard mode ({@code scanner.device=keyboard}),
 * with event filters on the scene, which see every key before the focused control does.
 *
 * <p>Each printable keystroke is held back (consumed) until {@link KeystrokeBursts} says what it
 * was. A scan is handed to the scanner and never reaches the focused text field, nor does its
 * Enter press the focused button. Typing is passed on to the control it was aimed at, in order,
 * at most {@link KeyboardQrScanner#MAX_GAP} late. Keys that edit or move (Backspace, Tab, arrows,
 * Esc) settle what is held first, so typing stays in order.
 *
 * <p>Times come from the kiosk's clock, so tests move time by hand; a short timer re-checks held
 * keystrokes because no further key may come. Runs on the JavaFX thread only.
 */
final class KeyboardWedge {
    private final KeyboardQrScanner scanner;
    private final KeystrokeBursts bursts;
    private final Clock clock;
    private final Deque<KeyEvent> held = new ArrayDeque<>();
    private final PauseTransition recheck;
    private boolean replaying;
    private boolean swallowEnterTyped;
    private boolean swallowEnterReleased;

    KeyboardWedge(KeyboardQrScanner scanner, Clock clock) {
        this.scanner = scanner;
        this.bursts = scanner.bursts();
        this.clock = clock;
        this.recheck = new PauseTransition(Duration.millis(bursts.maxGap().toMillis() + 5));
        recheck.setOnFinished(e -> {
            apply(bursts.expire(now()));
            if (!held.isEmpty()) {
                recheck.playFromStart();
            }
        });
    }

    /** Installs the filters; call before any other key filter of the scene, so they run first. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::typed);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, this::released);
        scanner.listening("the kiosk window");
    }

    private void typed(KeyEvent e) {
        if (replaying) {
            return;
        }
        String ch = e.getCharacter();
        if (ch.equals("\r") || ch.equals("\n") || ch.equals("\r\n")) {
            if (swallowEnterTyped) {
                swallowEnterTyped = false;
                e.consume();
            }
            return;
        }
        if (ch.length() != 1 || Character.isISOControl(ch.charAt(0)) || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            apply(bursts.interrupt(now()));
            return;
        }
        apply(bursts.typed(ch.charAt(0), now()));
        held.addLast(e.copyFor(e.getSource(), e.getTarget()));
        e.consume();
        recheck.playFromStart();
    }

    private void pressed(KeyEvent e) {
        if (replaying) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER) {
            KeystrokeBursts.Outcome o = bursts.enter(now());
            apply(o);
            if (o.swallowKey()) {
                swallowEnterTyped = true;
                swallowEnterReleased = true;
                e.consume();
            }
        } else if (code.isNavigationKey() || code.isFunctionKey() || code == KeyCode.BACK_SPACE
                || code == KeyCode.DELETE || code == KeyCode.TAB || code == KeyCode.ESCAPE) {
            apply(bursts.interrupt(now()));
        }
        // Other presses (letters, digits, Shift) come with a KEY_TYPED that decides.
    }

    private void released(KeyEvent e) {
        if (!replaying && e.getCode() == KeyCode.ENTER && swallowEnterReleased) {
            swallowEnterReleased = false;
            e.consume();
        }
    }

    private void apply(KeystrokeBursts.Outcome o) {
        for (int i = 0; i < o.release() && !held.isEmpty(); i++) {
            KeyEvent k = held.removeFirst();
            EventTarget target = k.getTarget();
            replaying = true;
            try {
                Event.fireEvent(target, k.copyFor(k.getSource(), target));
            } finally {
                replaying = false;
            }
        }
        for (int i = 0; i < o.drop() && !held.isEmpty(); i++) {
            held.removeFirst();
        }
        if (o.drop() > 0 && o.scan() == null) {
            scanner.dropped(o.drop(), o.dropReason());
        }
        if (o.scan() != null) {
            scanner.deliver(o.scan());
        }
        if (held.isEmpty()) {
            recheck.stop();
        }
    }

    private long now() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
