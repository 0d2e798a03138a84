package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onetrip.kiosk.store.TestRequests.T0;
import static org.onetrip.kiosk.store.TestRequests.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestQueue.ParkedRequest;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;

/** Delivery to the back office, the status history and erasure. */
class SqliteRequestQueueOutboxTest {
    @TempDir
    Path dir;
    Path db;
    SqliteRequestQueue queue;

    @BeforeEach
    void open() {
        db = dir.resolve("store.db");
        queue = new SqliteRequestQueue(db);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private static List<UUID> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::requestId).toList();
    }

    @Test
    void pendingRequestsComeInFilingOrderOnceDue() {
        // Filed out of clock order: the outbox follows filing order, due-ness follows the clock.
        NewRequest a = request().filedAt(T0.plusSeconds(20)).build();
        NewRequest b = request().filedAt(T0).build();
        NewRequest c = request().filedAt(T0.plusSeconds(10)).build();
        queue.file(a);
        queue.file(b);
        queue.file(c);

        assertThat(ids(queue.nextToSend(T0.minusNanos(1), 10))).isEmpty();
        assertThat(ids(queue.nextToSend(T0, 10))).containsExactly(b.requestId());
        assertThat(ids(queue.nextToSend(T0.plusSeconds(10), 10))).containsExactly(b.requestId(), c.requestId());
        assertThat(ids(queue.nextToSend(T0.plusSeconds(60), 10)))
                .containsExactly(a.requestId(), b.requestId(), c.requestId());
        assertThat(ids(queue.nextToSend(T0.plusSeconds(60), 2))).containsExactly(a.requestId(), b.requestId());
        assertThat(queue.nextToSend(T0.plusSeconds(60), 0)).isEmpty();
        assertThat(queue.nextToSend(T0.plusSeconds(60), 10)).extracting(OutboxEntry::seq).isSorted();
    }

    @Test
    void dueTimesCompareAsTimesNotAsText() {
        // Instant.toString would write 08:00:00Z, which sorts after 08:00:00.500Z as text.
        Instant whole = Instant.parse("2025-03-14T08:00:00Z");
        NewRequest r = request().filedAt(whole).build();
        queue.file(r);

        assertThat(queue.nextToSend(Instant.parse("2025-03-14T08:00:00.500Z"), 1)).hasSize(1);
        assertThat(queue.nextToSend(Instant.parse("2025-03-14T07:59:59.999999999Z"), 1)).isEmpty();
        assertThat(queue.find(r.requestId()).orElseThrow().filedAt()).isEqualTo(whole);
    }

    @Test
    void aFailedAttemptCountsKeepsTheErrorAndWaitsUntilTheNextTry() throws SQLException {
        NewRequest a = request().build();
        NewRequest b = request().build();
        queue.file(a);
        queue.file(b);

        queue.markAttemptFailed(a.requestId(), "connect timed out", T0.plusSeconds(60));
        assertThat(ids(queue.nextToSend(T0.plusSeconds(59), 10))).containsExactly(b.requestId());

        String longError = "HTTP 503 " + "服".repeat(300) + "x".repeat(300);
        queue.markAttemptFailed(a.requestId(), longError, T0.plusSeconds(120));
        assertThat(ids(queue.nextToSend(T0.plusSeconds(119), 10))).containsExactly(b.requestId());
        OutboxEntry retried = queue.nextToSend(T0.plusSeconds(120), 10).get(0);
        assertThat(retried.requestId()).isEqualTo(a.requestId());
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        String kept = TestRequests.column(db, "SELECT last_error FROM outbox WHERE request_id = '" + a.requestId() + "'").get(0);
        assertThat(kept).hasSize(SqliteRequestQueue.MAX_ERROR_LENGTH).endsWith("…").startsWith("HTTP 503 服服");
        assertThat(queue.countsByOutboxState()).containsEntry(OutboxState.PENDING, 2L);
    }

    @Test
    void errorsAreNotCutInsideASurrogatePair() {
        String emoji = "😀";
        String error = "e".repeat(SqliteRequestQueue.MAX_ERROR_LENGTH - 2) + emoji.repeat(5);
        String cut = SqliteRequestQueue.truncate(error);
        assertThat(cut.length()).isLessThanOrEqualTo(SqliteRequestQueue.MAX_ERROR_LENGTH);
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) '?');
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(SqliteRequestQueue.truncate("short")).isEqualTo("short");
        assertThat(SqliteRequestQueue.truncate(null)).isNull();
    }

    @Test
    void aDeliveredRequestLeavesTheOutboxAndIsReceived() {
        NewRequest r = request().build();
        queue.file(r);
        Instant at = T0.plusSeconds(5);

        queue.markDelivered(r.requestId(), "SR-42", at);

        StoredRequest s = queue.find(r.requestId()).orElseThrow();
        assertThat(s.outboxState()).isEqualTo(OutboxState.DELIVERED);
        assertThat(s.serviceRequestId()).isEqualTo("SR-42");
        assertThat(s.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(s.history()).containsExactly(
                new StatusChange(T0, RequestStatus.QUEUED, null, "kiosk"),
                new StatusChange(at, RequestStatus.RECEIVED, null, "backoffice"));
        assertThat(queue.nextToSend(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(queue.countsByOutboxState()).containsExactly(
                Map.entry(OutboxState.PENDING, 0L), Map.entry(OutboxState.DELIVERED, 1L),
                Map.entry(OutboxState.NEEDS_ATTENTION, 0L));

        // A repeated confirmation (the answer to a retried POST) changes nothing.
        queue.markDelivered(r.requestId(), "SR-99", at.plusSeconds(60));
        queue.markAttemptFailed(r.requestId(), "late failure", at.plusSeconds(60));
        queue.park(r.requestId(), "late refusal", at.plusSeconds(60));
        assertThat(queue.find(r.requestId())).contains(s);
        assertThat(queue.parked()).isEmpty();
    }

    @Test
    void aRefusedRequestIsParkedWithItsReasonAndNotRetried() {
        NewRequest ok = request().build();
        NewRequest refused = request().serviceCode("retired.service").build();
        queue.file(ok);
        String ticket = queue.file(refused).ticket();

        queue.park(refused.requestId(), "400: unknown service_code", T0.plusSeconds(7));

        assertThat(queue.parked()).containsExactly(new ParkedRequest(refused.requestId(), ticket,
                "retired.service", "400: unknown service_code", T0.plusSeconds(7)));
        assertThat(ids(queue.nextToSend(T0.plusSeconds(3600), 10))).containsExactly(ok.requestId());
        queue.markAttemptFailed(refused.requestId(), "ignored", T0);
        assertThat(ids(queue.nextToSend(T0.plusSeconds(3600), 10))).containsExactly(ok.requestId());
        assertThat(queue.countsByOutboxState()).containsEntry(OutboxState.NEEDS_ATTENTION, 1L)
                .containsEntry(OutboxState.PENDING, 1L);
        StoredRequest s = queue.find(refused.requestId()).orElseThrow();
        assertThat(s.outboxState()).isEqualTo(OutboxState.NEEDS_ATTENTION);
        assertThat(s.status()).isEqualTo(RequestStatus.QUEUED);

        // Once the technician has it accepted by other means, it may still be confirmed.
        queue.markDelivered(refused.requestId(), "SR-7", T0.plusSeconds(9));
        assertThat(queue.parked()).isEmpty();
    }

    @Test
    void theHistoryGrowsOnlyWhenTheStatusChanges() {
        NewRequest r = request().build();
        queue.file(r);
        queue.markDelivered(r.requestId(), "SR-1", T0.plusSeconds(1));

        queue.recordStatus(r.requestId(), RequestStatus.RECEIVED, "same again", T0.plusSeconds(2));
        queue.recordStatus(r.requestId(), RequestStatus.IN_PROGRESS, "窗口受理", T0.plusSeconds(3));
        queue.recordStatus(r.requestId(), RequestStatus.IN_PROGRESS, "still", T0.plusSeconds(4));
        queue.recordStatus(r.requestId(), RequestStatus.NEEDS_DOCUMENTS, "请补充户口簿", T0.plusSeconds(5));
        queue.recordStatus(r.requestId(), RequestStatus.COMPLETED, null, T0.plusSeconds(6));

        StoredRequest s = queue.find(r.requestId()).orElseThrow();
        assertThat(s.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(s.history()).containsExactly(
                new StatusChange(T0, RequestStatus.QUEUED, null, "kiosk"),
                new StatusChange(T0.plusSeconds(1), RequestStatus.RECEIVED, null, "backoffice"),
                new StatusChange(T0.plusSeconds(3), RequestStatus.IN_PROGRESS, "窗口受理", "backoffice"),
                new StatusChange(T0.plusSeconds(5), RequestStatus.NEEDS_DOCUMENTS, "请补充户口簿", "backoffice"),
                new StatusChange(T0.plusSeconds(6), RequestStatus.COMPLETED, null, "backoffice"));
        // A late delivery confirmation does not move a completed request back to RECEIVED.
        queue.markDelivered(r.requestId(), "SR-1", T0.plusSeconds(7));
        assertThat(queue.find(r.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(queue.countsByStatus()).hasSize(RequestStatus.values().length)
                .containsEntry(RequestStatus.COMPLETED, 1L).containsEntry(RequestStatus.QUEUED, 0L);
    }

    @Test
    void anUnknownRequestIsAnError() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> queue.markDelivered(nobody, "SR", T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(nobody.toString());
        assertThatThrownBy(() -> queue.markAttemptFailed(nobody, "x", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.park(nobody, "x", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.recordStatus(nobody, RequestStatus.COMPLETED, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsListEveryValueEvenWhenEmpty() {
        assertThat(queue.countsByOutboxState()).hasSize(OutboxState.values().length).allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(queue.countsByStatus()).hasSize(RequestStatus.values().length).allSatisfy((k, v) -> assertThat(v).isZero());
    }

    /**
     * Erasure by age in every case: delivered before the cutoff, or never delivered (pending,
     * parked) and filed before it. A request delivered at the cutoff and one filed after it keep theirs.
     */
    @Test
    void erasureRemovesPersonalDataOfEveryRequestOlderThanTheCutoff() throws Exception {
        Identity elder = FictionalCards.OUYANG_ELDER;
        Identity agent = FictionalCards.ZHAN_AGENT;
        Instant cutoff = T0.plusSeconds(7200);
        NewRequest old = request().resident(elder).agent(agent).personal(Map.of("phone", "13905931234")).build();
        NewRequest recent = request().resident(FictionalCards.LAI_JIAJIA).build();
        NewRequest pending = request().resident(FictionalCards.HMT_PERMIT).build();
        NewRequest parked = request().resident(FictionalCards.FOREIGN_PERMANENT).build();
        NewRequest young = request().resident(FictionalCards.LAI_JIAJIA).filedAt(cutoff).build();
        for (NewRequest r : List.of(old, recent, pending, parked, young)) {
            queue.file(r);
        }
        queue.markDelivered(old.requestId(), "SR-1", T0.plusSeconds(3600));
        queue.markDelivered(recent.requestId(), "SR-2", cutoff);
        queue.park(parked.requestId(), "refused: " + FictionalCards.FOREIGN_PERMANENT.idNumber(), T0.plusSeconds(60));
        StoredRequest before = queue.find(old.requestId()).orElseThrow();

        assertThat(queue.erasePersonalData(cutoff)).isEqualTo(3);

        StoredRequest after = queue.find(old.requestId()).orElseThrow();
        assertThat(after.personalDataKept()).isFalse();
        assertThat(after.maskedName()).isEqualTo("欧***");
        assertThat(after.attributes()).containsOnlyKeys(before.attributes().keySet())
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(SqliteRequestQueue.ERASED));
        assertThat(after).usingRecursiveComparison().ignoringFields("personalDataKept", "attributes").isEqualTo(before);
        for (NewRequest kept : List.of(recent, young)) {
            assertThat(queue.find(kept.requestId()).orElseThrow().personalDataKept()).isTrue();
        }
        for (NewRequest gone : List.of(pending, parked)) {
            assertThat(queue.find(gone.requestId()).orElseThrow().personalDataKept()).isFalse();
        }
        assertThat(queue.parked()).singleElement().satisfies(p -> assertThat(p.reason())
                .doesNotContain(FictionalCards.FOREIGN_PERMANENT.idNumber()));
        assertThat(queue.nextToSend(cutoff.plusSeconds(3600), 10)).extracting(e -> e.requestId())
                .containsExactly(pending.requestId(), young.requestId());
        assertThat(queue.erasePersonalData(cutoff)).isZero();
        assertThat(TestRequests.column(db, "SELECT count(*) FROM request_personal")).containsExactly("2");

        // Gone from the bytes on disk too, not only from the table (secure_delete + WAL truncate).
        String onDisk = new String(TestRequests.allFileBytes(db), StandardCharsets.UTF_8);
        assertThat(onDisk).contains(FictionalCards.LAI_JIAJIA.idNumber())
                .doesNotContain(elder.idNumber(), elder.name(), agent.idNumber(), agent.name(), "13905931234",
                        FictionalCards.HMT_PERMIT.idNumber(), FictionalCards.FOREIGN_PERMANENT.idNumber());
    }
}
