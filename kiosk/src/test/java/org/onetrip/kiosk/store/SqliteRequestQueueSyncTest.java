package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onetrip.kiosk.store.TestRequests.T0;
import static org.onetrip.kiosk.store.TestRequests.request;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestQueue.OpenRequest;
import org.onetrip.kiosk.request.RequestQueue.TokenToResolve;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;

/** What the sync worker needs beyond delivery: tokens, open requests to refresh, parked ones back. */
class SqliteRequestQueueSyncTest {
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

    private NewRequest filed() {
        NewRequest r = request().build();
        queue.file(r);
        return r;
    }

    @Test
    void aTokenAnswerDeliversTheRequestAndWaitsForItsId() {
        NewRequest a = filed();
        NewRequest b = filed();
        NewRequest c = filed();
        queue.markDeliveredAsToken(a.requestId(), "tok-a", T0.plusSeconds(1));
        queue.markDeliveredAsToken(b.requestId(), "tok-b", T0.plusSeconds(2));
        queue.markDelivered(c.requestId(), "300", T0.plusSeconds(3));

        StoredRequest stored = queue.find(a.requestId()).orElseThrow();
        assertThat(stored.outboxState()).isEqualTo(OutboxState.DELIVERED);
        assertThat(stored.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(stored.serviceRequestId()).isNull();
        assertThat(queue.nextToSend(T0.plusSeconds(60), 10)).extracting(e -> e.requestId()).isEmpty();
        assertThat(queue.unresolvedTokens(10)).containsExactly(new TokenToResolve(a.requestId(), "tok-a"),
                new TokenToResolve(b.requestId(), "tok-b"));
        assertThat(queue.unresolvedTokens(1)).hasSize(1);

        queue.resolveToken(a.requestId(), "100");
        queue.resolveToken(a.requestId(), "999"); // a second answer never replaces the first

        assertThat(queue.find(a.requestId()).orElseThrow().serviceRequestId()).isEqualTo("100");
        assertThat(queue.unresolvedTokens(10)).containsExactly(new TokenToResolve(b.requestId(), "tok-b"));
    }

    @Test
    void aTokenAnswerForARequestAlreadyDeliveredChangesNothing() {
        NewRequest a = filed();
        queue.markDelivered(a.requestId(), "100", T0.plusSeconds(1));
        queue.markDeliveredAsToken(a.requestId(), "tok", T0.plusSeconds(2));

        assertThat(queue.find(a.requestId()).orElseThrow().serviceRequestId()).isEqualTo("100");
        assertThat(queue.unresolvedTokens(10)).isEmpty();
        assertThat(queue.find(a.requestId()).orElseThrow().history()).hasSize(2);
    }

    @Test
    void openRequestsAreTheDeliveredOnesNotYetFinalPageByPage() {
        NewRequest pending = filed();
        NewRequest received = filed();
        NewRequest working = filed();
        NewRequest done = filed();
        NewRequest refused = filed();
        NewRequest tokenOnly = filed();
        queue.markDelivered(received.requestId(), "1", T0);
        queue.markDelivered(working.requestId(), "2", T0);
        queue.markDelivered(done.requestId(), "3", T0);
        queue.markDelivered(refused.requestId(), "4", T0);
        queue.markDeliveredAsToken(tokenOnly.requestId(), "t", T0);
        queue.recordStatus(working.requestId(), RequestStatus.IN_PROGRESS, "窗口受理", T0.plusSeconds(5));
        queue.recordStatus(done.requestId(), RequestStatus.COMPLETED, null, T0.plusSeconds(5));
        queue.recordStatus(refused.requestId(), RequestStatus.REJECTED, null, T0.plusSeconds(5));

        List<OpenRequest> open = queue.openRequests(0, 10);

        assertThat(open).extracting(OpenRequest::requestId).containsExactly(received.requestId(), working.requestId());
        assertThat(open).extracting(OpenRequest::serviceRequestId).containsExactly("1", "2");
        assertThat(open).extracting(OpenRequest::status).containsExactly(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS);
        assertThat(queue.openRequests(0, 1)).extracting(OpenRequest::requestId).containsExactly(received.requestId());
        assertThat(queue.openRequests(open.get(0).seq(), 10)).extracting(OpenRequest::requestId)
                .containsExactly(working.requestId());
        assertThat(queue.openRequests(open.get(1).seq(), 10)).isEmpty();
        assertThat(pending.requestId()).isNotIn(open.stream().map(OpenRequest::requestId).toList());
    }

    @Test
    void parkedRequestsGoBackToTheOutboxInFilingOrder() {
        NewRequest a = filed();
        NewRequest b = filed();
        NewRequest delivered = filed();
        queue.park(a.requestId(), "HTTP 404: unknown service", T0.plusSeconds(1));
        queue.markAttemptFailed(b.requestId(), "HTTP 503", T0.plusSeconds(500));
        queue.park(b.requestId(), "HTTP 400: bad", T0.plusSeconds(2));
        queue.markDelivered(delivered.requestId(), "7", T0);

        Instant later = T0.plusSeconds(100);
        assertThat(queue.requeueParked(later)).isEqualTo(2);

        assertThat(queue.parked()).isEmpty();
        assertThat(queue.nextToSend(later, 10)).extracting(e -> e.requestId()).containsExactly(a.requestId(), b.requestId());
        assertThat(queue.nextToSend(later, 10)).allSatisfy(e -> assertThat(e.attempts()).isZero());
        assertThat(queue.find(delivered.requestId()).orElseThrow().outboxState()).isEqualTo(OutboxState.DELIVERED);
        assertThat(queue.requeueParked(later)).isZero();
    }

    @Test
    void aStoreOfSchemaVersion1IsMigratedWithItsRequests() throws Exception {
        NewRequest old = filed();
        queue.close();
        // Undo migrations 4 and 2 by hand (3 runs again, idempotent): what a kiosk of an earlier release left on disk.
        try (Connection c = TestRequests.raw(db); Statement s = c.createStatement()) {
            s.execute("DROP INDEX requests_to_erase");
            s.execute("ALTER TABLE requests DROP COLUMN personal_erased_at");
            s.execute("DROP INDEX outbox_by_service_request");
            s.execute("ALTER TABLE outbox DROP COLUMN backoffice_token");
            s.execute("PRAGMA user_version = 1");
        }

        queue = new SqliteRequestQueue(db);

        assertThat(TestRequests.column(db, "PRAGMA user_version")).containsExactly(String.valueOf(SqliteRequestQueue.schemaVersion()));
        queue.markDeliveredAsToken(old.requestId(), "tok", T0);
        assertThat(queue.unresolvedTokens(5)).containsExactly(new TokenToResolve(old.requestId(), "tok"));
    }

    @Test
    void unknownRequestsAreRefusedLoudly() {
        UUID nobody = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.resolveToken(nobody, "1"))
                .hasMessageContaining(nobody.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.markDeliveredAsToken(nobody, "t", T0))
                .hasMessageContaining(nobody.toString());
    }
}
