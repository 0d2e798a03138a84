package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The touch screen's log file opens after its first frame: what was logged before reaches it, in order, as it was. */
class DeferredFileAppenderTest {
    private final LoggerContext ctx = new LoggerContext();
    private final ListAppender<ILoggingEvent> file = new ListAppender<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final DeferredFileAppender deferred = new DeferredFileAppender(() -> {
        opened.incrementAndGet();
        file.setContext(ctx);
        file.start();
        return file;
    });
    private final Logger log = ctx.getLogger("kiosk");

    DeferredFileAppenderTest() {
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as slf4j's provider sets it
        deferred.setContext(ctx);
        deferred.start();
        log.setLevel(Level.INFO);
        log.addAppender(deferred);
    }

    @Test
    void linesBeforeTheOpeningAreKeptThenWrittenInOrderWithTheirOwnThreadAndArguments() throws Exception {
        log.info("first {}", 1);
        Thread t = new Thread(() -> log.info("from the reader {}", "x"), "idcard-sam");
        t.start();
        t.join();
        log.warn("third");
        assertThat(opened).hasValue(0);
        assertThat(file.list).isEmpty();

        Thread opener = new Thread(deferred::open, "kiosk-background");
        opener.start();
        opener.join();
        log.info("after");
        deferred.open(); // twice: nothing more happens

        assertThat(opened).hasValue(1);
        assertThat(file.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("first 1", "from the reader x", "third", "after");
        // The thread that logged, not the one that opened the file.
        assertThat(file.list).extracting(ILoggingEvent::getThreadName)
                .containsExactly(Thread.currentThread().getName(), "idcard-sam", Thread.currentThread().getName(),
                        Thread.currentThread().getName());
        assertThat(deferred.isOpen()).isTrue();
    }

    @Test
    void atMostTheLimitIsKeptAndTheRestIsCounted() {
        for (int i = 0; i < DeferredFileAppender.KEPT + 5; i++) {
            log.info("line {}", i);
        }
        deferred.open();

        assertThat(file.list).hasSize(DeferredFileAppender.KEPT + 1);
        assertThat(file.list.get(0).getFormattedMessage()).isEqualTo("line 0");
        // The count, in the file itself.
        assertThat(file.list.get(DeferredFileAppender.KEPT).getFormattedMessage())
                .startsWith("5 log lines of the start were not kept for this file");
        assertThat(file.list.get(DeferredFileAppender.KEPT).getLevel()).isEqualTo(Level.WARN);
    }
}
