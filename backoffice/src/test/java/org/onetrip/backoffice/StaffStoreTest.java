package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.staff.Workflow;
import org.onetrip.backoffice.store.BackOfficeStore.Location;
import org.onetrip.backoffice.store.BackOfficeStore.NewServiceRequest;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.QueueQuery;
import org.onetrip.kiosk.request.RequestStatus;

/** The queue's filters and the state machine's steps in the store, on SQLite and PostgreSQL. */
class StaffStoreTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    private static String file(TestBackOffice bo, String service, String ticket, Instant filed) {
        return bo.store.file(TestBackOffice.KIOSK, ticket, "h" + ticket, new NewServiceRequest(service, service, null, null,
                null, null, "赖佳佳", null, null, Location.NONE, null, TestBackOffice.KIOSK, null, Map.of(), Map.of(),
                "tok" + ticket + "xxxxxxxxxxxxxxxx".substring(ticket.length()), ticket, filed), false).requestKey();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theQueueFiltersByServiceStatusKioskDateOverdueAndSearch(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            StaffStore s = new StaffStore(bo.store, Clock.systemUTC());
            Instant now = Instant.now();
            String oldHazard = file(bo, "hazard-report", "C-001", now.minus(Duration.ofHours(3)));
            String newHazard = file(bo, "hazard-report", "C-002", now.minus(Duration.ofMinutes(30)));
            String residence = file(bo, "residence-certificate", "D-001", now.minus(Duration.ofHours(3)).plusSeconds(60));
            Set<RequestStatus> open = EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.NEEDS_DOCUMENTS);

            assertThat(s.queue(new QueueQuery(null, open, null, null, null, null, null, 0, 50)).rows())
                    .extracting(StaffStore.QueueRow::requestKey).containsExactly(oldHazard, residence, newHazard);
            assertThat(s.queue(new QueueQuery(Set.of("hazard-report"), open, null, null, null, null, null, 0, 50)).total())
                    .isEqualTo(2);
            // Hazard reports are overdue after 2 h, a residence certificate after 24 h.
            QueueQuery overdue = new QueueQuery(null, open, null, null, null, null,
                    Map.of("hazard-report", now.minus(Duration.ofHours(2)), "residence-certificate", now.minus(Duration.ofHours(24))),
                    0, 50);
            assertThat(s.queue(overdue).rows()).extracting(StaffStore.QueueRow::requestKey).containsExactly(oldHazard);
            assertThat(s.queue(new QueueQuery(null, null, null, null, null, "D-001", null, 0, 50)).rows())
                    .extracting(StaffStore.QueueRow::requestKey).containsExactly(residence);
            assertThat(s.queue(new QueueQuery(null, null, "another-kiosk", null, null, null, null, 0, 50)).total()).isZero();
            assertThat(s.queue(new QueueQuery(null, null, null, now.minus(Duration.ofHours(1)), null, null, null, 0, 50)).rows())
                    .extracting(StaffStore.QueueRow::requestKey).containsExactly(newHazard);
            assertThat(s.queue(new QueueQuery(Set.of(), null, null, null, null, null, null, 0, 50)).total()).isZero();
            assertThat(s.queue(new QueueQuery(null, open, null, null, null, null, null, 1, 1)).rows())
                    .extracting(StaffStore.QueueRow::requestKey).containsExactly(residence);
            assertThat(s.queue(new QueueQuery(null, open, null, null, null, null, null, 0, 50)).rows().get(0).name())
                    .isEqualTo("赖佳佳");

            // Closed is final: no step, no assignment; a step from the wrong status is refused too.
            assertThatThrownBy(() -> s.step(residence, Workflow.COMPLETE.from(), RequestStatus.COMPLETED, null, "li"))
                    .isInstanceOf(StaffStore.StepRefused.class);
            s.step(residence, Workflow.ACCEPT.from(), RequestStatus.IN_PROGRESS, null, "li");
            s.step(residence, Workflow.COMPLETE.from(), RequestStatus.COMPLETED, "已办结", "li");
            var before = bo.store.snapshot();
            for (Workflow w : Workflow.values()) {
                if (w.to() != null) {
                    assertThatThrownBy(() -> s.step(residence, w.from(), w.to(), null, "li"))
                            .isInstanceOf(StaffStore.StepRefused.class);
                }
            }
            assertThatThrownBy(() -> s.assign(residence, "li", null, "x", "li")).isInstanceOf(StaffStore.StepRefused.class);
            assertThat(bo.store.snapshot()).isEqualTo(before);
            assertThat(s.request(residence).orElseThrow().notes()).isEqualTo("已办结");
            assertThat(bo.store.history(residence)).extracting(h -> h.detail()).containsExactly(RequestStatus.RECEIVED,
                    RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED);
        }
    }
}
