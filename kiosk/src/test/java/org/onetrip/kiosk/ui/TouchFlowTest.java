package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdNumbers;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;

/** The whole touch flow on simulated devices, asserting what the screen shows and what the store holds. */
class TouchFlowTest extends KioskUiTestBase {

    @Test
    void residentFilesABirthRegistrationAndTakesTheReceipt() {
        awaitScreen("home");
        snapshot("01-home");
        assertThat(lookup(".tile").queryAll()).hasSize(6); // four windows, check my request, the elders' mode
        tap("#tile-livelihood");
        awaitScreen("services");
        snapshot("02-services");
        tap("#service-birth-registration");
        awaitScreen("identify");
        snapshot("03-identify");

        reader().place(FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
        assertThat(text("#resident-name")).isEqualTo("赖佳佳");
        assertThat(text("#resident-number")).isEqualTo(FictionalCards.LAI_JIAJIA.maskedIdNumber())
                .doesNotContain("19920314");
        assertThat((Object) lookup("#resident-name").query()).isInstanceOf(javafx.scene.control.Label.class); // not editable

        // Next with nothing filled: errors beside the fields, still on the form.
        tap("#next");
        assertOnScreen("form");
        assertThat(text("#error-child_order")).isEqualTo("此项必须填写");
        assertThat(text("#error-phone")).isEqualTo("此项必须填写");

        tap("#choice-child_order-first");
        tap("#field-spouse_id_number");
        typeOnPad(IdNumbers.withCheck("35098219900101001"));
        tap("#field-marriage_date");
        for (int i = 0; i < 7; i++) {
            tap("#date-year-minus");
        }
        tap("#date-ok");
        assertThat(ui.flow().session().values()).containsEntry("marriage_date", "2019-11-29");
        tap("#choice-hukou-both_local");
        tap("#field-phone");
        typeOnPad("1380013800");
        snapshot("04-form");
        tap("#next");
        assertThat(text("#error-phone")).isEqualTo("请输入11位手机号码");
        tap("#field-phone");
        typeOnPad("0");
        tap("#next");
        awaitScreen("review");
        snapshot("05-review");
        assertThat(text("#review-phone")).isEqualTo("13800138000");
        assertThat(text("#review-child_order")).isEqualTo("第一个孩子");

        tap("#submit");
        awaitScreen("done");
        await("the receipt to print", () -> text("#print-status").equals("回执已打印，请在下方出纸口取走"));
        snapshot("06-done");
        assertThat(text("#ticket")).isEqualTo("D-001");
        assertThat(text("#take")).isEqualTo("请取走回执和身份证");

        Filing f = ui.flow().session().filing();
        StoredRequest stored = kiosk.queue().find(f.filed().requestId()).orElseThrow();
        assertThat(stored.ticket()).isEqualTo("D-001");
        assertThat(stored.serviceCode()).isEqualTo("birth-registration");
        assertThat(stored.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(stored.maskedName()).isEqualTo("赖**");
        assertThat(stored.attributes()).containsEntry("child_order", "first").doesNotContainKey("phone");
        OutboxEntry out = kiosk.queue().nextToSend(clock.instant(), 10).get(0);
        assertThat(out.resident().idNumber()).isEqualTo(FictionalCards.LAI_JIAJIA.idNumber());
        assertThat(out.personalAttributes()).containsEntry("phone", "13800138000");
        assertThat(printer().printed()).extracting(p -> p.receipt().ticket()).containsExactly("D-001");
        assertThat(printer().printed().get(0).receipt().maskedName()).isEqualTo("赖**");

        tap("#finish");
        awaitScreen("home");
        assertThat(ui.flow().session().isEmpty()).isTrue();
        assertThat(allTexts()).noneMatch(s -> s.contains("赖佳佳") || s.contains("13800138000"));
    }

    @Test
    void anonymousHazardReportNeedsNoCardAndPrinterFailureLeavesTheScreenAsReceipt() {
        printer().setCondition(SimulatedReceiptPrinter.Condition.PAPER_OUT);
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        assertThat(lookup("#resident-name").tryQuery()).isEmpty();
        tap("#choice-category-road_traffic");
        tap("#phrase-location-0");
        tap("#phrase-description-1");
        tap("#choice-since-today");
        tap("#choice-danger-yes");
        String location = text("#field-location");
        assertThat(location).isNotBlank();
        tap("#next");
        awaitScreen("review");
        tap("#submit");
        awaitScreen("done");
        await("the print failure", () -> text("#print-status").contains("拍下本屏幕"));
        snapshot("07-done-printer-out");
        assertThat(text("#ticket")).isEqualTo("C-001");
        assertThat(lookup("#status-qr").tryQuery()).isPresent();
        assertThat(text("#take")).isEmpty(); // no receipt came out, and no card was read
        StoredRequest stored = kiosk.queue().find(ui.flow().session().filing().filed().requestId()).orElseThrow();
        assertThat(stored.attributes()).containsEntry("category", "road_traffic").containsEntry("location", location);
        assertThat(stored.maskedName()).isEmpty();
        assertThat(stored.personalDataKept()).isFalse();
        assertThat(printer().printed()).isEmpty();
    }

    @Test
    void proxyAgentFilesAHouseRebuildWithTwoCards() {
        awaitScreen("home");
        tap("#tile-economy");
        tap("#service-house-rebuild");
        awaitScreen("identify");
        assertThat(text("#identify-step")).contains("代办员");
        // A resident's card is not an agent's: told why, kindly, and the screen keeps waiting.
        reader().place(FictionalCards.LAI_JIAJIA);
        await("unregistered agent refused", () -> text("#identify-message").contains("没有登记为代办员"));
        snapshot("08a-identify-unregistered-agent");
        assertWholeTextShown("#identify-message");
        // The way on is on this screen: booking an agent (it said "on the home screen", where none is).
        assertThat(text("#identify-message")).doesNotContain("首页").contains("“代办服务预约”");
        assertThat(lookup("#book-agent").query().isVisible()).isTrue();
        assertThat(text("#book-agent")).isEqualTo("代办服务预约");
        assertOnScreen("identify");
        assertThat(text("#identify-step")).contains("第一步");
        assertThat(ui.flow().session().agent()).isNull();
        // A registered agent whose registration ended is refused too (欧阳秀英, until 2025-06-30).
        reader().place(FictionalCards.OUYANG_ELDER);
        await("ended registration refused", () -> text("#identify-message").contains("登记已经到期"));
        assertWholeTextShown("#identify-message");
        assertThat(ui.flow().session().agent()).isNull();
        reader().place(FictionalCards.ZHAN_AGENT);
        await("agent confirmed", () -> text("#identify-message").contains("代办员身份已确认"));
        assertThat(text("#identify-step")).contains("詹**（柯岭村）");
        reader().place(FictionalCards.ZHAN_AGENT);
        await("same person refused", () -> text("#identify-message").contains("代办员本人"));
        assertOnScreen("identify");
        reader().place(FictionalCards.OUYANG_ELDER);
        awaitScreen("form");
        assertThat(text("#agent-name")).isEqualTo("詹照明");
        assertThat(text("#resident-name")).isEqualTo("欧阳秀英");
        snapshot("08-proxy-form");
        tap("#choice-reason-dilapidated");
        tap("#choice-old_structure-earth_wood");
        tap("#field-old_area");
        typeOnPad("80");
        tap("#field-new_area");
        typeOnPad("120");
        tap("#field-floors");
        typeOnPad("3");
        tap("#field-household_size");
        typeOnPad("5");
        tap("#choice-land_certificate-land");
        tap("#phrase-site_location-0");
        tap("#field-phone");
        typeOnPad("13912345678");
        tap("#next");
        awaitScreen("review");
        assertThat(text("#review-agent-village")).isEqualTo("代办员 詹**，柯岭村");
        tap("#submit");
        awaitScreen("done");
        OutboxEntry out = kiosk.queue().nextToSend(clock.instant(), 10).get(0);
        assertThat(out.attributes()).containsEntry("agent_registration", "KL-01").containsEntry("agent_village", "柯岭村");
        await("the receipt printed", () -> !printer().printed().isEmpty());
        String receipt = new String(printer().printed().get(0).escpos(), org.onetrip.kiosk.printer.escpos.Gb18030.CHARSET);
        savePicture("08b-proxy-receipt", printer().printed().get(0).picture());
        assertThat(receipt).contains("代办员 Proxy agent：詹**\n", "代办员所在村（社区）：柯岭村\n")
                .doesNotContain("詹照明", FictionalCards.ZHAN_AGENT.idNumber());
        assertThat(out.agent().name()).isEqualTo("詹照明");
        assertThat(out.resident().name()).isEqualTo("欧阳秀英");
        assertThat(text("#ticket")).matches("[AB]-001");
    }

    @Test
    void refusedCardsAreExplainedAndTheScreenKeepsWaiting() {
        awaitScreen("home");
        tap("#tile-livelihood");
        tap("#service-residence-certificate");
        awaitScreen("identify");
        reader().place(FictionalCards.EXPIRED);
        await("expired message", () -> text("#identify-message").contains("已过有效期"));
        reader().place(FictionalCards.BAD_NUMBER);
        await("check digit message", () -> text("#identify-message").contains("号码对不上"));
        reader().placeUnreadable();
        await("transient message", () -> text("#identify-message").contains("再放一次"));
        snapshot("09-identify-refused");
        assertOnScreen("identify");
        assertThat(ui.flow().session().resident()).isNull();
        reader().place(FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
    }

    @Test
    void aReaderThatIsDownGivesTheOutOfServiceScreenSayingWhatStillWorks() {
        reader().setConnected(false);
        await("reader offline", () -> !ui.flow().usable("idcard"));
        tap("#tile-livelihood");
        awaitScreen("services");
        assertThat(allTexts()).contains("读卡器暂时无法使用");
        tap("#service-birth-registration");
        awaitScreen("out-of-service");
        snapshot("10-out-of-service");
        assertThat(text("#oos-still")).contains("问题隐患上报");
        tap("#finish");
        awaitScreen("home");
        // An anonymous service still works.
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
    }

    @Test
    void aScannedReceiptOnTheHomeScreenOpensItsStatus() {
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-suggestion");
        awaitScreen("form");
        // fill whatever the suggestion form requires by choosing first options and phrases
        FormFiller.fillRequired(this, kiosk.catalog().service("suggestion").orElseThrow());
        tap("#next");
        awaitScreen("review");
        tap("#submit");
        awaitScreen("done");
        String url = ui.flow().session().filing().statusUrl();
        String ticket = text("#ticket");
        tap("#finish");
        awaitScreen("home");
        scanner().scan(url);
        awaitScreen("status");
        await("status details", () -> lookup("#status-ticket").tryQuery().isPresent());
        snapshot("11-status");
        assertThat(text("#status-ticket")).isEqualTo(ticket);
        assertThat(text("#status-current")).isEqualTo("已提交，等工作人员接手");

        scanner().scan(url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A"));
        await("unknown code message", () -> lookup("#status-unknown").tryQuery().isPresent());
        assertThat(Optional.ofNullable(text("#status-unknown"))).get().asString().contains("认不出");
    }

    /** The refusal's way on is one tap away: booking a proxy agent, for the resident at the kiosk. */
    @Test
    void aCardThatIsNoAgentsIsOfferedTheBookingOfOne() {
        awaitScreen("home");
        tap("#tile-economy");
        tap("#service-house-rebuild");
        awaitScreen("identify");
        reader().place(FictionalCards.LAI_JIAJIA);
        await("unregistered agent refused", () -> text("#identify-message").contains("没有登记为代办员"));
        tap("#book-agent");
        await("the booking started", () -> ui.flow().session().service() != null
                && ServiceCatalog.PROXY_APPOINTMENT.equals(ui.flow().session().service().code()));
        awaitScreen("identify");
        // A booking is the resident's own: the card on the reader now files it.
        assertThat(text("#identify-step")).doesNotContain("代办员");
        assertThat(lookup("#book-agent").query().isVisible()).isFalse();
    }

    @Test
    void inEnglishAnUnregisteredAgentIsToldWhyAndTheScreenKeepsWaiting() {
        awaitScreen("home");
        tap("#language");
        await("English", () -> !ui.flow().texts().isChinese());
        tap("#tile-economy");
        tap("#service-house-rebuild");
        awaitScreen("identify");
        reader().place(FictionalCards.LAI_JIAJIA);
        await("unregistered agent refused", () -> text("#identify-message").contains("not registered as a proxy agent"));
        snapshot("08c-identify-unregistered-agent-en");
        assertThat(text("#identify-message")).doesNotContain("home screen")
                .contains("tap \"Book a proxy agent\" below").contains("centre's windows");
        assertWholeTextShown("#identify-message");
        assertOnScreen("identify");
        assertThat(ui.flow().session().agent()).isNull();
        reader().place(FictionalCards.ZHAN_AGENT);
        await("agent confirmed", () -> text("#identify-step").contains("詹** (Keling Village)"));
    }


    /** Saves {@code png} (e.g. a simulated receipt's picture) as target/screens/NAME.png. */
    static void savePicture(String name, byte[] png) {
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screens"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/screens", name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
