package org.onetrip.kiosk.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the kiosk's log lines while open, for "the log never holds X" checks. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.onetrip.kiosk");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Every line so far: the formatted message and any exception's message. */
    public List<String> lines() {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while adding
            return appender.list.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
