package org.onetrip.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onetrip.kiosk.store.TestRequests.DAY;
import static org.onetrip.kiosk.store.TestRequests.T0;
import static org.onetrip.kiosk.store.TestRequests.request;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;
import org.onetrip.kiosk.request.FiledRequest;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;
import org.slf4j.LoggerFactory;

/** Filing, tickets and reading back. */
class SqliteRequestQueueTest {
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

    @Test
    void aFiledRequestWithResidentAndAgentComesBackWhole() {
        NewRequest r = request()
                .resident(FictionalCards.OUYANG_ELDER)
                .agent(FictionalCards.ZHAN_AGENT)
                .attributes(Map.of("household_size", "2", "reason", "独居老人"))
                .personal(Map.of("phone", "13905931234"))
                .build();

        FiledRequest filed = queue.file(r);

        assertThat(filed).isEqualTo(new FiledRequest(r.requestId(), "D-001", r.receiptToken(), T0));
        StoredRequest stored = queue.find(r.requestId()).orElseThrow();
        assertThat(stored).isEqualTo(new StoredRequest(r.requestId(), "D-001", "civil.low-income", "civil", T0,
                r.receiptToken(), RequestStatus.QUEUED, "欧***", Map.of("household_size", "2", "reason", "独居老人"),
                List.of(new StatusChange(T0, RequestStatus.QUEUED, null, "kiosk")), OutboxState.PENDING, null, true));
        assertThat(queue.findByToken(r.receiptToken())).contains(stored);

        assertThat(queue.nextToSend(T0, 10)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(r.requestId());
            assertThat(e.kioskId()).isEqualTo("sim-kiosk-01");
            assertThat(e.serviceCode()).isEqualTo("civil.low-income");
            assertThat(e.filedAt()).isEqualTo(T0);
            assertThat(e.receiptToken()).isEqualTo(r.receiptToken());
            assertThat(e.attributes()).isEqualTo(r.attributes());
            assertThat(e.personalAttributes()).isEqualTo(Map.of("phone", "13905931234"));
            assertThat(e.resident()).isEqualTo(FictionalCards.OUYANG_ELDER);
            assertThat(e.agent()).isEqualTo(FictionalCards.ZHAN_AGENT);
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(T0);
        });

