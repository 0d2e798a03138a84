package org.onetrip.kiosk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The kiosk's logging, set up in code (logback's {@link Configurator}, found through
 * {@code META-INF/services}) rather than by an XML file: logback's XML set-up loads about 590
 * classes (its Joran model and the JDK's XML parser) and cost 0.3 s of CPU of every cold start
 * (issue 13). What it sets up:
 * <ul>
 *   <li>standard error, at {@code kiosk.console.level} (INFO; the command line lowers it to WARN so
 *       its output stays readable);</li>
 *   <li>{@code kiosk.log.dir}/kiosk.log (Main sets it to DATA_DIR/logs before the first logger),
 *       rolled daily and at 5 MB, 30 days and 200 MB kept; for the touch screen opened once its
 *       home screen is drawn, the lines before kept until then ({@link DeferredFileAppender});</li>
 *   <li>the root at {@code kiosk.log.level} (INFO); Pi4J at WARN and its board detection off (it
 *       reports "cannot detect the board" as ERROR on any machine that is no Pi, simulator
 *       included); HikariCP at WARN;</li>
 *   <li>{@link LogFileFallback} as the status listener: logback's own errors (a log folder it
 *       cannot write) become one line on standard error, never its report on standard output.</li>
 * </ul>
 * Log lines never hold a whole name or ID number: the code masks them (privacy/Masking).
 *
 * <p>A technician's own file still wins: with {@code -Dlogback.configurationFile} set this does
 * nothing and logback reads that file. So does a {@code logback-test.xml} on the class path (the
 * tests'), unless {@code -Dkiosk.log.builtin=true} asks for this set-up (tests and benchmarks that
 * run the product's logging in a JVM of their own).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The console's line, as logback would write it from this pattern ({@link LogLineLayout}). */
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";
    /** The file's line, likewise. */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || (!Boolean.getBoolean("kiosk.log.builtin") && LogSetup.class.getResource("/logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogFileFallback fallback = new LogFileFallback();
        fallback.setContext(ctx);
        ctx.getStatusManager().add(fallback);
        fallback.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("STDERR");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(ctx);
        threshold.setLevel(System.getProperty("kiosk.console.level", "INFO"));
        threshold.start();
        console.addFilter(threshold);
        console.setEncoder(encoder(ctx, consoleLayout()));
        console.start();

        String dir = System.getProperty("kiosk.log.dir", "data/logs");
        DeferredFileAppender file = new DeferredFileAppender(() -> rollingFile(ctx, dir));
        file.setContext(ctx);
        file.start();
        if (Boolean.getBoolean(FILE_AFTER_START)) {
            deferred = file;
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(DeferredFileAppender.OPEN_AFTER_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                file.open();
            }, "log-file-timer");
            timer.setDaemon(true);
            timer.start();
            // systemd stops the kiosk with SIGTERM: the lines kept so far still reach the file.
            Runtime.getRuntime().addShutdownHook(new Thread(file::open, "log-file-at-exit"));
        } else {
            file.open();
        }

        ctx.getLogger("com.zaxxer").setLevel(Level.WARN);
        ctx.getLogger("com.pi4j.boardinfo").setLevel(Level.OFF);
        ctx.getLogger("com.pi4j").setLevel(Level.WARN);
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("kiosk.log.level", "INFO"), Level.INFO));
        root.addAppender(console);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Set (to "true") by the touch screen's start before the first logger: the log file then opens
     * when the home screen has been drawn ({@link #openFile}), its lines kept until then.
     */
    public static final String FILE_AFTER_START = "kiosk.log.file-after-start";

    private static volatile DeferredFileAppender deferred;

    /** Opens the log file now if its opening was put off ({@link #FILE_AFTER_START}); else nothing. */
    public static void openFile() {
        DeferredFileAppender d = deferred;
        if (d != null) {
            d.open();
        }
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext ctx, String dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("FILE");
        file.setFile(dir + "/kiosk.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(ctx);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/kiosk.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(ctx, fileLayout()));
        file.start();
        return file;
    }

    /** Standard error's line: {@link #CONSOLE_PATTERN}'s bytes. */
    static LogLineLayout consoleLayout() {
        return new LogLineLayout(LogLineLayout.CONSOLE_TIME, 20);
    }

    /** The file's line: {@link #FILE_PATTERN}'s bytes. */
    static LogLineLayout fileLayout() {
        return new LogLineLayout(LogLineLayout.FILE_TIME, 36);
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, LogLineLayout layout) {
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(ctx);
        e.setLayout(layout);
        e.start();
        return e;
    }
}
