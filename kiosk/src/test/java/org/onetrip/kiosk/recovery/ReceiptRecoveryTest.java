package org.onetrip.kiosk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import org.onetrip.kiosk.testing.MutableClock;

/** A filing whose ticket never reached the screen is offered at the next start, within its window only. */
class ReceiptRecoveryTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-28T18:05:00Z");
    final ServiceCatalog catalog = new CatalogLoader().loadBundled();
    final FilingService.CentreInfo centre = new FilingService.CentreInfo("kiosk-1",
            LocalizedText.of("桐城街道党群服务中心", "Tongcheng Centre"), LocalizedText.of("24小时", "24 h"), "0593-1234567",
            "https://status.example/s/");
    SqliteRequestQueue queue;
    FilingService filing;

    @BeforeEach
    void open() {
        queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), clock);
        filing = new FilingService(catalog, queue, ReceiptTokens.forInstallation(dir, () -> 0L), centre, clock);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private Filing fileResidence() {
        return filing.file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "桐城街道1号", "since", "2020-01-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
    }

    @Test
    void aProxyFilingIsGivenBackWithItsAgentAsTheFilingPrintedIt() {
        var agents = org.onetrip.kiosk.proxy.AgentsFile.loadResource("/profiles/simulator-agents.csv");
        FilingService proxy = new FilingService(catalog, queue, ReceiptTokens.forInstallation(dir, () -> 0L), centre, clock, agents);
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("reason", "dilapidated");
        v.put("old_structure", "earth_wood");
        v.put("old_area", "80");
        v.put("new_area", "120");
        v.put("floors", "3");
        v.put("household_size", "5");
        v.put("land_certificate", "land");
        v.put("site_location", "柯岭村三组12号旁");
        v.put("phone", "13905931234");
        Filing lost = proxy.file(new Submission("house-rebuild", v, FictionalCards.OUYANG_ELDER,
                FictionalCards.ZHAN_AGENT), Locale.SIMPLIFIED_CHINESE, null);
        assertThat(lost.receipt().agent()).isNotNull();
        clock.advance(Duration.ofSeconds(20)); // the kiosk restarts

        ReceiptRecovery recovery = new ReceiptRecovery(queue, catalog, centre, Duration.ofMinutes(10), clock, agents);
        Receipt again = recovery.receipt(recovery.atStart().orElseThrow(), Locale.SIMPLIFIED_CHINESE, null);
        assertThat(again.agent()).isEqualTo(lost.receipt().agent());
        assertThat(again).usingRecursiveComparison().isEqualTo(lost.receipt());
    }

    private ReceiptRecovery restart(Duration window) {
        return new ReceiptRecovery(queue, catalog, centre, window, clock);
    }

    @Test
    void aFilingNeverShownIsOfferedWithItsTicketServiceAndStatusLink() {
        Filing shown = fileResidence();
        restart(Duration.ofMinutes(10)).acknowledge(shown.filed().requestId(), ReceiptRecovery.SHOWN_ON_SCREEN);
        clock.advance(Duration.ofMinutes(1));
        Filing lost = fileResidence();
        clock.advance(Duration.ofSeconds(20)); // the kiosk restarts

        ReceiptRecovery recovery = restart(Duration.ofMinutes(10));
        RecoveredReceipt r = recovery.atStart().orElseThrow();
        assertThat(r.ticket()).isEqualTo(lost.ticket()).isNotEqualTo(shown.ticket());
        assertThat(r.serviceName().zh()).isEqualTo(lost.service().name().zh());
        assertThat(r.windowName()).isEqualTo(lost.window().name());
        assertThat(r.statusUrl()).isEqualTo(lost.statusUrl());
        assertThat(r.maskedName()).isEqualTo(FictionalCards.LAI_JIAJIA.maskedName());
        assertThat(r.offeredUntil()).isEqualTo(lost.filed().filedAt().plus(Duration.ofMinutes(10)));

        Receipt again = recovery.receipt(r, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        assertThat(again).usingRecursiveComparison().ignoringFields("secondLocale")
                .isEqualTo(lost.receipt());
        assertThat(again.secondLocale()).isEqualTo(Locale.ENGLISH);

        assertThat(recovery.stillOffered(r)).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(recovery.stillOffered(r)).isFalse();
    }

    @Test
    void onceAcknowledgedItIsNotOfferedAgain() {
        fileResidence();
        clock.advance(Duration.ofSeconds(1));
        ReceiptRecovery first = restart(Duration.ofMinutes(10));
        RecoveredReceipt r = first.atStart().orElseThrow();
        first.acknowledge(r, ReceiptRecovery.RECOVERED);
        assertThat(restart(Duration.ofMinutes(10)).atStart()).isEmpty();
    }

    @Test
    void olderThanTheWindowOrSwitchedOffItIsLeftAlone() {
        fileResidence();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(restart(Duration.ofMinutes(10)).atStart()).isEmpty();
        assertThat(restart(Duration.ofMinutes(20)).atStart()).isPresent();
        assertThat(restart(Duration.ZERO).atStart()).isEmpty();
    }

    @Test
    void aFilingMadeAfterTheStartIsNeverTakenForALostOne() {
        ReceiptRecovery recovery = restart(Duration.ofMinutes(10));
        clock.advance(Duration.ofSeconds(1));
        fileResidence(); // a resident's filing on its way to the done screen
        assertThat(recovery.atStart()).isEmpty();
    }
}
