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
 * <p>At most {@link #KEPT} lines are kept; more are counted and said in the file. A kiosk that never
 * draws its screen (no display) still gets its file: {@link #open} is called on the way out, and a
 * timer opens it after {@link #OPEN_AFTER_MS} anyway.
 */
final class DeferredFileAppender extends AppenderBase<ILoggingEvent> {
    static final int KEPT = 10_000;
    static final long OPEN_AFTER_MS = 10_000;

    private final Supplier<Appender<ILoggingEvent>> file;
    private List<ILoggingEvent> kept = new ArrayList<>();
    private int dropped;
    private Appender<ILoggingEvent> target;

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

    /** Opens the file (once) and writes what was kept into it; later lines go straight to it. */
    synchronized void open() {
        if (target != null) {
            return;
        }
        target = file.get();
        for (ILoggingEvent e : kept) {
            target.doAppend(e);
        }
        kept = null;
        if (dropped > 0) {
            addWarn(dropped + " log lines of the start were not kept for the log file (standard error had them)");
        }
    }

    /** Whether the file is open. */
    synchronized boolean isOpen() {
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
