package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * The kiosk's worker against the real back office: what staff decide reaches the kiosk's local
 * history, read the way the status screen reads it (by the receipt's token); batch intake; the
 * catalogue; a wrong api key.
 */
class KioskMeetsBackOfficeTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStatusSetByStaffReachesTheKiosksStatusScreen(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = kiosk.fileHazard(1);
            kiosk.worker.runOnce();
            StoredRequest sent = kiosk.queue.findByToken(f.filed().receiptToken()).orElseThrow();
            assertThat(sent.status()).isEqualTo(RequestStatus.RECEIVED);
            String id = sent.serviceRequestId();
            // The receipt token travelled with the request, for the phone that opens the QR link.
            String stored = bo.db.read("read the receipt token", c -> {
                try (var ps = c.prepareStatement("SELECT receipt_token FROM service_requests WHERE service_request_id = ?")) {
                    ps.setString(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertThat(stored).isEqualTo(f.filed().receiptToken());
            // The ticket on the receipt, and the time the resident filed, not the time it arrived.
            var request = bo.store.find(List.of(id), null).get(0);
            assertThat(request.ticket()).isEqualTo(f.filed().ticket());
            assertThat(request.requested()).isEqualTo(f.filed().filedAt());
            assertThat(bo.store.byTicket(f.filed().ticket())).extracting(r -> r.serviceRequestId()).contains(id);

            assertThat(bo.staffStatus(id, "needs_documents", "请补交户口本复印件").statusCode()).isEqualTo(200);
            kiosk.worker.runOnce();

            StoredRequest seen = kiosk.queue.findByToken(f.filed().receiptToken()).orElseThrow();
            assertThat(seen.status()).isEqualTo(RequestStatus.NEEDS_DOCUMENTS);
            StatusChange last = seen.history().get(seen.history().size() - 1);
            assertThat(last.status()).isEqualTo(RequestStatus.NEEDS_DOCUMENTS);
            assertThat(last.note()).isEqualTo("请补交户口本复印件");
            assertThat(last.source()).isEqualTo("backoffice");

            assertThat(bo.staffStatus(id, "completed", "已办结").statusCode()).isEqualTo(200);
            kiosk.worker.runOnce();
            assertThat(kiosk.queue.findByToken(f.filed().receiptToken()).orElseThrow().status()).isEqualTo(RequestStatus.COMPLETED);
            assertThat(kiosk.queue.openRequests(0, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aProxyRequestReachesTheOfficeWithTheAgentsRegistrationAndVillage(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = kiosk.fileProxy();
            kiosk.worker.runOnce();
            StoredRequest sent = kiosk.queue.findByToken(f.filed().receiptToken()).orElseThrow();
            assertThat(sent.status()).as("accepted by the back office").isEqualTo(RequestStatus.RECEIVED);
            // Sealed at rest, and the agent's fields are kept with the personal ones (agent_*): read
            // them as the office does, decrypted.
            var request = bo.store.find(java.util.List.of(sent.serviceRequestId()), null).get(0);
            java.util.Map<String, String> attributes = new java.util.HashMap<>(request.attributes());
            attributes.putAll(bo.store.personal(request.requestKey()).orElseThrow().attributes());
            assertThat(attributes).containsEntry("agent_registration", "KL-01").containsEntry("agent_village", "柯岭村");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batchIntakeTokensAreResolvedOnceStaffTakeTheRequestIn(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"), true, null);
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = kiosk.fileHazard(1);
            kiosk.worker.runOnce();
            var waiting = kiosk.queue.unresolvedTokens(5);
            assertThat(waiting).hasSize(1);
            assertThat(kiosk.queue.find(f.filed().requestId()).orElseThrow().outboxState()).isEqualTo(OutboxState.DELIVERED);

            assertThat(bo.staffStatus(waiting.get(0).token(), "in_progress", null).statusCode()).isEqualTo(200);
            kiosk.worker.runOnce();

            StoredRequest r = kiosk.queue.find(f.filed().requestId()).orElseThrow();
            assertThat(r.serviceRequestId()).isNotNull();
            assertThat(r.status()).isEqualTo(RequestStatus.IN_PROGRESS);
            assertThat(kiosk.queue.unresolvedTokens(5)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theCatalogueTheBackOfficeServesIsCachedWhole(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            kiosk.worker.runOnce();
            String json = kiosk.cache.load().orElseThrow().catalogJson();
            assertThat(new CatalogLoader().parse(json, "cache").services()).isEqualTo(TestBackOffice.CATALOG.services());
            assertThat(bo.store.heartbeats()).singleElement().satisfies(h -> assertThat(h.kioskId()).isEqualTo("sim-kiosk-01"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWrongApiKeyStopsTheSyncAsAConfigurationError(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), "not-the-key", Duration.ofSeconds(5))) {
            kiosk.fileHazard(1);
            var before = bo.store.snapshot();
            var report = kiosk.worker.runOnce();
            assertThat(report.stopped()).isTrue();
            assertThat(kiosk.worker.status().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(kiosk.worker.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
            assertThat(kiosk.queue.countsByOutboxState().get(OutboxState.PENDING)).isEqualTo(1);
            assertThat(bo.store.snapshot()).isEqualTo(before);
        }
    }
}
