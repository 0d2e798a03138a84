package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onetrip.kiosk.store.TestRequests.T0;
import static org.onetrip.kiosk.store.TestRequests.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.privacy.ErasableAttributes;
import org.onetrip.kiosk.request.ErasureSummary;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * Personal data is erased by age on every path a request can take — delivered, refused by the
 * back office after delivery, parked (refused at intake), pending (never delivered, e.g. no back
 * office) — free text typed into the form included, judged by the catalogue.
 */
class SqliteRequestQueueErasureTest {
    /** What a resident may type into a free-text field: an ID number and a health detail. */
    private static final String CONFIDED = "我身份证350982199001010025，有糖尿病";
    private static final String PLACE = "资国寺路与太姥大道路口";

    @TempDir
    Path dir;
    Path db;
    SqliteRequestQueue queue;
    final Instant now = T0.plus(java.time.Duration.ofDays(40));

    @BeforeEach
    void open() {
        db = dir.resolve("kiosk.db");
        queue = new SqliteRequestQueue(db, Clock.fixed(now, ZoneOffset.UTC),
                ErasableAttributes.of(new CatalogLoader().loadBundled()));
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private NewRequest hazard(Instant filedAt) {
        return request().serviceCode("hazard-report").windowCode("public-opinion").filedAt(filedAt)
                .attributes(Map.of("category", "road_traffic", "location", PLACE, "description", CONFIDED,
                        "danger", "no"))
                .resident(FictionalCards.OUYANG_ELDER).personal(Map.of("phone", "13905931234")).build();
    }

    @Test
    void everyPathIsErasedByAgeFreeTextIncluded() throws Exception {
        Instant cutoff = now.minus(java.time.Duration.ofDays(30));
        NewRequest delivered = hazard(T0);
        NewRequest refused = hazard(T0);
        NewRequest parked = hazard(T0);
        NewRequest pending = hazard(T0);
        NewRequest young = request().serviceCode("hazard-report").filedAt(cutoff.plusSeconds(60))
                .attributes(Map.of("category", "road_traffic", "description", "路灯坏了")).build();
        for (NewRequest r : List.of(delivered, refused, parked, pending, young)) {
            queue.file(r);
        }
        queue.markDelivered(delivered.requestId(), "SR-1", T0.plusSeconds(60));
        queue.markDelivered(refused.requestId(), "SR-2", T0.plusSeconds(60));
        queue.recordStatus(refused.requestId(), RequestStatus.REJECTED, "not ours; she says " + CONFIDED,
                T0.plusSeconds(120));
        queue.recordStatus(young.requestId(), RequestStatus.IN_PROGRESS, "工作人员已联系", cutoff.plusSeconds(120));
        queue.park(parked.requestId(), "400: bad description " + CONFIDED, T0.plusSeconds(60));
        queue.markAttemptFailed(pending.requestId(), "503: " + CONFIDED, T0.plusSeconds(60));

        assertThat(queue.erasePersonalData(cutoff)).isEqualTo(4);

        for (NewRequest r : List.of(delivered, refused, parked, pending)) {
            StoredRequest s = queue.find(r.requestId()).orElseThrow();
            assertThat(s.personalDataKept()).as(s.ticket()).isFalse();
            assertThat(s.maskedName()).isEqualTo("欧***");
            assertThat(s.history()).as("staff notes are free text").allSatisfy(h -> assertThat(h.note()).isNull());
            // Free text is gone; the choices say what the report was about, and stay.
            assertThat(s.attributes()).containsEntry("category", "road_traffic").containsEntry("danger", "no")
                    .containsEntry("location", SqliteRequestQueue.ERASED)
                    .containsEntry("description", SqliteRequestQueue.ERASED);
        }
        assertThat(queue.find(young.requestId()).orElseThrow().attributes()).containsEntry("description", "路灯坏了");
        assertThat(queue.find(refused.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(queue.find(young.requestId()).orElseThrow().history()).extracting(h -> h.note())
                .contains("工作人员已联系");

        ErasureSummary summary = queue.erasureSummary();
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.refused()).isEqualTo(1);
        assertThat(summary.parked()).isEqualTo(1);
        assertThat(summary.pending()).isEqualTo(1);
        assertThat(summary.kept()).isEqualTo(1);
        assertThat(summary.oldestKeptFiledAt()).isEqualTo(young.filedAt());
        assertThat(summary.erasedByMonthFiled()).containsExactly(Map.entry("2025-03", 4L));
        assertThat(summary.lastErasedAt()).isEqualTo(now);

        String onDisk = new String(TestRequests.allFileBytes(db), StandardCharsets.UTF_8);
        assertThat(onDisk).doesNotContain("350982199001010025", "糖尿病", PLACE, "13905931234",
                FictionalCards.OUYANG_ELDER.idNumber(), FictionalCards.OUYANG_ELDER.name());

        // A note that comes after the erasure goes at the next pass.
        queue.recordStatus(refused.requestId(), RequestStatus.COMPLETED, "closed; " + CONFIDED, T0.plusSeconds(180));
        queue.erasePersonalData(cutoff);
        assertThat(queue.find(refused.requestId()).orElseThrow().history()).allSatisfy(h -> assertThat(h.note()).isNull());
    }

    @Test
    void aStoreWithoutACatalogueErasesEveryAttributeValue() {
        try (SqliteRequestQueue bare = new SqliteRequestQueue(dir.resolve("bare.db"), Clock.fixed(now, ZoneOffset.UTC))) {
            NewRequest r = hazard(T0);
            bare.file(r);
            assertThat(bare.erasePersonalData(now)).isEqualTo(1);
            assertThat(bare.find(r.requestId()).orElseThrow().attributes())
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo(SqliteRequestQueue.ERASED));
        }
    }

    @Test
    void nothingErasedYetSaysSo() {
        queue.file(hazard(now));
        ErasureSummary summary = queue.erasureSummary();
        assertThat(summary.erased()).isZero();
        assertThat(summary.kept()).isEqualTo(1);
        assertThat(summary.lastErasedAt()).isNull();
        assertThat(summary.erasedByMonthFiled()).isEmpty();
    }
}
