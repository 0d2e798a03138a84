package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.testing.LogCapture;

/** The status screen for a receipt scanned on the home screen, for every status and every kind of bad code. */
class StatusScreenTest extends KioskUiTestBase {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Filing fileResidenceCertificate() {
        return kiosk.filing().file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "福建省福鼎市桐城街道资国寺路88号", "since", "2020-09-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
    }

    private int timelineSteps() {
        int[] n = new int[1];
        interact(() -> n[0] = ((Parent) lookup("#status-timeline").query()).getChildrenUnmodifiable().size());
        return n[0];
    }

    /** The note staff send with each state in these tests; the kiosk's own QUEUED has none. */
    private static String staffNote(RequestStatus status) {
        return switch (status) {
            case NEEDS_DOCUMENTS -> "请补交户口簿原件";
            case COMPLETED -> "证明已开好，请到民生保障窗口领取";
            default -> null;
        };
    }

    /** The texts under {@code query}, top to bottom as the resident reads them. */
    private List<String> textsUnder(String query) {
        List<String> out = new ArrayList<>();
        interact(() -> collectTexts(lookup(query).query(), out));
        return out;
    }

    private static void collectTexts(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectTexts(c, out));
        }
    }

    @Test
    void everyStatusIsShownWithItsTimelineWhatToBringAndTheNextStep() {
        awaitScreen("home");
        for (RequestStatus status : RequestStatus.values()) {
            Filing f = fileResidenceCertificate();
            String filedAt = WHEN.format(clock.instant());
            String lastUpdated = filedAt;
            int steps = 1;
            clock.advance(Duration.ofHours(20));
            if (status != RequestStatus.QUEUED) {
                kiosk.queue().markDelivered(f.filed().requestId(), "SR-" + f.ticket(), clock.instant());
                lastUpdated = WHEN.format(clock.instant());
                steps++;
            }
            if (status != RequestStatus.QUEUED && status != RequestStatus.RECEIVED) {
                clock.advance(Duration.ofHours(3));
                kiosk.queue().recordStatus(f.filed().requestId(), status, staffNote(status), clock.instant());
                lastUpdated = WHEN.format(clock.instant());
                steps++;
            }
            clock.advance(Duration.ofMinutes(5)); // the resident comes back later

            scanOnHome(f.statusUrl());
            await(status + " shown", () -> lookup("#status-current").tryQuery().isPresent());
            snapshot("15-status-" + status.wire());

            Texts texts = ui.flow().texts();
            assertThat(text("#status-current")).isEqualTo(texts.get("request.status." + status.wire()));
            assertThat(text("#status-ticket")).isEqualTo(f.ticket());
            assertThat(text("#status-service")).isEqualTo("居住证明");
            assertThat(text("#status-office")).isEqualTo("民生保障窗口");
            assertThat(text("#status-filed")).isEqualTo(filedAt);
            assertThat(text("#status-name")).isEqualTo("赖**");
            assertThat(text("#status-next")).isEqualTo(texts.get("status.next." + status.wire()));
            assertThat(timelineSteps()).isEqualTo(steps);
            // No back office in this build: the kiosk says the status is its last known one.
            // The time kept whole inside the sentence: non-breaking hyphens, a no-break space.
            assertThat(text("#status-offline")).contains("最后知道的进度")
                    .endsWith("更新于 " + lastUpdated.replace('-', '\u2011').replace(' ', '\u00A0') + "。");

            // What to bring follows the state (review finding 3).
            String askedFor = texts.get("status.bring");
            switch (status) {
                case NEEDS_DOCUMENTS -> {
                    // What staff asked for comes first under the heading; the service's usual list
                    // follows under a heading that says what it is, not "bring these".
                    List<String> block = textsUnder("#status-bring");
                    assertThat(block).startsWith(askedFor, texts.get("status.office-note", staffNote(status)));
                    assertThat(text("#status-office-note")).isEqualTo(texts.get("status.office-note", "请补交户口簿原件"));
                    assertThat(block).contains(texts.get("status.usual"));
                    assertThat(bulletItems("#status-bring"))
                            .containsExactlyElementsOf(f.service().documents().stream().map(LocalizedText::zh).toList());
                }
                case QUEUED, RECEIVED, IN_PROGRESS -> {
                    assertThat(bulletItems("#status-bring")).as("no list to bring while " + status).isEmpty();
                    assertThat(allTexts()).as("no heading asking to bring anything").doesNotContain(askedFor);
                    assertThat(text("#status-bring-none")).isEqualTo(texts.get("status.bring.not-now"));
                    assertThat(lookup("#status-office-note").tryQuery()).isEmpty();
                }
                case COMPLETED, REJECTED -> {
                    assertThat(lookup("#status-bring").tryQuery()).as("no bring block once " + status).isEmpty();
                    assertThat(allTexts()).doesNotContain(askedFor).noneMatch(s -> s.contains("携带材料"));
                    if (staffNote(status) == null) {
                        assertThat(lookup("#status-office-note").tryQuery()).isEmpty();
                    } else {
                        // Where to collect it, in staff's own words: the kiosk makes up no rule of its own.
                        assertThat(text("#status-office-note")).isEqualTo(texts.get("status.office-note", staffNote(status)));
                    }
                }
            }
            assertThat(allTexts()).noneMatch(s -> s.contains("赖佳佳") || s.contains("13800138000")
                    || s.contains(f.filed().receiptToken()));
        }
    }

    /** Staff asked for documents without saying which: the screen says so, and shows the usual list for what it is. */
    @Test
    void documentsAskedForWithoutANoteSendTheResidentToAskAtAWindow() {
        Filing f = fileResidenceCertificate();
        awaitScreen("home");
        clock.advance(Duration.ofHours(2));
        kiosk.queue().markDelivered(f.filed().requestId(), "SR-" + f.ticket(), clock.instant());
        kiosk.queue().recordStatus(f.filed().requestId(), RequestStatus.NEEDS_DOCUMENTS, " ", clock.instant());

        scanOnHome(f.statusUrl());
        await("the request", () -> lookup("#status-current").tryQuery().isPresent());

        Texts texts = ui.flow().texts();
        assertThat(textsUnder("#status-bring")).startsWith(texts.get("status.bring"), texts.get("status.bring.no-note"),
                texts.get("status.usual"));
        assertThat(lookup("#status-office-note").tryQuery()).isEmpty();
        assertThat(bulletItems("#status-bring")).hasSize(f.service().documents().size());
    }

    /**
     * "现在不用带材料来 / Nothing to bring for now" only where a service has documents at all: under a
     * suggestion (no card, no documents) "for now" told the resident documents would be wanted later
     * (screens review 2, finding 8). Said on screen and aloud alike.
     */
    @Test
    void aServiceWithNoDocumentsNeverSaysNothingToBringForNow() {
        Filing f = kiosk.filing().file(new Submission("suggestion", Map.of("topic", "community",
                "content", "楼道的灯坏了"), null, null), Locale.SIMPLIFIED_CHINESE, null);
        assertThat(f.service().documents()).isEmpty();
        scanOnHome(f.statusUrl());
        await("the request", () -> lookup("#status-current").tryQuery().isPresent());
        assertThat(lookup("#status-bring-none").tryQuery()).as("nothing to bring, said of a suggestion").isEmpty();
        assertThat(allTexts()).doesNotContain(ui.flow().texts().get("status.bring.not-now"));

        Filing certificate = fileResidenceCertificate();
        scanOnHome(certificate.statusUrl());
        await("the certificate's request", () -> lookup("#status-bring-none").tryQuery().isPresent());
    }

    @Test
    void anyCodeThatIsNotOurReceiptGetsOneCalmMessageAndThreeEndTheVisitsLookUps() {
        Filing f = fileResidenceCertificate();
        String t = f.filed().receiptToken();
        String base = f.statusUrl().substring(0, f.statusUrl().length() - t.length());
        String forged = base + t.substring(0, 23) + (t.endsWith("A") ? "B" : "A");
        String foreign = base + ReceiptTokens.forInstallation(data.resolve("another-kiosk"), () -> 0L).next();
        awaitScreen("home");

        scanOnHome("6901234567892");
        await("the calm message", () -> lookup("#status-unknown").tryQuery().isPresent());
        String calm = text("#status-unknown");
        assertThat(calm).contains("认不出");
        snapshot("16-status-unknown");
        // The rest of this visit: the scanner works on the status screen itself. Each answer is
        // a new screen (a new node), so waiting for one is not satisfied by the previous answer.
        Node first = awaitNode("#status-unknown");
        scanner().scan(forged);
        await("the second answer", () -> lookup("#status-looking").tryQuery().isEmpty()
                && lookup("#status-unknown").tryQuery().filter(n -> n != first).isPresent());
        assertThat(text("#status-unknown")).isEqualTo(calm);
        Node second = awaitNode("#status-unknown");
        scanner().scan(foreign);
        await("the third answer", () -> lookup("#status-looking").tryQuery().isEmpty()
                && lookup("#status-unknown").tryQuery().filter(n -> n != second).isPresent());
        assertThat(text("#status-unknown")).isEqualTo(calm);

        scanner().scan(f.statusUrl());
        await("too many", () -> lookup("#status-too-many").tryQuery().isPresent());
        snapshot("17-status-too-many");
        // Going home does not reset it; a minute does.
        scanOnHome(f.statusUrl());
        await("too many", () -> lookup("#status-too-many").tryQuery().isPresent());
        clock.advance(Duration.ofSeconds(61));
        scanOnHome(f.statusUrl());
        await("the receipt", () -> lookup("#status-ticket").tryQuery().isPresent());
        assertThat(text("#status-ticket")).isEqualTo(f.ticket());
    }

    /** Issue 12: it used to go home after 30 s with no warning; now the countdown and "more time" come first. */
    @Test
    void theStatusScreenWarnsBeforeItGoesHomeAndGivesMoreTime() {
        Filing f = fileResidenceCertificate();
        awaitScreen("home");
        scanOnHome(f.statusUrl());
        await("the receipt", () -> lookup("#status-ticket").tryQuery().isPresent());
        try (LogCapture log = new LogCapture()) {
            // Held under the scanner again: shown already, not looked up again.
            scanner().scan(f.statusUrl());
            await("the second scan", () -> log.lines().stream().anyMatch(l -> l.contains("scanned again")));
            assertThat(log.lines()).noneMatch(l -> l.contains("status look-up"));
        }
        clock.advance(Duration.ofSeconds(29));
        interact(() -> { // a few idle ticks, run here rather than waited for
            ui.tick();
            ui.tick();
        });
        assertOnScreen("status");
        assertThat(lookup("#idle-overlay").query().isVisible()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        await("the warning after 30 s", () -> lookup("#idle-overlay").query().isVisible());
        assertThat(text("#idle-countdown")).isEqualTo("19 秒");
        assertThat(text("#idle-explain")).isEqualTo("19 秒后回到首页。");
        snapshot("18-status-countdown");
        tap("#more-time");
        await("more time", () -> !lookup("#idle-overlay").query().isVisible());
        assertOnScreen("status");
        assertThat(text("#status-ticket")).isEqualTo(f.ticket());
        clock.advance(Duration.ofSeconds(49));
        interact(() -> ui.tick());
        assertOnScreen("status");
        clock.advance(Duration.ofSeconds(2));
        awaitScreen("home");
        assertThat(lookup("#idle-overlay").query().isVisible()).isFalse();

        // The prompt, too.
        tap("#check-status");
        awaitScreen("status");
        assertThat(lookup("#status-prompt").tryQuery()).isPresent();
        clock.advance(Duration.ofSeconds(31));
        await("the prompt's warning", () -> lookup("#idle-overlay").query().isVisible());
        clock.advance(Duration.ofSeconds(20));
        awaitScreen("home");
    }

    @Test
    void theLanguageSwitchShowsTheSameAnswerInEnglishWithoutAnotherLookUp() {
        Filing f = fileResidenceCertificate();
        awaitScreen("home");
        try (LogCapture log = new LogCapture()) {
            scanOnHome(f.statusUrl());
            await("the receipt", () -> lookup("#status-ticket").tryQuery().isPresent());
            tap("#language");
            await("English", () -> "Filed, waiting for staff".equals(text("#status-current")));
            snapshot("18-status-english");
            assertThat(text("#status-office")).isEqualTo("Livelihood support window");
            assertThat(text("#status-offline")).startsWith("This kiosk cannot reach the office right now.");
            assertThat(log.lines().stream().filter(l -> l.contains("status look-up")).count()).isEqualTo(1);
        }
    }
}
