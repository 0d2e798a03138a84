package org.onetrip.kiosk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.LogCapture;
import org.onetrip.kiosk.testing.MutableClock;

/** Status look-ups over the real store, tokens and bundled catalogue. */
class StatusLookupTest {
    private static final String BASE = "http://127.0.0.1:8311/status/";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-27T01:30:00Z"); // 09:30 in Fuding
    private final ServiceCatalog catalog = new CatalogLoader().loadBundled();
    private ReceiptTokens tokens;
    private SqliteRequestQueue queue;
    private FilingService filing;
    private Optional<Instant> lastSync = Optional.empty();

    @BeforeEach
    void open() {
        tokens = ReceiptTokens.forInstallation(dir, () -> 0L);
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), clock);
        filing = new FilingService(catalog, queue, tokens, new FilingService.CentreInfo("sim-kiosk-01",
                LocalizedText.of("中心", "Centre"), LocalizedText.of("", ""), "", BASE), clock);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private StatusLookup lookup(StatusLookup.Limits limits) {
        return new StatusLookup(tokens, queue, catalog, BASE, () -> lastSync, clock, limits);
    }

    private Filing residenceCertificate() {
        return filing.file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "福建省福鼎市桐城街道资国寺路88号", "since", "2020-09-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), java.util.Locale.SIMPLIFIED_CHINESE, null);
    }

    private static StatusReport found(StatusAnswer a) {
        assertThat(a).isInstanceOf(StatusAnswer.Found.class);
        return ((StatusAnswer.Found) a).report();
    }

    @Test
    void theReceiptUrlGivesWhereTheRequestStands() {
        Filing f = residenceCertificate();

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.requestId()).isEqualTo(f.filed().requestId());
        assertThat(r.ticket()).isEqualTo("D-001");
        assertThat(r.serviceCode()).isEqualTo("residence-certificate");
        assertThat(r.serviceName()).isEqualTo(f.service().name());
        assertThat(r.windowCode()).isEqualTo("livelihood");
        assertThat(r.windowName().zh()).isEqualTo("民生保障");
        assertThat(r.filedAt()).isEqualTo(clock.instant());
        assertThat(r.maskedName()).isEqualTo("赖**");
        assertThat(r.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(r.history()).containsExactly(new StatusReport.Step(clock.instant(), RequestStatus.QUEUED));
        assertThat(r.usualDocuments()).as("nothing to bring while it waits").isEmpty();
        assertThat(r.officeNote()).isNull();
        // No back office: the kiosk's own record, as of the filing.
        assertThat(r.live()).isFalse();
        assertThat(r.lastUpdated()).isEqualTo(clock.instant());
    }

    @Test
    void aBareTokenAndTheScannersLineEndWorkToo() {
        Filing f = residenceCertificate();
        StatusLookup l = lookup(StatusLookup.Limits.KIOSK);

        assertThat(found(l.lookUp(f.filed().receiptToken(), 1)).ticket()).isEqualTo("D-001");
        assertThat(found(l.lookUp(f.statusUrl() + "\r\n", 1)).ticket()).isEqualTo("D-001");
    }

    /** The note staff send with each state in these tests; the kiosk's own QUEUED has none. */
    private static String staffNote(RequestStatus status) {
        return switch (status) {
            case NEEDS_DOCUMENTS -> "请补交户口簿原件";
            case COMPLETED -> "证明已开好，请到民生保障窗口领取";
            case REJECTED -> "房屋不在本街道辖区";
            default -> null;
        };
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void everyStatusWithItsHistoryAndWhatToBring(RequestStatus status) {
        Filing f = residenceCertificate();
        Instant filed = clock.instant();
        clock.advance(Duration.ofHours(20));
        queue.markDelivered(f.filed().requestId(), "SR-1", clock.instant());
        clock.advance(Duration.ofHours(1));
        queue.recordStatus(f.filed().requestId(), status, staffNote(status), clock.instant());

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.history().get(0)).isEqualTo(new StatusReport.Step(filed, RequestStatus.QUEUED));
        assertThat(r.history()).extracting(StatusReport.Step::status).last().isEqualTo(status);
        assertThat(r.history()).extracting(StatusReport.Step::at).isSorted();
        // The service's usual list only while staff ask for more: before, it read "bring these now"
        // on a request that was only waiting, and it is no list of what to bring to collect a result.
        if (status == RequestStatus.NEEDS_DOCUMENTS) {
            assertThat(r.usualDocuments()).isEqualTo(f.service().documents()).isNotEmpty();
        } else {
            assertThat(r.usualDocuments()).as("the usual documents while " + status).isEmpty();
        }
        // What staff wrote with the state the request is in: what to bring, where to collect, why not.
        assertThat(r.officeNote()).isEqualTo(staffNote(status));
        assertThat(r.lastUpdated()).isEqualTo(r.history().get(r.history().size() - 1).at());
        assertThat(r.live()).isFalse();
    }

    @Test
    void theNoteOfAnEarlierStateIsNotShownOnceTheRequestMovesOn() {
        Filing f = residenceCertificate();
        queue.markDelivered(f.filed().requestId(), "SR-1", clock.instant());
        clock.advance(Duration.ofHours(1));
        queue.recordStatus(f.filed().requestId(), RequestStatus.NEEDS_DOCUMENTS, "请补交户口簿原件", clock.instant());
        clock.advance(Duration.ofHours(1));
        queue.recordStatus(f.filed().requestId(), RequestStatus.IN_PROGRESS, null, clock.instant());

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.officeNote()).isNull();
        assertThat(r.usualDocuments()).isEmpty();
    }

    @Test
    void aBlankNoteIsNoNote() {
        Filing f = residenceCertificate();
        queue.markDelivered(f.filed().requestId(), "SR-1", clock.instant());
        queue.recordStatus(f.filed().requestId(), RequestStatus.NEEDS_DOCUMENTS, "  \n ", clock.instant());

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.officeNote()).isNull();
        assertThat(r.usualDocuments()).isEqualTo(f.service().documents());
    }

    @Test
    void garbageForgedForeignAndUnfiledTokensGetTheSameAnswer() {
        Filing f = residenceCertificate();
        String t = f.filed().receiptToken();
        String forged = t.substring(0, 23) + (t.endsWith("A") ? "B" : "A");
        String foreign = ReceiptTokens.forInstallation(dir.resolve("other"), () -> 0L).next();
        String genuineButNeverFiled = tokens.next();
        StatusLookup l = lookup(StatusLookup.Limits.NONE);

        for (String scanned : new String[] {"hello", "", null, BASE + forged, BASE + foreign, BASE + genuineButNeverFiled,
                "https://evil.example/status/" + t, BASE + t.substring(0, 20)}) {
            assertThat(l.lookUp(scanned, 1)).as(String.valueOf(scanned)).isEqualTo(new StatusAnswer.NotRecognised());
        }
        assertThat(l.lookUp(f.statusUrl(), 1)).isInstanceOf(StatusAnswer.Found.class);
    }

    @Test
    void threeUnrecognisedCodesInAVisitStopLookUpsForAMinuteForEveryone() {
        Filing f = residenceCertificate();
        StatusLookup l = lookup(StatusLookup.Limits.KIOSK);

        assertThat(l.lookUp(f.statusUrl(), 1)).isInstanceOf(StatusAnswer.Found.class);
        for (int i = 0; i < 3; i++) {
            assertThat(l.lookUp(BASE + tokens.next(), 1)).isEqualTo(new StatusAnswer.NotRecognised());
        }
        // Even a genuine receipt is not checked now: the answer must not depend on the code.
        assertThat(l.lookUp(f.statusUrl(), 1)).isEqualTo(new StatusAnswer.TooManyTries(clock.instant().plusSeconds(60)));
        // Going home and coming back does not reset it...
        clock.advance(Duration.ofSeconds(59));
        assertThat(l.lookUp(f.statusUrl(), 2)).isInstanceOf(StatusAnswer.TooManyTries.class);
        // ...the minute does, for the next visit.
        clock.advance(Duration.ofSeconds(1));
        assertThat(l.lookUp(f.statusUrl(), 2)).isInstanceOf(StatusAnswer.Found.class);
        assertThat(l.lookUp(f.statusUrl(), 1)).isInstanceOf(StatusAnswer.Found.class);
    }

    @Test
    void aVisitMayLookUpTenTimesInAll() {
        Filing f = residenceCertificate();
        StatusLookup l = lookup(StatusLookup.Limits.KIOSK);

        for (int i = 0; i < 10; i++) {
            assertThat(l.lookUp(f.statusUrl(), 7)).isInstanceOf(StatusAnswer.Found.class);
        }
        assertThat(l.lookUp(f.statusUrl(), 7)).isInstanceOf(StatusAnswer.TooManyTries.class);
        assertThat(l.lookUp(f.statusUrl(), 8)).isInstanceOf(StatusAnswer.Found.class);
    }

    @Test
    void aRecentContactWithTheBackOfficeMakesTheStatusCurrent() {
        Filing f = residenceCertificate();
        clock.advance(Duration.ofHours(3));
        lastSync = Optional.of(clock.instant().minus(Duration.ofMinutes(5)));

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.live()).isTrue();
        assertThat(r.lastUpdated()).isEqualTo(lastSync.get());
    }

    @Test
    void anOldContactShowsTheLastKnownStatusAsOfThatContact() {
        Filing f = residenceCertificate();
        clock.advance(Duration.ofHours(2));
        Instant contact = clock.instant();
        lastSync = Optional.of(contact);
        clock.advance(StatusFreshness.DEFAULT_FRESH_FOR.plusSeconds(1));

        StatusReport r = found(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1));

        assertThat(r.live()).isFalse();
        assertThat(r.lastUpdated()).isEqualTo(contact);
    }

    @Test
    void aStoreThatCannotBeReadIsUnavailableNotUnknown() {
        Filing f = residenceCertificate();
        queue.close();

        assertThat(lookup(StatusLookup.Limits.KIOSK).lookUp(f.statusUrl(), 1)).isEqualTo(new StatusAnswer.Unavailable());
    }

    @Test
    void theLogNeverHoldsTheTokenOrTheResidentsName() {
        Filing f = residenceCertificate();
        String t = f.filed().receiptToken();
        String tag = t.substring(ReceiptTokens.KEY_BYTES * 4 / 3);
        try (LogCapture log = new LogCapture()) {
            StatusLookup l = lookup(StatusLookup.Limits.KIOSK);
            l.lookUp(f.statusUrl(), 1);
            l.lookUp(BASE + t.substring(0, 23) + "x", 1);
            l.lookUp(t + "junk", 1);
            l.lookUp(BASE + t, 1);
            l.lookUp(BASE + t, 1);

            assertThat(log.lines()).isNotEmpty().anyMatch(s -> s.contains(f.filed().requestId().toString()));
            assertThat(log.lines()).noneMatch(s -> s.contains(tag) || s.contains(t.substring(0, 12))
                    || s.contains("赖佳佳") || s.contains(FictionalCards.LAI_JIAJIA.idNumber()));
        }
    }
}
