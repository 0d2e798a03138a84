package org.onetrip.kiosk.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.util.CachingDateFormatter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kiosk's log line, written out by hand: what logback's {@code PatternLayout} makes of
 * {@code %d{TIME} %-5level [%thread] %logger{N} - %msg%n} (and the exception after it), byte for
 * byte ({@code LogLineLayoutTest} compares the two). A {@code PatternLayout} registers its 80-odd
 * converters when it starts, a class and a lambda each: 70 ms of a cold start, on the main thread
 * before the store opens (issue 13). This one needs a handful of logback's (the date formatter,
 * the name abbreviator, the exception's printer).
 */
public final class LogLineLayout extends LayoutBase<ILoggingEvent> {
    /** {@code %d{HH:mm:ss.SSS}}, the console's (the journal adds the date). */
    public static final String CONSOLE_TIME = "HH:mm:ss.SSS";
    /** {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}}, the file's: a line read on its own says its day and zone. */
    public static final String FILE_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private final CachingDateFormatter time;
    private final TargetLengthBasedClassNameAbbreviator abbreviator;
    /** Logger names are few and fixed: each abbreviated once (logback's NamedConverter caches too). */
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /**
     * @param timePattern a {@link java.time.format.DateTimeFormatter} pattern, in the system's zone
     * @param loggerLength the logger's name shortened towards this length, as {@code %logger{N}}
     */
    public LogLineLayout(String timePattern, int loggerLength) {
        this.time = new CachingDateFormatter(timePattern, null);
        this.abbreviator = new TargetLengthBasedClassNameAbbreviator(loggerLength);
    }

    @Override
    public String doLayout(ILoggingEvent e) {
        String level = e.getLevel().toString();
        StringBuilder b = new StringBuilder(128);
        b.append(time.format(e.getTimeStamp())).append(' ').append(level);
        for (int i = level.length(); i < 5; i++) {
            b.append(' ');
        }
        b.append(" [").append(e.getThreadName()).append("] ")
                .append(names.computeIfAbsent(e.getLoggerName(), abbreviator::abbreviate))
                .append(" - ").append(e.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = e.getThrowableProxy();
        if (thrown != null) {
            b.append(ThrowableProxyUtil.asString(thrown)); // each of its lines ends with the separator
        }
        return b.toString();
    }
}
