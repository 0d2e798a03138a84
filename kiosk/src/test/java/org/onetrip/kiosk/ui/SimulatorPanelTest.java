package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.ui.simulator.SimulatorPanel;

/** The device simulator window drives the same simulated devices the kiosk uses. */
class SimulatorPanelTest extends KioskUiTestBase {
    private Stage panel;

    @Override
    public void start(Stage stage) {
        super.start(stage);
        panel = new SimulatorPanel(kiosk, ui.flow().bridge()).show(stage);
    }

    @Test
    void placingACardPrintingAndScanningFromThePanel() throws Exception {
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-petition");
        awaitScreen("identify");
        clickOn("#sim-place"); // the first fixture: 赖佳佳
        awaitScreen("form");
        assertThat(text("#resident-name")).isEqualTo("赖佳佳");
        FormFiller.fillRequired(this, kiosk.catalog().service("petition").orElseThrow());
        tap("#next");
        awaitScreen("review");
        tap("#submit");
        awaitScreen("done");
        await("the receipt picture in the panel", () -> panel.getScene().getRoot().lookupAll(".image-view").stream()
                .anyMatch(n -> ((ImageView) n).getImage() != null));
        interact(() -> {
            try {
                FxImages.writePng(panel.getScene().snapshot(null), Path.of("target/screens/15-simulator-panel.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String ticket = text("#ticket");
        tap("#finish");
        awaitScreen("home");
        tap("#sim-scan-last");
        awaitScreen("status");
        await("status details", () -> lookup("#status-ticket").tryQuery().isPresent());
        assertThat(text("#status-ticket")).isEqualTo(ticket);

        tap("#sim-printer-paper_out");
        await("printer out of paper", () -> printer().status().detail() == StatusDetail.PAPER_OUT);
        assertThat(printer().condition()).isEqualTo(SimulatedReceiptPrinter.Condition.PAPER_OUT);
        await("the panel shows it", () -> text("#sim-statuses").contains("PAPER_OUT"));
    }

    @Test
    void thePanelOffersTheRegisteredAgentSoAProxyFilingCanBeShown() {
        awaitScreen("home");
        tap("#tile-economy");
        tap("#service-house-rebuild");
        awaitScreen("identify");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.onetrip.kiosk.idcard.Identity> cards =
                (javafx.scene.control.ComboBox<org.onetrip.kiosk.idcard.Identity>) lookup("#sim-card").query();
        java.util.List<String> labels = new java.util.ArrayList<>();
        interact(() -> cards.getItems().forEach(i -> labels.add(cards.getConverter().toString(i))));
        assertThat(labels).contains("詹照明 · RESIDENT (registered proxy agent KL-01, Keling Village)",
                "欧阳秀英 · RESIDENT (proxy agent LM-02: registration expired)", "赖佳佳 · RESIDENT");
        interact(() -> cards.getSelectionModel().select(org.onetrip.kiosk.idcard.FictionalCards.ZHAN_AGENT));
        clickOn("#sim-place");
        await("agent confirmed", () -> text("#identify-step").contains("詹**（柯岭村）"));
        interact(() -> cards.getSelectionModel().select(org.onetrip.kiosk.idcard.FictionalCards.LAI_JIAJIA));
        clickOn("#sim-place");
        awaitScreen("form");
        assertThat(text("#agent-name")).isEqualTo("詹照明");
        assertThat(text("#resident-name")).isEqualTo("赖佳佳");
    }
}
