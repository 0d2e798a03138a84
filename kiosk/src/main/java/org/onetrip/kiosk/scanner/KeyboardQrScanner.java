package org.onetrip.kiosk.scanner;

import java.time.Duration;
import org.onetrip.kiosk.device.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code scanner.device=keyboard} scanner: a USB scanner in keyboard (HID) mode, the factory
 * setting of most. It types into whatever has the focus, so its "port" is the kiosk window's
 * keyboard: the window's key filter ({@code ui.KeyboardWedge}) runs {@link #bursts()} on every
 * keystroke and calls {@link #deliver} with each scan; on the command line the terminal's lines
 * are the scans.
 *
 * <p>A keyboard cannot say whether a scanner is plugged in: ONLINE means the kiosk is ready to listen.
 * The scanner must be set to type Enter after each code (its usual factory setting) and, for
 * Chinese systems, to the US keyboard layout the kiosk uses.
 */
public final class KeyboardQrScanner extends ScannerBase {
    private static final Logger log = LoggerFactory.getLogger(KeyboardQrScanner.class);

    /** Keystrokes of one scan come at most this far apart (scanners type every 1-20 ms). */
    public static final Duration MAX_GAP = Duration.ofMillis(50);
    /** A scan has at least this many characters; a receipt token alone has 24. */
    public static final int MIN_LENGTH = 8;

    private final KeystrokeBursts bursts = new KeystrokeBursts(MAX_GAP, MIN_LENGTH, ScanPayloads.MAX_LENGTH);


    @Override
    public String name() {
        return "QR scanner (USB keyboard mode)";
    }




    /** Nothing to open: keystrokes arrive through the window (or terminal) that listens. */
    @Override
    public void start() {
        status.update(DeviceStatus.online("keyboard mode: scans arrive as keystrokes in the kiosk window"
                + " (a scanner in keyboard mode cannot report whether it is plugged in)"));
    }

    /** The burst detector of the window that listens; used on that window's thread only. */
    public KeystrokeBursts bursts() {
        return bursts;
    }

    /** A window (or the terminal) now passes this scanner its keystrokes. */
    public void listening(String where) {
        status.update(DeviceStatus.online("listening to the keyboard of " + where
                + " (a scanner in keyboard mode cannot report whether it is plugged in)"));
    }

    /** A scan the listener found: checked like every scanner's, then handed on. */
    public void deliver(String payload) {
        if (!ScanPayloads.acceptable(payload)) {
            log.warn("dropped a keyboard scan of {} characters: not printable text within {}",
                    payload == null ? 0 : payload.length(), ScanPayloads.MAX_LENGTH);
            return;
        }
        log.info("keyboard scanner read a code of {} characters", payload.length());
        try {
            handOn(payload);
        } catch (RuntimeException e) {
            log.warn("scan listener failed", e);
        }
    }

    /** Keystrokes that were neither typing nor a scan; said in the log with their count only. */
    public void dropped(int keystrokes, String reason) {
        log.warn("dropped {} keystrokes from the keyboard: {}", keystrokes, reason);
    }

    @Override
    public void close() {
        // nothing held
    }
}
