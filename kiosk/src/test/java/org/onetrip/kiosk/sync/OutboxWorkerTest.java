package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.Open311Catalog;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.store.SqliteCatalogCache;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.MutableClock;

/** The worker over the real store, a fake back office and a clock moved by hand. */
class OutboxWorkerTest {
    private static final ServiceCatalog CATALOG = new CatalogLoader().loadBundled();

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2025-03-14T01:30:00Z");
    SqliteRequestQueue queue;
    SqliteCatalogCache cache;
    FakeBackOffice office = new FakeBackOffice();
    OutboxWorker worker;
    List<String> events = new ArrayList<>();

    @BeforeEach
    void open() {
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), clock);
        cache = new SqliteCatalogCache(dir.resolve("catalog-cache.db"));
        worker = new OutboxWorker(queue, office, cache, CATALOG, clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1)),
                OutboxWorker.Settings.defaults(),
                new OutboxWorker.Identity("sim-kiosk-01", "0.1.0", () -> Map.of("printer", DeviceStatus.online("ok"))));
        worker.addListener(new SyncListener() {
            @Override
            public void delivered(UUID id, String serviceRequestId, String token, boolean replayed) {
                events.add("delivered " + id);
            }

            @Override
            public void parked(UUID id, String reason) {
                events.add("parked " + id + " " + reason);
            }

            @Override
            public void statusChanged(UUID id, RequestStatus from, RequestStatus to) {
                events.add("status " + id + " " + to);
            }
        });
    }

    @AfterEach
    void close() {
        worker.close();
        cache.close();
        queue.close();
    }

    private UUID file() {
        UUID id = UUID.randomUUID();
        queue.file(new NewRequest(id, "sim-kiosk-01", "hazard-report", "opinion", 'C', LocalDate.of(2025, 3, 14),
                clock.instant(), "tok-" + id, Map.of("category", "road_traffic"), Map.of("phone", "13800138000"), null, null));
        clock.advance(Duration.ofSeconds(1));
        return id;
    }

    @Test
    void everyPendingRequestGoesOutInFilingOrderAndBecomesReceived() {
        UUID a = file();
        UUID b = file();
        UUID c = file();

        OutboxWorker.Report r = worker.runOnce();

        assertThat(office.attempts).containsExactly(a, b, c);
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(r.stillPending()).isZero();
        StoredRequest stored = queue.find(b).orElseThrow();
        assertThat(stored.outboxState()).isEqualTo(OutboxState.DELIVERED);
        assertThat(stored.serviceRequestId()).isEqualTo(office.filed.get(b));
        assertThat(stored.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(worker.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(events).containsExactly("delivered " + a, "delivered " + b, "delivered " + c);
    }

    @Test
    void aKioskWithNothingToSendIsOnlineOnceItsBackOfficeAnswers() {
        assertThat(worker.status().detail()).isEqualTo(StatusDetail.INITIALIZING);

        worker.runOnce();

        assertThat(office.heartbeats).hasSize(1);
        assertThat(worker.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(worker.status().message()).isEqualTo("0 waiting to be sent");
    }

    @Test
    void theStatusComesBackOnlineWhenTheNetworkReturnsWithNothingToSend() {
        office.failHeartbeat = new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "connection refused");
        office.catalog = null;
        worker.runOnce();
        assertThat(worker.status().state()).isEqualTo(DeviceState.OFFLINE);

        office.failHeartbeat = null;
        office.catalog = new BackOffice.RemoteCatalog(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(),
                Map.of());
        worker.runOnce();

        assertThat(worker.status().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void aHeartbeatDoesNotHideADeliveryThatFailedInTheSamePass() {
        file();
        office.scripted.add(new SubmitOutcome.Retry("HTTP 503", null));

        worker.runOnce();

        assertThat(office.heartbeats).hasSize(1);
        assertThat(worker.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(worker.status().message()).contains("HTTP 503");
    }

    @Test
    void aRequestWaitingOutItsRetryKeepsTheStatusOfflineThroughLaterHeartbeats() throws Exception {
        UUID a = file();
        office.scripted.add(new SubmitOutcome.Retry("HTTP 503", Duration.ofHours(1)));
        worker.start();
        worker.wake();
        awaitHeartbeats(1);
        clock.advance(Duration.ofSeconds(61)); // the next heartbeat is due, the retry an hour off
        worker.wake();
        awaitHeartbeats(2);
        Thread.sleep(300); // the rest of that pass

        assertThat(office.attempts).containsExactly(a);
        assertThat(worker.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(worker.status().message()).contains("HTTP 503");
    }

    @Test
    void afterARestartARequestStillWaitingOutItsRetryKeepsTheStatusFromOnline() throws Exception {
        UUID a = file();
        queue.markAttemptFailed(a, "HTTP 503", clock.instant().plusSeconds(3600)); // before the restart

        worker.start();
        worker.wake();
        awaitHeartbeats(1);
        Thread.sleep(300); // the rest of that pass

        assertThat(office.attempts).isEmpty();
        assertThat(worker.status().state()).isNotEqualTo(DeviceState.ONLINE);
    }

    private void awaitHeartbeats(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (office.heartbeats.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(office.heartbeats).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void anUnusableOwnCatalogueIsReportedAndTheSyncGoesOn() {
        OutboxWorker broken = new OutboxWorker(queue, office, cache, () -> {
            throw new IllegalStateException("a broken jar");
        }, clock, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1)),
                OutboxWorker.Settings.defaults(), new OutboxWorker.Identity("sim-kiosk-01", "0.1.0", Map::of));
        List<String> notes = new ArrayList<>();
        broken.addListener(new SyncListener() {
            @Override
            public void catalogue(int services, String note) {
                notes.add(services + " " + note);
            }
        });
        try {
            broken.runOnce();

            assertThat(notes).containsExactly("0 the kiosk's own catalogue is unusable: a broken jar");
            assertThat(cache.load()).isEmpty();
            assertThat(broken.status().state()).isEqualTo(DeviceState.ONLINE);
        } finally {
            broken.close();
        }
    }

    @Test
    void aPassingFailureHoldsTheQueueInOrderAndBacksOff() {
        UUID a = file();
        UUID b = file();
        office.scripted.add(new SubmitOutcome.Retry("HTTP 503", null));
        Instant failedAt = clock.instant();

        OutboxWorker.Report first = worker.runOnce();

        assertThat(first.failed()).isEqualTo(1);
        assertThat(office.attempts).containsExactly(a); // b waits behind a
        assertThat(worker.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(worker.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
        var head = queue.nextToSend(Instant.parse("9999-01-01T00:00:00Z"), 10).get(0);
        assertThat(head.requestId()).isEqualTo(a);
        assertThat(head.attempts()).isEqualTo(1);
        assertThat(head.nextAttemptAt()).isBetween(failedAt.plusMillis(500), failedAt.plusMillis(1000));

        worker.runOnce();

        assertThat(office.attempts).containsExactly(a, a, b);
        assertThat(queue.countsByOutboxState().get(OutboxState.DELIVERED)).isEqualTo(2);
        assertThat(worker.status().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void theThreadWaitsOutTheBackoffKeptInTheStore() throws Exception {
        UUID a = file();
        queue.markAttemptFailed(a, "HTTP 503", clock.instant().plusSeconds(3600));

        worker.start();
        worker.wake();
        Thread.sleep(300);

        assertThat(office.attempts).isEmpty();
        clock.advance(Duration.ofHours(2));
        worker.wake();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (queue.countsByOutboxState().get(OutboxState.DELIVERED) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(office.attempts).containsExactly(a);
    }

    @Test
    void aRefusedRequestIsParkedWithItsReasonAndTheOthersGoOn() {
        UUID a = file();
        UUID b = file();
        office.scripted.add(new SubmitOutcome.Refused(404, "HTTP 404: code 404: service_code not found"));

        worker.runOnce();

        assertThat(queue.parked()).singleElement().satisfies(p -> {
            assertThat(p.requestId()).isEqualTo(a);
            assertThat(p.reason()).contains("service_code not found");
        });
        assertThat(queue.find(b).orElseThrow().outboxState()).isEqualTo(OutboxState.DELIVERED);
        assertThat(worker.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(worker.status().detail()).isEqualTo(StatusDetail.REQUESTS_PARKED);
        assertThat(worker.status().message()).contains("1 refused");

        worker.runOnce();
        assertThat(office.attempts).containsExactly(a, b); // not retried
    }

    @Test
    void a403StopsTheWorkerAndIsAConfigurationError() {
        UUID a = file();
        file();
        office.scripted.add(new SubmitOutcome.Misconfigured(403, "HTTP 403: code 403: api_key not valid"));

        OutboxWorker.Report r = worker.runOnce();

        assertThat(r.stopped()).isTrue();
        assertThat(worker.isStopped()).isTrue();
        assertThat(worker.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(worker.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(worker.status().message()).contains("api_key");
        assertThat(office.attempts).containsExactly(a);
        assertThat(office.heartbeats).isEmpty();
        worker.runOnce();
        assertThat(office.attempts).containsExactly(a);
        assertThat(r.stillPending()).isEqualTo(2);
    }

    @Test
    void aLostAnswerIsSentAgainAndFiledOnce() {
        UUID a = file();
        // The back office filed it, but the answer never arrived.
        office.filed.put(a, "555");
        office.scripted.add(new SubmitOutcome.Retry("IOException: connection reset", null));

        worker.runOnce();
        worker.runOnce();

        assertThat(office.attempts).containsExactly(a, a);
        assertThat(office.filed).hasSize(1);
        assertThat(queue.find(a).orElseThrow().serviceRequestId()).isEqualTo("555");
    }

    @Test
    void statusesAreRefreshedInBatchesIntoTheHistory() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < OutboxWorker.STATUS_BATCH + 5; i++) {
            ids.add(file());
        }
        worker.runOnce();
        String first = office.filed.get(ids.get(0));
        String last = office.filed.get(ids.get(ids.size() - 1));
        Instant staffAt = Instant.parse("2025-03-15T02:00:00Z");
        office.statuses.put(first, new RemoteStatus(first, RequestStatus.NEEDS_DOCUMENTS, false, "请补交户口本", staffAt));
        office.statuses.put(last, new RemoteStatus(last, null, true, "办结", null));
        office.statusQueries.clear();

        OutboxWorker.Report r = worker.runOnce();

        assertThat(r.statusesChanged()).isEqualTo(2);
        assertThat(office.statusQueries).hasSize(2);
        assertThat(office.statusQueries.get(0)).hasSize(OutboxWorker.STATUS_BATCH);
        assertThat(office.statusQueries.get(1)).hasSize(5);
        StoredRequest s = queue.find(ids.get(0)).orElseThrow();
        assertThat(s.status()).isEqualTo(RequestStatus.NEEDS_DOCUMENTS);
        assertThat(s.history().get(s.history().size() - 1).note()).isEqualTo("请补交户口本");
        assertThat(s.history().get(s.history().size() - 1).at()).isEqualTo(staffAt);
        assertThat(queue.find(ids.get(ids.size() - 1)).orElseThrow().status()).isEqualTo(RequestStatus.COMPLETED);

        office.statusQueries.clear();
        worker.runOnce();
        // The completed one is final: it is not asked for again.
        assertThat(office.statusQueries.stream().flatMap(List::stream)).doesNotContain(last).contains(first);
    }

    @Test
    void tokensAreResolvedAndThenRefreshedLikeAnyRequest() {
        office.answerTokens = true;
        UUID a = file();
        worker.runOnce();
        String token = "tok-" + office.filed.get(a);
        assertThat(queue.unresolvedTokens(10)).singleElement().satisfies(t -> assertThat(t.token()).isEqualTo(token));

        office.tokens.put(token, "777");
        office.statuses.put("777", new RemoteStatus("777", RequestStatus.IN_PROGRESS, false, null, null));
        OutboxWorker.Report r = worker.runOnce();

        assertThat(r.tokensResolved()).isEqualTo(1);
        assertThat(queue.find(a).orElseThrow().serviceRequestId()).isEqualTo("777");
        assertThat(queue.find(a).orElseThrow().status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void theHeartbeatTellsDevicesAndQueueDepthButNothingPersonal() {
        UUID a = file();
        file();
        office.scripted.add(new SubmitOutcome.Retry("HTTP 503", null));

        worker.runOnce();

        Heartbeat h = office.heartbeats.get(0);
        assertThat(h.kioskId()).isEqualTo("sim-kiosk-01");
        assertThat(h.appVersion()).isEqualTo("0.1.0");
        assertThat(h.pending()).isEqualTo(2);
        assertThat(h.needsAttention()).isZero();
        assertThat(h.oldestPendingFiledAt()).isEqualTo(queue.find(a).orElseThrow().filedAt());
        assertThat(h.devices()).containsKeys("printer", "backoffice");
        assertThat(h.toString()).doesNotContain("13800138000");
    }

    @Test
    void aServerWithoutFleetViewGetsNoMoreHeartbeats() {
        office.failHeartbeat = new BackOfficeException(BackOfficeException.Kind.NOT_OFFERED, "404");
        worker.runOnce();
        office.failHeartbeat = null;
        worker.runOnce();
        assertThat(office.heartbeats).isEmpty();
        assertThat(worker.isStopped()).isFalse();
    }

    @Test
    void aForbiddenStatusQueryAlsoStopsTheWorker() {
        file();
        worker.runOnce();
        office.failReads = new BackOfficeException(BackOfficeException.Kind.MISCONFIGURED, "HTTP 403 on requests");
        worker.runOnce();
        assertThat(worker.isStopped()).isTrue();
        assertThat(worker.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
    }

    @Test
    void erasureIsNotASyncDutyTheRetentionEraserDoesIt() {
        // One eraser (privacy/RetentionEraser), on a kiosk with or without a back office.
        UUID a = file();
        worker.runOnce();
        clock.advance(Duration.ofDays(31));
        worker.runOnce();
        assertThat(queue.find(a).orElseThrow().personalDataKept()).isTrue();
        assertThat(queue.find(a).orElseThrow().status()).isEqualTo(RequestStatus.RECEIVED);
    }

    @Test
    void theCatalogueIsFetchedIntoTheCacheAndABrokenOneIsNotCached() {
        var list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        Map<String, JsonNode> defs = new LinkedHashMap<>();
        CATALOG.services().forEach(s -> {
            list.add(Open311Catalog.serviceListEntry(s, "realtime"));
            defs.put(s.code(), Open311Catalog.serviceDefinition(s));
        });
        office.catalog = new BackOffice.RemoteCatalog(list, defs);

        worker.runOnce();

        String cached = cache.load().orElseThrow().catalogJson();
        assertThat(new CatalogLoader().parse(cached, "cache").services()).isEqualTo(CATALOG.services());

        // Every service in a group this kiosk has no window for: nothing usable; the cache keeps the last good one.
        var broken = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        broken.addObject().put("service_code", "x").put("service_name", "x").put("group", "nowhere");
        office.catalog = new BackOffice.RemoteCatalog(broken, Map.of());
        worker.runOnce();
        assertThat(cache.load().orElseThrow().catalogJson()).isEqualTo(cached);
    }
}
