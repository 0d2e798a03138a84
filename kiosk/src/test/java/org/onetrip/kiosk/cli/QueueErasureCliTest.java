package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/** {@code kiosk queue} says what personal data was erased, by delivery path and by month filed. */
class QueueErasureCliTest {
    @TempDir
    Path data;

    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return CliRun.of("", all.toArray(String[]::new));
    }

    private static NewRequest filed(Instant at) {
        return new NewRequest(UUID.randomUUID(), "sim-kiosk-01", "hazard-report", "public-opinion", 'C',
                LocalDate.ofInstant(at, ZoneOffset.UTC), at, "t-" + UUID.randomUUID(),
                Map.of("category", "road_traffic", "description", "路灯坏了"), Map.of(), FictionalCards.OUYANG_ELDER, null);
    }

    @Test
    void queueSaysWhatWasErasedInJsonAndText() {
        Instant feb = Instant.parse("2025-02-10T08:00:00Z");
        Instant now = Instant.parse("2025-04-15T08:00:00Z");
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"), Clock.fixed(now, ZoneOffset.UTC))) {
            NewRequest delivered = filed(feb);
            NewRequest parked = filed(feb.plus(Duration.ofDays(20)));
            NewRequest pending = filed(feb.plus(Duration.ofDays(21)));
            NewRequest kept = filed(now.minus(Duration.ofDays(1)));
            for (NewRequest r : List.of(delivered, parked, pending, kept)) {
                q.file(r);
            }
            q.markDelivered(delivered.requestId(), "SR-1", feb.plusSeconds(60));
            q.park(parked.requestId(), "400", feb.plus(Duration.ofDays(20)));
            q.erasePersonalData(now.minus(Duration.ofDays(30)));
        }

        CliRun json = kiosk("queue", "--json");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode p = json.json().path("personal_data");
        assertThat(p.path("retention_days").asInt()).isEqualTo(30);
        assertThat(p.path("kept").asLong()).isEqualTo(1);
        assertThat(p.path("erased").path("total").asLong()).isEqualTo(3);
        assertThat(p.path("erased").path("delivered").asLong()).isEqualTo(1);
        assertThat(p.path("erased").path("refused").asLong()).isZero();
        assertThat(p.path("erased").path("parked").asLong()).isEqualTo(1);
        assertThat(p.path("erased").path("pending").asLong()).isEqualTo(1);
        assertThat(p.path("erased_by_month_filed").path("2025-02").asLong()).isEqualTo(1);
        assertThat(p.path("erased_by_month_filed").path("2025-03").asLong()).isEqualTo(2);
        assertThat(p.path("last_erased_at").asText()).isEqualTo(now.toString());

        CliRun text = kiosk("queue");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("erased 30 days after delivery")
                .containsPattern("erased +3 +\\(delivered 1, refused 0, parked 1, pending 1\\)")
                .contains("erased by month filed: 2025-02 1, 2025-03 2")
                .containsPattern("kept +1");
    }
}
