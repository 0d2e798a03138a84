package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

class TestPageTest {

    @Test
    void hasEveryStyleChineseTextAndBothKindsOfQr() {
        PrinterProfile profile = PrinterProfile.forPaper(80).withNativeQr(false);
        byte[] page = TestPage.build(profile, "sim-kiosk-01", Receipts.FILED_AT);
        String hex = EscPos.hex(page);
        for (byte[] command : new byte[][] {
                EscPos.align(Align.LEFT), EscPos.align(Align.CENTER), EscPos.align(Align.RIGHT),
                EscPos.bold(true), EscPos.underline(1), EscPos.underline(2), EscPos.charSize(2, 1),
                EscPos.charSize(1, 2), EscPos.charSize(2, 2), EscPos.charSize(3, 3),
                EscPos.printMode(EscPos.MODE_DOUBLE_HEIGHT | EscPos.MODE_DOUBLE_WIDTH),
                EscPos.chineseModeOn(), EscPos.feedAndCut(profile.cut(), profile.feedBeforeCut())}) {
            assertThat(hex).contains(EscPos.hex(command));
        }
        byte[] qrData = TestPage.QR_DATA.getBytes(StandardCharsets.UTF_8);
        // Native even though the profile says the printer cannot: the page is there to find out.
        assertThat(hex).contains(EscPos.hex(EscPos.qr(qrData, profile.qrModuleDots(), QrLevel.M)));
        assertThat(hex).contains(EscPos.hex(EscPos.raster(BitImage.qr(qrData, QrLevel.M, profile.qrModuleDots()))));
        assertThat(new String(page, Gb18030.CHARSET)).contains("中文：一站式政务自助服务终端", "喆", "2025-03-14 09:26:41\nsim-kiosk-01\n",
                "123456789012345678901234567890123456789012345678\n");
    }

    @Test
    void bothQrCodesScanTheSameOnThePrintedPage() throws Exception {
        PrinterProfile profile = PrinterProfile.forPaper(58);
        BufferedImage paper = new EscPosRenderer(profile.paperDots())
                .render(TestPage.build(profile, "sim-kiosk-01", Receipts.FILED_AT));
        List<String> found = new ArrayList<>();
        for (int[] band : inkBands(paper)) {
            if (band[1] - band[0] > 100) { // text lines are at most 72 dots tall, the codes 145+
                BufferedImage code = paper.getSubimage(0, band[0], paper.getWidth(), band[1] - band[0]);
                found.add(new QRCodeReader().decode(
                        EscPosRendererTest.bitmap(EscPosRendererTest.frame(code, 30))).getText());
            }
        }
        assertThat(found).containsExactly(TestPage.QR_DATA, TestPage.QR_DATA);
    }

    /** Runs of rows with ink, separated by blank rows: [first, end). */
    private static List<int[]> inkBands(BufferedImage img) {
        List<int[]> bands = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= img.getHeight(); y++) {
            boolean ink = false;
            for (int x = 0; y < img.getHeight() && x < img.getWidth() && !ink; x++) {
                ink = EscPosRendererTest.black(img, x, y);
            }
            if (ink && start < 0) {
                start = y;
            } else if (!ink && start >= 0) {
                bands.add(new int[] {start, y});
                start = -1;
            }
        }
        return bands;
    }
}
