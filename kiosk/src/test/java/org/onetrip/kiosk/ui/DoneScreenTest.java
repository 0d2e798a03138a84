package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter.Condition;

/**
 * The done screen says only what is true: no "take your receipt" when none printed, the documents
 * to bring on screen (not only on paper), a fitting word before it goes home, and a way to print
 * the receipt once the paper is back.
 */
class DoneScreenTest extends KioskUiTestBase {

    private ServiceDefinition fileResidenceCertificate(String lang) {
        awaitScreen("home");
        if (lang.equals("en")) {
            tap("#language");
        }
        tap("#tile-livelihood");
        awaitScreen("services");
        tap("#service-residence-certificate");
        awaitScreen("identify");
        reader().place(FictionalCards.OUYANG_ELDER);
        awaitScreen("form");
        ServiceDefinition s = kiosk.catalog().service("residence-certificate").orElseThrow();
        FormFiller.fillRequired(this, s);
        tap("#next");
        awaitScreen("review");
        tap("#submit");
        awaitScreen("done");
        return s;
    }

    /**
     * Six documents to bring (the minimum living allowance), in English, then in the elders' mode:
     * the list scrolls inside its card and the screen stays whole. Taller than the screen, it had
     * pushed the header's first line off the top and the Finish button to the bottom edge.
     */
    @Test
    void aLongListOfDocumentsScrollsInsideItsCardAndTheScreenStaysWhole() {
        awaitScreen("home");
        tap("#language");
        tap("#tile-livelihood");
        awaitScreen("services");
        ServiceDefinition s = kiosk.catalog().service("minimum-living").orElseThrow();
        interact(() -> ui.flow().startService(s));
        awaitScreen("identify");
        reader().place(FictionalCards.OUYANG_ELDER);
        awaitScreen("form");
        FormFiller.fillRequired(this, s);
        tap("#next");
        awaitScreen("review");
        tap("#submit");
        awaitScreen("done");
        assertThat(s.documents()).hasSizeGreaterThanOrEqualTo(6);
        for (String mode : new String[] {"en", "elders-en"}) {
            if (mode.startsWith("elders")) {
                interact(() -> ui.flow().setEldersMode(true));
                await("the elders' done screen", () -> lookup("#kiosk").query().getStyleClass().contains("elders")
                        && lookup("#done-documents-scroll").tryQuery().isPresent());
            }
            double[] edges = new double[3];
            interact(() -> {
                laidOut();
                javafx.scene.Node root = lookup("#kiosk").query();
                javafx.scene.Node finish = lookup("#finish").query();
                javafx.scene.Node first = lookup(".header").query();
                edges[0] = first.localToScene(first.getLayoutBounds()).getMinY();
                edges[1] = finish.localToScene(finish.getLayoutBounds()).getMaxY();
                edges[2] = root.getScene().getHeight();
            });
            snapshot("done-long-documents-" + mode);
            assertThat(edges[0]).as(mode + ": the header's top").isGreaterThanOrEqualTo(0);
            assertThat(edges[1]).as(mode + ": the Finish button's bottom").isLessThanOrEqualTo(edges[2] - 8);
            assertThat(bulletItems("#done-documents")).hasSize(s.documents().size());
            assertThat(lookup("#done-documents-scroll").query().isVisible()).isTrue();
        }
    }

    private String t(String key) {
        return ui.flow().texts().get(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void withoutPaperNothingSaysTakeTheReceiptAndTheDocumentsAreOnScreen(String lang) {
        printer().setCondition(Condition.PAPER_OUT);
        ServiceDefinition s = fileResidenceCertificate(lang);
        await("the print failure", () -> text("#print-status").equals(t("done.print-failed")));
        assertThat(text("#take")).isEqualTo(t("done.take.card"));
        assertThat(allTexts()).doesNotContain(t("done.take.both"), t("done.take.receipt"));
        assertThat(lookup("#reprint").query().isVisible()).isFalse();
        assertThat(s.documents()).isNotEmpty();
        for (LocalizedText d : s.documents()) {
            assertThat(bulletItems("#done-documents")).contains(ui.flow().texts().of(d));
        }
        snapshot("done-paper-out-" + lang);
        assertThat(printer().printed()).isEmpty();

        // The elders' mode shows this short list whole too: the 180 px ticket took half the width,
        // and three documents wrapped a word or two a line in a narrow column, cut mid-line
        // ("A copy of / th…") behind a scroll bar (third screens review, 1).
        interact(() -> ui.flow().setEldersMode(true));
        await("the elders' done screen", () -> lookup("#kiosk").query().getStyleClass().contains("elders")
                && lookup("#done-documents-scroll").tryQuery().isPresent());
        double[] h = new double[2];
        interact(() -> {
            laidOut();
            javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) lookup("#done-documents-scroll").query();
            h[0] = lookup("#done-documents").query().getLayoutBounds().getHeight();
            h[1] = sp.getViewportBounds().getHeight();
        });
        snapshot("done-paper-out-elders-" + lang);
        assertThat(s.documents()).hasSize(3);
        assertThat(h[0]).as(lang + ": the list's height within its card's view").isLessThanOrEqualTo(h[1] + 0.5);
    }

    @Test
    void aPrintedReceiptIsToBeTakenWithTheCard() {
        fileResidenceCertificate("zh");
        await("the receipt", () -> text("#print-status").equals("回执已打印，请在下方出纸口取走"));
        assertThat(text("#take")).isEqualTo("请取走回执和身份证");
        assertThat(lookup("#done-documents").tryQuery()).isPresent();
        snapshot("done-printed-zh");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void whenThePaperComesBackTheReceiptCanBePrinted(String lang) {
        printer().setCondition(Condition.PAPER_OUT);
        fileResidenceCertificate(lang);
        await("the print failure", () -> text("#print-status").equals(t("done.print-failed")));
        String ticket = text("#ticket");
        printer().setCondition(Condition.READY);
        await("the offer to print", () -> lookup("#reprint").query().isVisible());
        assertThat(text("#print-status")).isEqualTo(t("done.printer-back"));
        snapshot("done-printer-back-" + lang);
        tap("#reprint");
        await("the receipt", () -> text("#print-status").equals(t("done.printed")));
        assertThat(printer().printed()).extracting(p -> p.receipt().ticket()).containsExactly(ticket);
        assertThat(text("#take")).isEqualTo(t("done.take.both"));
        assertThat(lookup("#reprint").query().isVisible()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void theCountdownOfAFinishedVisitSaysTheRequestIsFiledNotCleared(String lang) {
        fileResidenceCertificate(lang);
        await("the receipt", () -> text("#print-status").equals(t("done.printed")));
        clock.advance(Duration.ofSeconds(41));
        await("the idle warning", () -> lookup("#idle-overlay").query().isVisible());
        assertThat(text("#idle-explain")).contains(lang.equals("en") ? "safely filed" : "已妥善保存")
                .doesNotContain(lang.equals("en") ? "clears" : "清除");
        snapshot("done-idle-" + lang);
        clock.advance(Duration.ofSeconds(20));
        awaitScreen("home");
    }
}
