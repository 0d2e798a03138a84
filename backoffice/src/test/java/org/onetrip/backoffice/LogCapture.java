package org.onetrip.backoffice;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of every logger while open: what an operator's log file would hold. */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        // AppenderBase appends while holding the appender's own lock.
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Each event as a log file line would show it, with its stack trace if any. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : events()) {
            sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ").append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                sb.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
