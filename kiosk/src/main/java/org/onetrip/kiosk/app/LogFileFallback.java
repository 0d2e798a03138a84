package org.onetrip.kiosk.app;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logback's status listener (installed by LogSetup). Without one, logback prints its own status
 * report to <em>standard output</em> whenever its set-up has an error, such as a log folder it
 * cannot write, and that breaks every {@code --json} answer of the command line. With this one it
 * prints nothing there: the first error becomes one line on standard error, saying the log goes to
 * standard error only (where the console appender writes anyway, and systemd keeps it in the
 * journal); later errors are not repeated.
 */
public final class LogFileFallback extends ContextAwareBase implements StatusListener, LifeCycle {
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean started;

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.ERROR || !warned.compareAndSet(false, true)) {
            return;
        }
        Throwable cause = status.getThrowable();
        String why = cause != null && cause.getMessage() != null ? cause.getMessage() : status.getMessage();
        String dir = System.getProperty("kiosk.log.dir", "data/logs");
        // System.err at the time of the error: the console appender writes there too.
        PrintStream err = System.err;
        err.println("kiosk: warning: cannot write the log file in " + dir + " (" + oneLine(why)
                + "); logging to standard error only");
        err.flush();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").strip();
    }

    /** Errors logged before this listener was registered count too. */
    @Override
    public void start() {
        if (getContext() != null) {
            getContext().getStatusManager().getCopyOfStatusList().forEach(this::addStatusEvent);
        }
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}
