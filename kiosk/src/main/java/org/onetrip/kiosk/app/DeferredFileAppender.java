package org.onetrip.kiosk.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The log file, opened once the touch screen has drawn its home screen rather than before it: its
 * rolling policy's set-up (file name pattern, calendar, archive remover) cost about 0.08 s of a cold
 * start's CPU (issue 13). Until then each line is kept in memory, made ready as an asynchronous
 * appender does (message, thread name, MDC taken now), and written to the file, in order, when it
 * opens. Standard error (the journal) has every line at once.
 *
 * <p>At most {@link #KEPT} lines are kept; more are counted and the count is written in the file. A
 * kiosk that never draws its screen (no display) still gets its file: {@link #open} is called on
 * the way out (also on SIGTERM, by a shutdown hook), and a timer opens it after
 * {@link #OPEN_AFTER_MS} anyway. A JVM that crashes or is killed before leaves those lines in the
 * journal only.
 */
final class DeferredFileAppender extends AppenderBase<ILoggingEvent> {
    static final int KEPT = 10_000;
    /** {@code kiosk.log.file-open-after-ms}: tests that must see the way out, not the timer, set it longer. */
    static final long OPEN_AFTER_MS = Long.getLong("kiosk.log.file-open-after-ms", 10_000);

    private final Supplier<Appender<ILoggingEvent>> file;
    /** Held while the file appender is made (about 0.08 s), so it is made once; not this object's lock. */
    private final Object opening = new Object();
    private List<ILoggingEvent> kept = new ArrayList<>();
    private int dropped;
    private volatile Appender<ILoggingEvent> target;

    /** {@code file} makes and starts the real file appender; called once, by {@link #open}. */
    DeferredFileAppender(Supplier<Appender<ILoggingEvent>> file) {
        this.file = file;
        setName("FILE");
    }

    @Override
    protected void append(ILoggingEvent e) {
        // AppenderBase.doAppend holds this object's lock: open() and append() never interleave.
        if (target != null) {
            target.doAppend(e);
            return;
        }
        if (kept.size() >= KEPT) {
            dropped++;
            return;
        }
        e.prepareForDeferredProcessing();
        kept.add(e);
    }

    /**
     * Opens the file (once) and writes what was kept into it; later lines go straight to it. The
     * file appender is made outside this object's lock, so threads that log meanwhile (the JavaFX
     * thread after its first frame) are not held up: their lines are kept, then written in order.
     */
    void open() {
        synchronized (opening) {
            if (target != null) {
                return;
            }
            Appender<ILoggingEvent> made = file.get();
            synchronized (this) {
                for (ILoggingEvent e : kept) {
                    made.doAppend(e);
                }
                if (dropped > 0) {
                    ch.qos.logback.classic.spi.LoggingEvent note = new ch.qos.logback.classic.spi.LoggingEvent(
                            DeferredFileAppender.class.getName(),
                            ((ch.qos.logback.classic.LoggerContext) getContext()).getLogger(DeferredFileAppender.class),
                            ch.qos.logback.classic.Level.WARN, dropped + " log lines of the start were not kept for this"
                                    + " file (standard error, the journal, had them)", null, null);
                    made.doAppend(note);
                }
                kept = null;
                target = made;
            }
        }
    }

    /** Whether the file is open. */
    boolean isOpen() {
        return target != null;
    }

    @Override
    public synchronized void stop() {
        if (target != null) {
            target.stop();
        }
        super.stop();
    }
}
