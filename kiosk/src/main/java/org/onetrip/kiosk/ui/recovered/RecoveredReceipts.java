package org.onetrip.kiosk.ui.recovered;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.onetrip.kiosk.recovery.ReceiptRecovery;
import org.onetrip.kiosk.recovery.RecoveredReceipt;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket a crash took away, held on the JavaFX thread while it is offered: every way home
 * leads to it first ({@link #screenOr}) until the resident dismisses or prints it, or its window
 * passes. The store is asked off the JavaFX thread.
 */
public final class RecoveredReceipts {
    private static final Logger log = LoggerFactory.getLogger(RecoveredReceipts.class);

    private final ReceiptRecovery recovery;
    private final Executor background;
    private final Executor fx;
    /** FX thread only. */
    private RecoveredReceipt pending;

    public RecoveredReceipts(ReceiptRecovery recovery, Executor background, Executor fx) {
        this.recovery = recovery;
        this.background = background;
        this.fx = fx;
    }

    public ReceiptRecovery recovery() {
        return recovery;
    }

    /** Asks the store once, at start; {@code found} runs on the FX thread when there is one to offer. */
    public void lookAtStart(Runnable found) {
        ask(recovery::atStart, found);
    }

    /** A filing of this run that never reached the screen is offered at the next way home. */
    public void offer(UUID requestId) {
        ask(() -> recovery.unshown(requestId), () -> { });
    }

    private void ask(Supplier<Optional<RecoveredReceipt>> lookUp, Runnable found) {
        background.execute(() -> {
            Optional<RecoveredReceipt> r;
            try {
                r = lookUp.get();
            } catch (RuntimeException e) {
                // The store's own status tells the technician; the kiosk carries on without the offer.
                log.warn("could not look for a ticket that was never shown: {}", e.getMessage());
                return;
            }
            r.ifPresent(found0 -> fx.execute(() -> {
                pending = found0;
                found.run();
            }));
        });
    }

    /** The receipt still offered, if any. */
    public Optional<RecoveredReceipt> pending() {
        if (pending != null && !recovery.stillOffered(pending)) {
            log.info("ticket {} no longer offered: its window has passed", pending.ticket());
            pending = null;
        }
        return Optional.ofNullable(pending);
    }

    /** The recovered-receipt screen while one is offered, else {@code home}. */
    public Screen screenOr(Flow flow, Supplier<Screen> home) {
        return pending().<Screen>map(r -> new RecoveredReceiptScreen(flow, this, r)).orElseGet(home);
    }

    /** The resident has it ({@code how}: printed or dismissed); it is not offered again. */
    void acknowledge(RecoveredReceipt r, String how) {
        if (pending != null && pending.requestId().equals(r.requestId())) {
            pending = null;
        }
        background.execute(() -> {
            try {
                recovery.acknowledge(r, how);
            } catch (RuntimeException e) {
                log.warn("could not record that ticket {} was given back: {}", r.ticket(), e.getMessage());
            }
        });
    }
}
