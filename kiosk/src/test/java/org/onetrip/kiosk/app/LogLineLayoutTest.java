package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written log line is what logback's PatternLayout writes for the kiosk's patterns, byte
 * for byte: the time in the system's zone, the padded level, the thread, the shortened logger, the
 * message with its arguments, and an exception with its causes, suppressed ones and common frames.
 */
class LogLineLayoutTest {
    private final LoggerContext ctx = new LoggerContext();

    @Test
    void theConsoleLineIsPatternLayoutsByteForByte() {
        assertSameLines(LogSetup.CONSOLE_PATTERN, LogSetup.consoleLayout());
    }

    @Test
    void theFileLineIsPatternLayoutsByteForByte() {
        assertSameLines(LogSetup.FILE_PATTERN, LogSetup.fileLayout());
    }

    @Test
    void theKiosksSetUpWritesItsLinesWithIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path logs) {
        String builtin = System.setProperty("kiosk.log.builtin", "true");
        String dir = System.setProperty("kiosk.log.dir", logs.toString());
        LoggerContext fresh = new LoggerContext();
        try {
            fresh.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
            assertThat(new LogSetup().configure(fresh))
                    .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            ch.qos.logback.core.ConsoleAppender<?> console = (ch.qos.logback.core.ConsoleAppender<?>)
                    fresh.getLogger(ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            var encoder = (ch.qos.logback.core.encoder.LayoutWrappingEncoder<?>) console.getEncoder();
            assertThat(encoder.getLayout()).isInstanceOf(LogLineLayout.class);
        } finally {
            fresh.stop();
            restore("kiosk.log.builtin", builtin);
            restore("kiosk.log.dir", dir);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private void assertSameLines(String pattern, LogLineLayout mine) {
        PatternLayout theirs = new PatternLayout();
        theirs.setContext(ctx);
        theirs.setPattern(pattern);
        theirs.start();
        mine.setContext(ctx);
        mine.start();
        List<ILoggingEvent> events = events();
        for (ILoggingEvent e : events) {
            assertThat(mine.doLayout(e)).as(e.getMessage()).isEqualTo(theirs.doLayout(e));
        }
        // Both line kinds were there: with and without an exception, each level.
        assertThat(events).anyMatch(e -> e.getThrowableProxy() != null).anyMatch(e -> e.getThrowableProxy() == null);
    }

    private List<ILoggingEvent> events() {
        List<ILoggingEvent> list = new ArrayList<>();
        long[] times = {0L, 1_796_607_147_593L, 1_796_607_147_999L, 1_796_607_148_000L,
                1_774_746_000_000L - 1, 1_774_746_000_000L};
        String[] loggers = {"org.onetrip.kiosk.store.SqliteRequestQueue", "org.onetrip.kiosk.app.Wiring", "kiosk",
                "com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProviderImpl", "ROOT", "a.b.C"};
        Level[] levels = {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE};
        IOException cause = new IOException("disk full");
        cause.addSuppressed(new IllegalStateException("while closing"));
        RuntimeException withCause = new UncheckedIOException("could not write the receipt", cause);
        // A cause chain that comes back on itself (logback prints "CIRCULAR REFERENCE").
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        Throwable[] thrown = {null, new IllegalArgumentException("bad byte 0x7e"), withCause, new Error((String) null), a};
        int i = 0;
        for (long t : times) {
            for (String logger : loggers) {
                Level level = levels[i % levels.length];
                Throwable th = thrown[i % thrown.length];
                String[] messages = {"request {} of {} saved", "plain line with {} braces but no arguments",
                    null, "two\nlines"};
                String message = messages[i % messages.length];
                LoggingEvent e = new LoggingEvent("fqcn", ctx.getLogger(logger), level, message, th,
                        i % 4 == 0 ? new Object[] {"K-20261207-0042", i} : null);
                e.setTimeStamp(t);
                String[] threads = {"main", "JavaFX Application Thread", "idcard-sam", null};
                e.setThreadName(threads[i % 7 % threads.length]);
                list.add(e);
                i++;
            }
        }
        return list;
    }
}
