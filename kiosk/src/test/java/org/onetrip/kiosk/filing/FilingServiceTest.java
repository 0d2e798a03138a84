package org.onetrip.kiosk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.FieldError;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.FilingException.Reason;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.proxy.AgentsFile;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.MutableClock;

/** The filing service over the real store and the bundled catalogue. */
class FilingServiceTest {
    private static final String URL_BASE = "http://127.0.0.1:8311/status/";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:30 in Fuding. */
    private static final Instant MORNING = Instant.parse("2025-03-14T01:30:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MORNING, SHANGHAI);
    private final ServiceCatalog catalog = new CatalogLoader().loadBundled();
    private final ReceiptTokens tokens = new ReceiptTokens(new byte[32]);
    private SqliteRequestQueue queue;
    private FilingService filing;

    @BeforeEach
    void open() {
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), clock);
        filing = new FilingService(catalog, queue, tokens, new FilingService.CentreInfo("sim-kiosk-01",
                LocalizedText.of("桐城街道党群服务中心", "Tongcheng Centre"), LocalizedText.of("工作日", "Weekdays"),
                "0593-7800000", URL_BASE), clock, AgentsFile.loadResource("/profiles/simulator-agents.csv"));
    }

    @AfterEach
    void close() {
        queue.close();
    }

    // ---- forms that pass

    private static Map<String, String> hazard() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("category", "road_traffic");
        v.put("location", "资国寺路与太姥大道路口");
        v.put("description", "红绿灯不亮");
        v.put("since", "today");
        v.put("danger", "no");
        return v;
    }

    private static Map<String, String> residenceCertificate() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("purpose", "school");
        v.put("address", "福建省福鼎市桐城街道资国寺路88号");
        v.put("since", "2020-09-01");
        v.put("housing", "owned");
        v.put("copies", "2");
        v.put("phone", "13800138000");
        return v;
    }

    private static Map<String, String> houseRebuild() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reason", "dilapidated");
        v.put("old_structure", "earth_wood");
        v.put("old_area", "80");
        v.put("new_area", "120");
        v.put("floors", "3");
        v.put("household_size", "5");
        v.put("land_certificate", "land");
        v.put("site_location", "柯岭村三组12号旁");
        v.put("phone", "13905931234");
        return v;
    }

    private static Map<String, String> partyApplication() {
        return Map.of("political_status", "masses", "occupation", "farmer", "contact_time", "weekend",
                "phone", "13800138000");
    }

    private Filing file(String service, Map<String, String> values, Identity resident, Identity agent) {
        return filing.file(new Submission(service, values, resident, agent), Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    }

    private OutboxEntry outboxEntryOf(Filing f) {
        return queue.nextToSend(clock.instant().plus(Duration.ofDays(1)), 100).stream()
                .filter(e -> e.requestId().equals(f.filed().requestId())).findFirst().orElseThrow();
    }

    private FilingException refused(String service, Map<String, String> values, Identity resident, Identity agent) {
        FilingException e = catchThrowableOfType(FilingException.class, () -> file(service, values, resident, agent));
        assertThat(e).as("filing %s should be refused", service).isNotNull();
        assertNothingStored();
        return e;
    }

    @Test
    void datesAreJudgedOnTheKiosksClockNotTheSystemClock() {
        // The kiosk's today is 2025-03-14: a marriage date after it is in the future, whatever
        // the machine's own clock says.
        FilingException e = refused("birth-registration", Map.of("marriage_date", "2025-06-01"),
                FictionalCards.LAI_JIAJIA, null);
        assertThat(e.fieldErrors()).anySatisfy(f -> {
            assertThat(f.attributeCode()).isEqualTo("marriage_date");
            assertThat(f.kind()).isEqualTo(org.onetrip.kiosk.catalog.FieldError.Kind.DATE_TOO_LATE);
        });
    }

    private void assertNothingStored() {
        assertThat(queue.countsByStatus().values()).as("requests by status").containsOnly(0L);
        assertThat(queue.countsByOutboxState().values()).as("requests by outbox state").containsOnly(0L);
    }

    // ---- filing

    @Test
    void anAnonymousReportIsFiledAndGetsTicketStatusUrlAndReceipt() {
        Filing f = file("hazard-report", hazard(), null, null);

        assertThat(f.ticket()).isEqualTo("C-001");
        assertThat(f.service().code()).isEqualTo("hazard-report");
        assertThat(f.window().code()).isEqualTo("opinion");
        assertThat(tokens.verify(f.filed().receiptToken())).isTrue();
        assertThat(f.statusUrl()).isEqualTo(URL_BASE + f.filed().receiptToken());
        assertThat(tokens.tokenFrom(f.statusUrl(), URL_BASE)).contains(f.filed().receiptToken());

        assertThat(f.receipt().ticket()).isEqualTo("C-001");
        assertThat(f.receipt().statusUrl()).isEqualTo(f.statusUrl());
        assertThat(f.receipt().maskedName()).isEmpty();
        assertThat(f.receipt().kioskId()).isEqualTo("sim-kiosk-01");
        assertThat(f.receipt().centrePhone()).isEqualTo("0593-7800000");
        assertThat(f.receipt().serviceName()).isEqualTo(f.service().name());
        assertThat(f.receipt().windowName()).isEqualTo(f.window().name());
        assertThat(f.receipt().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(f.receipt().secondLocale()).isEqualTo(Locale.ENGLISH);

        StoredRequest stored = queue.find(f.filed().requestId()).orElseThrow();
        assertThat(stored.ticket()).isEqualTo("C-001");
        assertThat(stored.serviceCode()).isEqualTo("hazard-report");
        assertThat(stored.windowCode()).isEqualTo("opinion");
        assertThat(stored.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(stored.outboxState()).isEqualTo(OutboxState.PENDING);
        assertThat(stored.attributes()).isEqualTo(hazard());
        assertThat(queue.findByToken(f.filed().receiptToken())).contains(stored);
    }

    @Test
    void aResidentsRequestCarriesOnlyTheMaskedNameOnTheReceipt() {
        Identity lai = FictionalCards.LAI_JIAJIA;

        Filing f = file("residence-certificate", residenceCertificate(), lai, null);

        assertThat(f.ticket()).isEqualTo("D-001");
        assertThat(f.receipt().maskedName()).isEqualTo("赖**");
        assertThat(f.receipt().documents()).isEqualTo(f.service().documents()).isNotEmpty();
        assertThat(f.receipt().toString()).doesNotContain(lai.name()).doesNotContain(lai.idNumber())
                .doesNotContain("13800138000");
        assertThat(queue.find(f.filed().requestId()).orElseThrow().maskedName()).isEqualTo("赖**");
        assertThat(outboxEntryOf(f).resident()).isEqualTo(lai);
        assertThat(outboxEntryOf(f).agent()).isNull();
    }

    @Test
    void personalAttributesAreKeptApartFromTheOthers() {
        Filing f = file("residence-certificate", residenceCertificate(), FictionalCards.LAI_JIAJIA, null);

        Map<String, String> expectedPlain = new LinkedHashMap<>(residenceCertificate());
        expectedPlain.remove("phone");
        expectedPlain.remove("address");
        OutboxEntry e = outboxEntryOf(f);
        assertThat(e.personalAttributes()).isEqualTo(Map.of("phone", "13800138000", "address", "福建省福鼎市桐城街道资国寺路88号"));
        assertThat(e.attributes()).isEqualTo(expectedPlain);
        assertThat(queue.find(f.filed().requestId()).orElseThrow().attributes()).isEqualTo(expectedPlain)
                .doesNotContainKeys("phone", "address");
    }

    @Test
    void aPhoneLeftOnAnAnonymousReportIsPersonalToo() {
        Map<String, String> v = hazard();
        v.put("phone", "13800138000");

        Filing f = file("hazard-report", v, null, null);

        assertThat(outboxEntryOf(f).personalAttributes()).containsExactly(Map.entry("phone", "13800138000"));
        assertThat(outboxEntryOf(f).attributes()).doesNotContainKey("phone");
    }

    @Test
    void valuesAreStoredStrippedAndBlankOptionalFieldsAreLeftOut() {
        Map<String, String> v = hazard();
        v.put("location", "  资国寺路口 \n");
        v.put("phone", "   ");

        Filing f = file("hazard-report", v, null, null);

        assertThat(outboxEntryOf(f).attributes()).containsEntry("location", "资国寺路口").doesNotContainKey("phone");
        assertThat(outboxEntryOf(f).personalAttributes()).isEmpty();
    }

    @Test
    void aProxyRequestCarriesBothCardsAndShowsTheResidentsMaskedName() {
        Filing f = file("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.ZHAN_AGENT);

        assertThat(f.ticket()).isEqualTo("B-001");
        assertThat(f.receipt().maskedName()).isEqualTo("欧***");
        OutboxEntry e = outboxEntryOf(f);
        assertThat(e.resident()).isEqualTo(FictionalCards.OUYANG_ELDER);
        assertThat(e.agent()).isEqualTo(FictionalCards.ZHAN_AGENT);
        assertThat(e.personalAttributes()).containsOnlyKeys("site_location", "phone");
    }

    @Test
    void aProxyFilingNamesTheAgentsRegistrationAndVillageButNotTheNumber() {
        Filing f = file("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.ZHAN_AGENT);

        OutboxEntry e = outboxEntryOf(f);
        assertThat(e.attributes()).containsEntry("agent_registration", "KL-01").containsEntry("agent_village", "柯岭村");
        assertThat(e.attributes().values()).noneMatch(v -> v.contains(FictionalCards.ZHAN_AGENT.idNumber()));
        assertThat(f.receipt().agent().maskedName()).isEqualTo("詹**");
        assertThat(f.receipt().agent().village()).isEqualTo(LocalizedText.of("柯岭村", "Keling Village"));
        String body = org.onetrip.kiosk.sync.Open311Form.body(e, catalog, "key");
        assertThat(body).contains("attribute%5Bagent_registration%5D=KL-01",
                "attribute%5Bagent_village%5D=" + java.net.URLEncoder.encode("柯岭村", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(org.onetrip.kiosk.sync.Open311Form.KIOSK_ATTRIBUTES).contains("agent_registration", "agent_village");
    }

    @Test
    void aResidentsCardIsNotAcceptedAsTheAgentsAndNothingIsStored() {
        FilingException e = refused("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.LAI_JIAJIA);
        assertThat(e.reason()).isEqualTo(Reason.AGENT_NOT_REGISTERED);
        assertThat(e.getMessage()).contains("not registered").doesNotContain(FictionalCards.LAI_JIAJIA.idNumber(), "赖佳佳");
        assertNothingStored();
    }

    @Test
    void anAgentWhoseRegistrationEndedCannotFile() {
        assertThat(file("house-rebuild", houseRebuild(), FictionalCards.LAI_JIAJIA, FictionalCards.OUYANG_ELDER).ticket())
                .isEqualTo("B-001");
        clock.advance(Duration.between(MORNING, Instant.parse("2025-06-30T16:00:00Z"))); // 1 July, 00:00 in Fuding
        FilingException e = catchThrowableOfType(FilingException.class,
                () -> file("house-rebuild", houseRebuild(), FictionalCards.LAI_JIAJIA, FictionalCards.OUYANG_ELDER));
        assertThat(e.reason()).isEqualTo(Reason.AGENT_NOT_REGISTERED);
        assertThat(e.getMessage()).contains("registration has ended");
    }

    @Test
    void aKioskWithoutRegisteredAgentsRefusesEveryProxyFiling() {
        FilingService none = new FilingService(catalog, queue, tokens, new FilingService.CentreInfo("sim-kiosk-01",
                LocalizedText.of("中心", "Centre"), LocalizedText.of("工作日", "Weekdays"), "", URL_BASE), clock);
        FilingException e = catchThrowableOfType(FilingException.class, () -> none.file(new Submission("house-rebuild",
                houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.ZHAN_AGENT), Locale.SIMPLIFIED_CHINESE, null));
        assertThat(e.reason()).isEqualTo(Reason.AGENT_NOT_REGISTERED);
        assertThat(e.getMessage()).contains("proxy.agents-file");
        assertNothingStored();
    }

    @Test
    void aServiceWithoutIdentityDropsAnyCardGiven() {
        Filing f = file("hazard-report", hazard(), FictionalCards.LAI_JIAJIA, FictionalCards.ZHAN_AGENT);

        assertThat(f.receipt().maskedName()).isEmpty();
        assertThat(queue.find(f.filed().requestId()).orElseThrow().maskedName()).isEmpty();
        OutboxEntry e = outboxEntryOf(f);
        assertThat(e.resident()).isNull();
        assertThat(e.agent()).isNull();
        assertThat(queue.find(f.filed().requestId()).orElseThrow().personalDataKept()).isFalse();
    }

    @Test
    void anAnonymousServiceTakesEvenAnExpiredCardAndDropsIt() {
        Filing f = file("hazard-report", hazard(), FictionalCards.EXPIRED, null);
        assertThat(outboxEntryOf(f).resident()).isNull();
    }

    @Test
    void aResidentServiceDropsAnAgentCard() {
        Filing f = file("residence-certificate", residenceCertificate(), FictionalCards.LAI_JIAJIA,
                FictionalCards.ZHAN_AGENT);
        assertThat(outboxEntryOf(f).agent()).isNull();
    }

    @Test
    void theTicketLetterIsTheWindowsLetter() {
        List<Filing> filings = List.of(
                file("party-application", partyApplication(), FictionalCards.LAI_JIAJIA, null),
                file("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.ZHAN_AGENT),
                file("hazard-report", hazard(), null, null),
                file("residence-certificate", residenceCertificate(), FictionalCards.LAI_JIAJIA, null));

        for (Filing f : filings) {
            char letter = catalog.window(f.service().windowCode()).orElseThrow().letter();
            assertThat(f.ticket()).isEqualTo(letter + "-001");
        }
        assertThat(filings).extracting(Filing::ticket).containsExactly("A-001", "B-001", "C-001", "D-001");
    }

    @Test
    void eachWindowCountsItsOwnTickets() {
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-001");
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-002");
        assertThat(file("residence-certificate", residenceCertificate(), FictionalCards.LAI_JIAJIA, null).ticket())
                .isEqualTo("D-001");
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-003");
    }

    @Test
    void filedAtComesFromTheClock() {
        Filing f = file("hazard-report", hazard(), null, null);

        assertThat(f.filed().filedAt()).isEqualTo(MORNING);
        assertThat(f.receipt().filedAt()).isEqualTo(ZonedDateTime.of(2025, 3, 14, 9, 30, 0, 0, SHANGHAI));
        assertThat(queue.find(f.filed().requestId()).orElseThrow().filedAt()).isEqualTo(MORNING);
    }

    @Test
    void theTicketSequenceRestartsOnTheNextDay() {
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-001");
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-002");

        clock.advance(Duration.ofDays(1));

        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-001");
        assertThat(queue.countsByStatus()).containsEntry(RequestStatus.QUEUED, 3L);
    }

    @Test
    void theDayTurnsAtMidnightKioskTimeNotUtc() {
        // 23:30 in Fuding on the 14th, then 00:30 on the 15th, which is still the 14th in UTC.
        clock.advance(Duration.between(MORNING, Instant.parse("2025-03-14T15:30:00Z")));
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-001");
        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-002");

        clock.advance(Duration.ofHours(1));

        assertThat(file("hazard-report", hazard(), null, null).ticket()).isEqualTo("C-001");
    }

    // ---- refusals: nothing is stored

    @Test
    void anUnknownServiceIsRefused() {
        FilingException e = refused("no-such-service", hazard(), null, null);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SERVICE);
        assertThat(e.getMessage()).contains("no-such-service");
    }

    @Test
    void invalidFieldsAreRefusedWithEachFieldNamed() {
        Map<String, String> v = hazard();
        v.put("category", "aliens");
        v.remove("location");
        v.put("phone", "12345");

        FilingException e = refused("hazard-report", v, null, null);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELDS);
        assertThat(e.fieldErrors()).extracting(FieldError::attributeCode, FieldError::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("category", FieldError.Kind.NOT_A_CHOICE),
                org.assertj.core.groups.Tuple.tuple("location", FieldError.Kind.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("phone", FieldError.Kind.NOT_A_PHONE));
        assertThat(e.getMessage()).contains("category").contains("location").contains("phone");
    }

    @Test
    void aFieldTheServiceDoesNotHaveIsRefused() {
        Map<String, String> v = hazard();
        v.put("id_number", FictionalCards.LAI_JIAJIA.idNumber());

        FilingException e = refused("hazard-report", v, null, null);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELDS);
        assertThat(e.fieldErrors()).containsExactly(FieldError.of("id_number", FieldError.Kind.UNKNOWN_FIELD));
    }

    @Test
    void aResidentServiceWithoutACardIsRefused() {
        FilingException e = refused("residence-certificate", residenceCertificate(), null, null);
        assertThat(e.reason()).isEqualTo(Reason.IDENTITY_MISSING);
        assertThat(e.getMessage()).contains("resident");
    }

    @Test
    void aProxyServiceNeedsBothCards() {
        assertThat(refused("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, null).reason())
                .isEqualTo(Reason.IDENTITY_MISSING);
        assertThat(refused("house-rebuild", houseRebuild(), null, FictionalCards.ZHAN_AGENT).reason())
                .isEqualTo(Reason.IDENTITY_MISSING);
    }

    @Test
    void anExpiredCardIsRefused() {
        FilingException e = refused("residence-certificate", residenceCertificate(), FictionalCards.EXPIRED, null);
        assertThat(e.reason()).isEqualTo(Reason.CARD_REFUSED);
        assertThat(e.getMessage()).contains("EXPIRED").doesNotContain(FictionalCards.EXPIRED.name());
    }

    @Test
    void aCardWithABadNumberIsRefused() {
        FilingException e = refused("residence-certificate", residenceCertificate(), FictionalCards.BAD_NUMBER, null);
        assertThat(e.reason()).isEqualTo(Reason.CARD_REFUSED);
        assertThat(e.getMessage()).contains("BAD_ID_NUMBER").doesNotContain(FictionalCards.BAD_NUMBER.idNumber());
    }

    @Test
    void anExpiredAgentCardIsRefused() {
        FilingException e = refused("house-rebuild", houseRebuild(), FictionalCards.OUYANG_ELDER, FictionalCards.EXPIRED);
        assertThat(e.reason()).isEqualTo(Reason.CARD_REFUSED);
        assertThat(e.getMessage()).contains("agent");
    }

    @Test
    void aCardValidUntilTodayIsAcceptedAndRefusedTomorrow() {
        Identity endsToday = new Identity(FictionalCards.LAI_JIAJIA.cardType(), "赖佳佳", FictionalCards.LAI_JIAJIA.sex(),
                "汉", FictionalCards.LAI_JIAJIA.birthDate(), "", FictionalCards.LAI_JIAJIA.idNumber(), "福鼎市公安局",
                java.time.LocalDate.of(2005, 3, 14), java.time.LocalDate.of(2025, 3, 14), "", "");
        // 23:59 in Fuding on the last valid day (15:59 UTC): still today.
        clock.advance(Duration.between(MORNING, Instant.parse("2025-03-14T15:59:00Z")));
        assertThat(file("residence-certificate", residenceCertificate(), endsToday, null).ticket()).isEqualTo("D-001");

        clock.advance(Duration.ofMinutes(2));
        assertThat(catchThrowableOfType(FilingException.class,
                () -> file("residence-certificate", residenceCertificate(), endsToday, null)).reason())
                .isEqualTo(Reason.CARD_REFUSED);
    }

    @Test
    void theSamePersonCannotBeBothAgentAndResident() {
        FilingException e = refused("house-rebuild", houseRebuild(), FictionalCards.ZHAN_AGENT, FictionalCards.ZHAN_AGENT);
        assertThat(e.reason()).isEqualTo(Reason.IDENTITY_MISSING);
        assertThat(e.getMessage()).contains("two different people");
    }

    @Test
    void identitiesAreCheckedBeforeTheForm() {
        FilingException e = refused("residence-certificate", Map.of(), null, null);
        assertThat(e.reason()).isEqualTo(Reason.IDENTITY_MISSING);
    }

    @Test
    void everyServiceInTheCatalogueRefusesAnEmptyFormWithoutStoringIt() {
        for (ServiceDefinition s : catalog.services()) {
            FilingException e = catchThrowableOfType(FilingException.class,
                    () -> file(s.code(), Map.of(), FictionalCards.OUYANG_ELDER, FictionalCards.ZHAN_AGENT));
            assertThat(e).as(s.code()).isNotNull();
            assertThat(e.reason()).as(s.code()).isEqualTo(Reason.INVALID_FIELDS);
        }
        assertNothingStored();
    }

    @Test
    void aStoreThatFailsIsReportedAsSuch() {
        queue.close();

        FilingException e = catchThrowableOfType(FilingException.class, () -> file("hazard-report", hazard(), null, null));

        assertThat(e.reason()).isEqualTo(Reason.STORE_FAILED);
        assertThat(e.getCause()).isNotNull();
    }
}
