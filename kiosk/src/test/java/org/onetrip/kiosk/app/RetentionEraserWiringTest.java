package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.privacy.RetentionEraser;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.Eventually;
import org.slf4j.LoggerFactory;

/**
 * A kiosk without a back office erases by age too: a request that stayed pending for longer than
 * {@code privacy.retention-days} loses its personal data at start, on the eraser's own thread.
 */
class RetentionEraserWiringTest {
    @TempDir
    Path data;

    @Test
    void aPendingRequestOnAKioskWithoutABackOfficeIsErasedAtStartOffTheCallersThread() {
        Instant now = Instant.now();
        ReceiptTokens tokens = ReceiptTokens.forInstallation(data, () -> 0L);
        NewRequest old = request(now.minus(Duration.ofDays(31)), tokens.next());
        NewRequest young = request(now.minus(Duration.ofDays(29)), tokens.next());
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.file(old);
            q.file(young);
        }
        KioskConfig config = KioskConfig.load(null, List.of("data.dir=" + data, "privacy.retention-days=30",
                "backoffice.url="));
        Logger logger = (Logger) LoggerFactory.getLogger(RetentionEraser.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (Kiosk kiosk = Wiring.wire(config, Clock.system(ZoneOffset.UTC));
                RetentionEraser eraser = Wiring.retentionEraser(kiosk)) {
            assertThat(kiosk.backOfficeSync()).isEmpty();
            eraser.start();

            Eventually.until("the old request is erased",
                    () -> !kiosk.queue().find(old.requestId()).orElseThrow().personalDataKept(),
                    () -> kiosk.queue().erasureSummary());
            StoredRequest erased = kiosk.queue().find(old.requestId()).orElseThrow();
            assertThat(erased.outboxState()).isEqualTo(OutboxState.PENDING);
            assertThat(erased.attributes()).containsEntry("description", SqliteRequestQueue.ERASED)
                    .containsEntry("category", "road_traffic");
            assertThat(kiosk.queue().find(young.requestId()).orElseThrow().personalDataKept()).isTrue();
            assertThat(kiosk.queue().erasureSummary().pending()).isEqualTo(1);
            // The eraser logs after its transaction commits: the log line may come a moment after
            // the store shows the erasure (CI saw it missing once), so wait for it as well.
            Eventually.until("the eraser's log line", () -> {
                synchronized (log) {
                    return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("erased the personal data"));
                }
            }, () -> {
                synchronized (log) {
                    return log.list.size() + " log event(s)";
                }
            });
            synchronized (log) {
                assertThat(log.list).anySatisfy(e -> {
                    assertThat(e.getFormattedMessage()).contains("erased the personal data of 1 requests");
                    assertThat(e.getThreadName()).isEqualTo("privacy-erase");
                });
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    /**
     * A kiosk that exits right after its start (a screen that fails, a restart loop, the class
     * archive's training start) still erases: its close lets the first run finish before the
     * store closes.
     */
    @Test
    void aCloseRightAfterTheStartStillLetsTheFirstErasureRun() {
        Instant now = Instant.now();
        ReceiptTokens tokens = ReceiptTokens.forInstallation(data, () -> 0L);
        NewRequest old = request(now.minus(Duration.ofDays(31)), tokens.next());
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.file(old);
        }
        KioskConfig config = KioskConfig.load(null, List.of("data.dir=" + data, "privacy.retention-days=30",
                "backoffice.url="));
        try (Kiosk kiosk = Wiring.wire(config, Clock.system(ZoneOffset.UTC))) {
            RetentionEraser eraser = Wiring.retentionEraser(kiosk);
            eraser.start();
            eraser.close(); // at once: the first run had most likely not begun

            assertThat(kiosk.queue().find(old.requestId()).orElseThrow().personalDataKept()).isFalse();
        }
    }

    private static NewRequest request(Instant filedAt, String token) {
        return new NewRequest(UUID.randomUUID(), "sim-kiosk-01", "hazard-report", "public-opinion", 'C',
                LocalDate.ofInstant(filedAt, ZoneOffset.UTC), filedAt, token,
                Map.of("category", "road_traffic", "description", "我的身份证号350982199001010025"), Map.of(),
                FictionalCards.OUYANG_ELDER, null);
    }
}
