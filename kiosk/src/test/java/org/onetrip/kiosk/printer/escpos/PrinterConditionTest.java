package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Answer;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.AutoStatus;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Noise;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Reply;

/** DLE EOT answers and ASB frames into conditions and the kiosk's status. */
class PrinterConditionTest {

    @Test
    void idlePrinterAnswers12ToEveryRequest() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x12, 0x12, 0x12, 0x12);
        assertThat(c).isEqualTo(PrinterCondition.READY);
        assertThat(c.toDeviceStatus().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.NONE);
        assertThat(c.canPrint()).isTrue();
    }

    @Test
    void paperNearEnd1EStillPrints() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x12, 0x12, 0x12, 0x1E);
        assertThat(c.paperNearEnd()).isTrue();
        assertThat(c.paperOut()).isFalse();
        DeviceStatus s = c.toDeviceStatus();
        assertThat(s.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(s.detail()).isEqualTo(StatusDetail.PAPER_NEAR_END);
        assertThat(s.message()).contains("near end");
        assertThat(c.canPrint()).isTrue();
    }

    @Test
    void paperOut72IsOffline() {
        // What an Epson says out of paper: offline (1A), stopped by paper end (32), 72.
        PrinterCondition c = PrinterCondition.fromDleEot(0x1A, 0x32, 0x12, 0x72);
        assertThat(c.paperOut()).isTrue();
        assertThat(c.stoppedByPaperEnd()).isTrue();
        assertThat(c.offline()).isTrue();
        assertThat(c.toDeviceStatus().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.PAPER_OUT);
        assertThat(c.canPrint()).isFalse();
        // The paper sensor alone is enough.
        assertThat(PrinterCondition.fromDleEot(0x12, 0x12, 0x12, 0x72).toDeviceStatus().detail())
                .isEqualTo(StatusDetail.PAPER_OUT);
        // And each of its bits alone (printers differ in setting one or both).
        assertThat(PrinterCondition.READY.withAnswer(4, 0x32).paperOut()).isTrue();
        assertThat(PrinterCondition.READY.withAnswer(4, 0x52).paperOut()).isTrue();
        assertThat(PrinterCondition.READY.withAnswer(4, 0x16).paperNearEnd()).isTrue();
    }

    @Test
    void coverOpen() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x1A, 0x16, 0x12, 0x12);
        assertThat(c.coverOpen()).isTrue();
        assertThat(c.toDeviceStatus().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.COVER_OPEN);
        assertThat(c.toDeviceStatus().message()).isEqualTo("cover open");
    }

    @Test
    void cutterError() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x1A, 0x52, 0x1A, 0x12);
        assertThat(c.cutterError()).isTrue();
        assertThat(c.error()).isTrue();
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.HARDWARE_ERROR);
        assertThat(c.toDeviceStatus().message()).contains("cutter");
    }

    @Test
    void otherErrorCauses() {
        assertThat(PrinterCondition.READY.withAnswer(3, 0x16).mechanicalError()).isTrue();
        assertThat(PrinterCondition.READY.withAnswer(3, 0x32).unrecoverableError()).isTrue();
        assertThat(PrinterCondition.READY.withAnswer(3, 0x52).autoRecoverableError()).isTrue();
        PrinterCondition unrecoverable = PrinterCondition.fromDleEot(0x1A, 0x52, 0x32, 0x12);
        assertThat(unrecoverable.toDeviceStatus().detail()).isEqualTo(StatusDetail.HARDWARE_ERROR);
        assertThat(unrecoverable.toDeviceStatus().message()).contains("unrecoverable");
    }

    @Test
    void offlineWithoutAKnownCause() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x1A, 0x12, 0x12, 0x12);
        assertThat(c.toDeviceStatus().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(c.toDeviceStatus().message()).isEqualTo("offline");
        PrinterCondition feeding = PrinterCondition.fromDleEot(0x1A, 0x1A, 0x12, 0x12);
        assertThat(feeding.feedButton()).isTrue();
        assertThat(feeding.toDeviceStatus().message()).contains("button");
    }

    @Test
    void offlineCausesWinOverPaperNearEnd() {
        PrinterCondition c = PrinterCondition.fromDleEot(0x1A, 0x16, 0x12, 0x1E);
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.COVER_OPEN);
        assertThat(c.toDeviceStatus().message()).isEqualTo("cover open; paper near end: refill soon");
    }

    @Test
    void dleEotAnswersHaveBits1And4SetAsbHeadersBit1Clear() {
        for (int b : new int[] {0x12, 0x16, 0x1A, 0x1E, 0x32, 0x52, 0x72, 0x7E}) {
            assertThat(EscPosStatus.isDleEotAnswer(b)).as("%02X", b).isTrue();
            assertThat(EscPosStatus.isAutoStatusHeader(b)).as("%02X", b).isFalse();
        }
        for (int b : new int[] {0x10, 0x14, 0x18, 0x38, 0x78}) {
            assertThat(EscPosStatus.isAutoStatusHeader(b)).as("%02X", b).isTrue();
            assertThat(EscPosStatus.isDleEotAnswer(b)).as("%02X", b).isFalse();
        }
        for (int b : new int[] {0x00, 0x02, 0x13, 0x92, 0xFF}) {
            assertThat(EscPosStatus.isDleEotAnswer(b)).as("%02X", b).isFalse();
            assertThat(EscPosStatus.isAutoStatusHeader(b)).as("%02X", b).isFalse();
        }
    }

    @Test
    void splitterSeparatesAnAsbFrameFromAnswers() {
        // An ASB frame (cover open, paper near end) arrives just before the answer 12.
        List<Reply> replies = feed(0x30, 0x00, 0x03, 0x00, 0x12, 0xFF, 0x72);
        assertThat(replies).hasSize(4);
        assertThat(replies.get(0)).isInstanceOf(AutoStatus.class);
        PrinterCondition asb = ((AutoStatus) replies.get(0)).condition();
        assertThat(asb.coverOpen()).isTrue();
        assertThat(asb.paperNearEnd()).isTrue();
        assertThat(asb.paperOut()).isFalse();
        assertThat(replies.get(1)).isEqualTo(new Answer(0x12));
        assertThat(replies.get(2)).isEqualTo(new Noise(0xFF));
        assertThat(replies.get(3)).isEqualTo(new Answer(0x72));
    }

    @Test
    void asbPaperEndAndErrors() {
        PrinterCondition c = PrinterCondition.fromAutoStatus(0x18, 0x08, 0x0C, 0x00);
        assertThat(c.offline()).isTrue();
        assertThat(c.cutterError()).isTrue();
        assertThat(c.paperOut()).isTrue();
        assertThat(c.toDeviceStatus().detail()).isEqualTo(StatusDetail.PAPER_OUT);
    }

    @Test
    void aCutShortFrameGivesWayToTheAnswerAfterIt() {
        List<Reply> replies = feed(0x10, 0x00, 0x12);
        assertThat(replies).containsExactly(new Answer(0x12));
    }

    private static List<Reply> feed(int... bytes) {
        EscPosStatus.Splitter s = new EscPosStatus.Splitter();
        List<Reply> out = new ArrayList<>();
        for (int b : bytes) {
            Reply r = s.feed(b);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
