package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

class EscPosEncoderTest {

    @Test
    void aSmallJobByteForByte() {
        byte[] job = new EscPosEncoder()
                .init().chineseMode(true).align(Align.CENTER)
                .bold(true).size(2, 2).line("中文")
                .size(1, 1).bold(false).underline(1).line("A1").underline(0)
                .printMode(EscPos.MODE_DOUBLE_HEIGHT).text("x").printMode(0).lf()
                .feed(2).cut(Cut.PARTIAL, 3)
                .toBytes();
        assertArrayEquals(hex("1B 40 1C 26 1B 61 01 1B 45 01 1D 21 11 D6 D0 CE C4 0A"
                + "1D 21 00 1B 45 00 1B 2D 01 41 31 0A 1B 2D 00"
                + "1B 21 10 78 1B 21 00 0A 1B 64 02 1D 56 42 03"), job);
    }

    @Test
    void cutFollowsTheProfile() {
        assertArrayEquals(hex("1D 56 41 05"), new EscPosEncoder().cut(Cut.FULL, 5).toBytes());
        assertArrayEquals(hex("1B 64 05"), new EscPosEncoder().cut(Cut.NONE, 5).toBytes());
    }

    @Test
    void chineseModeOffAndCodePage() {
        assertArrayEquals(hex("1C 2E 1B 74 00"), new EscPosEncoder().chineseMode(false).codePage(0).toBytes());
    }

    @Test
    void unprintableCharacterBecomesAQuestionMarkInText() {
        assertArrayEquals(hex("D5 C5 3F 0A"), new EscPosEncoder().line("张𠀾").toBytes());
        assertArrayEquals(hex("CD F5 3F"),
                new EscPosEncoder(Gb18030.HanziFont.GB2312).text("王喆").toBytes());
    }

    @Test
    void rasterQrIsGsV0OfTheZxingMatrix() {
        String data = "1234";
        byte[] job = new EscPosEncoder().rasterQr(data, 2, QrLevel.L).toBytes();
        BitImage expected = BitImage.qr(data.getBytes(StandardCharsets.UTF_8), QrLevel.L, 2);
        assertArrayEquals(EscPos.raster(expected), job);
        // Version 1 is 21 modules: 42 dots, 6 bytes a row, 42 rows.
        assertArrayEquals(hex("1D 76 30 00 06 00 2A 00"), java.util.Arrays.copyOf(job, 8));
        assertThat(job).hasSize(8 + 6 * 42);
    }

    @Test
    void rasterTextIsOneLineOfCells() {
        byte[] job = new EscPosEncoder().rasterText("张𠀾", 1, 1, false, 576).toBytes();
        // Two wide characters: 48 dots (6 bytes) by 24 rows.
        assertArrayEquals(hex("1D 76 30 00 06 00 18 00"), java.util.Arrays.copyOf(job, 8));
        assertThat(job).hasSize(8 + 6 * 24);
        assertThat(java.util.Arrays.copyOfRange(job, 8, job.length)).as("some ink").isNotEqualTo(new byte[6 * 24]);
    }
}