        queue.close();
        queue = new SqliteRequestQueue(db);
        assertThat(queue.find(r.requestId())).contains(stored);
    }

    @Test
    void everyKindOfCardRoundTrips() {
        for (Identity card : FictionalCards.all()) {
            NewRequest r = request().resident(card).build();
            queue.file(r);
            OutboxEntry e = queue.nextToSend(T0, 100).stream()
                    .filter(x -> x.requestId().equals(r.requestId())).findFirst().orElseThrow();
            assertThat(e.resident()).as(card.toString()).isEqualTo(card);
            assertThat(e.agent()).isNull();
            assertThat(queue.find(r.requestId()).orElseThrow().maskedName()).isEqualTo(card.maskedName());
        }
    }

    @Test
    void aRequestWithNothingPersonalHasNoPersonalRow() throws SQLException {
        NewRequest r = request().build();
        queue.file(r);

        assertThat(TestRequests.column(db, "SELECT count(*) FROM request_personal")).containsExactly("0");
        StoredRequest stored = queue.find(r.requestId()).orElseThrow();
        assertThat(stored.maskedName()).isEmpty();
        assertThat(stored.personalDataKept()).isFalse();
        OutboxEntry e = queue.nextToSend(T0, 1).get(0);
        assertThat(e.resident()).isNull();
        assertThat(e.personalAttributes()).isEmpty();
    }

    @Test
    void theRequestsTableHoldsNothingPersonal() throws SQLException {
        Identity lai = FictionalCards.LAI_JIAJIA;
        queue.file(request().resident(lai).agent(FictionalCards.ZHAN_AGENT)
                .personal(Map.of("phone", "13905931234")).build());

        String everythingOutsidePersonal = String.join("\n", TestRequests.column(db, """
                SELECT request_id || kiosk_id || service_code || window_code || day || ticket || filed_at
                       || receipt_token || status || masked_name || attributes FROM requests
                UNION ALL SELECT request_id || at || status || source FROM request_status_history
                UNION ALL SELECT request_id || state FROM outbox"""));
        assertThat(everythingOutsidePersonal)
                .contains("赖**")
                .doesNotContain(lai.name(), lai.idNumber(), lai.address(), FictionalCards.ZHAN_AGENT.name(),
                        FictionalCards.ZHAN_AGENT.idNumber(), "13905931234");
    }

    @Test
    void ticketsCountPerDayAndPerWindowLetter() {
        LocalDate nextDay = DAY.plusDays(1);
        assertThat(queue.file(request().letter('D').build()).ticket()).isEqualTo("D-001");
        assertThat(queue.file(request().letter('D').build()).ticket()).isEqualTo("D-002");
        assertThat(queue.file(request().letter('A').build()).ticket()).isEqualTo("A-001");
        assertThat(queue.file(request().letter('D').day(nextDay).build()).ticket()).isEqualTo("D-001");
        assertThat(queue.file(request().letter('A').day(nextDay).build()).ticket()).isEqualTo("A-001");
        assertThat(queue.file(request().letter('D').build()).ticket()).isEqualTo("D-003");
        assertThat(queue.file(request().letter('D').day(nextDay).build()).ticket()).isEqualTo("D-002");
    }

    @Test
    void theThousandthTicketOfADayGrowsToFourDigits() throws SQLException {
        queue.file(request().build());
        queue.close();
        TestRequests.exec(db, "UPDATE ticket_sequence SET last = 998");
        queue = new SqliteRequestQueue(db);

        assertThat(queue.file(request().build()).ticket()).isEqualTo("D-999");
        assertThat(queue.file(request().build()).ticket()).isEqualTo("D-1000");
        assertThat(queue.file(request().build()).ticket()).isEqualTo("D-1001");
    }

    @Test
    void filingTheSameRequestIdAgainReturnsTheFirstFilingAndStoresNothing() {
        NewRequest first = request().resident(FictionalCards.LAI_JIAJIA).build();
        FiledRequest filed = queue.file(first);

        NewRequest again = request().id(first.requestId()).letter('A').filedAt(T0.plusSeconds(30))
                .token("another-token").serviceCode("other.service").build();
        assertThat(queue.file(again)).isEqualTo(filed);
        assertThat(queue.file(first)).isEqualTo(filed);

        assertThat(queue.countsByOutboxState()).containsEntry(OutboxState.PENDING, 1L);
        assertThat(queue.find(first.requestId()).orElseThrow().history()).hasSize(1);
        assertThat(queue.findByToken("another-token")).isEmpty();
        assertThat(queue.file(request().letter('A').build()).ticket()).isEqualTo("A-001");
        assertThat(queue.file(request().build()).ticket()).isEqualTo("D-002");
    }

    @Test
    void aSecondRequestWithAnExistingReceiptTokenIsRefusedAndUsesNoTicket() {
        queue.file(request().token("same").build());
        NewRequest clash = request().token("same").build();

        assertThatThrownBy(() -> queue.file(clash))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(clash.requestId().toString())
                .hasCauseInstanceOf(SQLException.class);

        assertThat(queue.find(clash.requestId())).isEmpty();
        assertThat(queue.file(request().build()).ticket()).isEqualTo("D-002");
    }

    @Test
    void aWindowLetterThatCannotBePrintedIsRefused() {
        assertThatThrownBy(() -> queue.file(request().letter(' ').build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findByTokenMatchesExactlyOnly() {
        NewRequest r = request().token("AbC-123").build();
        queue.file(r);

        assertThat(queue.findByToken("AbC-123")).map(StoredRequest::requestId).contains(r.requestId());
        assertThat(queue.findByToken("abc-123")).isEmpty();
        assertThat(queue.findByToken("AbC-12")).isEmpty();
        assertThat(queue.findByToken("AbC-12_")).isEmpty();
        assertThat(queue.findByToken("%")).isEmpty();
        assertThat(queue.findByToken("' OR '1'='1")).isEmpty();
        assertThat(queue.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void eightThreadsFilingFiveHundredRequestsGetFiveHundredDistinctTickets() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FiledRequest>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                NewRequest r = request().resident(FictionalCards.LAI_JIAJIA).build();
                futures.add(pool.submit(() -> queue.file(r)));
            }
            Set<String> tickets = new HashSet<>();
            for (Future<FiledRequest> f : futures) {
                tickets.add(f.get().ticket());
            }

            Set<String> expected = IntStream.rangeClosed(1, 500).mapToObj(n -> String.format("D-%03d", n))
                    .collect(Collectors.toSet());
            assertThat(tickets).isEqualTo(expected);
            assertThat(queue.countsByOutboxState()).containsEntry(OutboxState.PENDING, 500L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sqlMetacharactersInEveryStringAreStoredVerbatim() {
        Identity resident = new Identity(CardType.FOREIGN_PERMANENT_2023, evil("name"), Sex.NOT_STATED,
                evil("ethnicity"), LocalDate.of(1990, 1, 2), evil("address"), evil("id"), evil("authority"),
                LocalDate.of(2020, 1, 1), null, evil("english"), evil("nationality"));
        Identity agent = new Identity(CardType.RESIDENT, evil("agent"), Sex.MALE, evil("a-eth"), null,
                evil("a-addr"), evil("a-id"), evil("a-auth"), null, LocalDate.of(2030, 1, 1), evil("a-en"),
                evil("a-nat"));
        NewRequest r = request().kioskId(evil("kiosk")).serviceCode(evil("service")).windowCode(evil("window"))
                .token(evil("token")).attributes(Map.of(evil("key"), evil("value"), "plain", ""))
                .personal(Map.of(evil("pkey"), evil("pvalue"))).resident(resident).agent(agent).build();

        queue.file(r);
        OutboxEntry e = queue.nextToSend(T0, 1).get(0);
        assertThat(e.kioskId()).isEqualTo(evil("kiosk"));
        assertThat(e.serviceCode()).isEqualTo(evil("service"));
        assertThat(e.receiptToken()).isEqualTo(evil("token"));
        assertThat(e.attributes()).isEqualTo(r.attributes());
        assertThat(e.personalAttributes()).isEqualTo(r.personalAttributes());
        assertThat(e.resident()).isEqualTo(resident);
        assertThat(e.agent()).isEqualTo(agent);

        queue.markAttemptFailed(r.requestId(), evil("error"), T0);
        queue.markDelivered(r.requestId(), evil("srid"), T0.plusSeconds(1));
        queue.recordStatus(r.requestId(), RequestStatus.NEEDS_DOCUMENTS, evil("note"), T0.plusSeconds(2));
        StoredRequest s = queue.findByToken(evil("token")).orElseThrow();
        assertThat(s.requestId()).isEqualTo(r.requestId());
        assertThat(s.serviceCode()).isEqualTo(evil("service"));
        assertThat(s.windowCode()).isEqualTo(evil("window"));
        assertThat(s.serviceRequestId()).isEqualTo(evil("srid"));
        assertThat(s.maskedName()).isEqualTo(resident.maskedName());
        assertThat(s.history()).last().extracting(StatusChange::note).isEqualTo(evil("note"));

        NewRequest p = request().serviceCode(evil("service2")).build();
        queue.file(p);
        queue.park(p.requestId(), evil("reason"), T0);
        assertThat(queue.parked()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(evil("reason"));
            assertThat(x.serviceCode()).isEqualTo(evil("service2"));
        });
        assertThat(queue.countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    /** Quotes, comment and statement breaks, LIKE and GLOB wildcards, parameter markers, JSON breakers. */
    private static String evil(String field) {
        return field + ": O'Brien \"x\"; DROP TABLE requests; -- /* */ % _ * ? ?1 :p @p $p [x] \\ \"} ] ,\n\t 张'三";
    }

    @Test
    void logLinesNeverHoldAWholeNameOrIdNumber() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.onetrip.kiosk");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Identity elder = FictionalCards.OUYANG_ELDER;
            Identity agent = FictionalCards.ZHAN_AGENT;
            NewRequest r = request().resident(elder).agent(agent).personal(Map.of("phone", "13905931234")).build();
            queue.file(r);
            queue.file(r);
            queue.markAttemptFailed(r.requestId(), "400: bad phone 13905931234 for " + elder.name(), T0);
            queue.markDelivered(r.requestId(), "SR-1", T0);
            queue.recordStatus(r.requestId(), RequestStatus.COMPLETED, "done for " + elder.name(), T0);
            queue.erasePersonalData(T0.plusSeconds(60));
            NewRequest refused = request().resident(elder).build();
            queue.file(refused);
            queue.park(refused.requestId(), "unknown person " + elder.idNumber(), T0);
            queue.status();

            assertThat(appender.list).isNotEmpty();
            for (ILoggingEvent event : appender.list) {
                String line = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(elder.name(), elder.idNumber(), agent.name(), agent.idNumber(),
                        "13905931234");
            }
        } finally {
            logger.detachAppender(appender);
        }
    }
}
