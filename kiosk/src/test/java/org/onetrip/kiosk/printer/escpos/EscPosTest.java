package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/** Golden bytes for every command, from shared/reference/escpos.md. */
class EscPosTest {

    @Test
    void basics() {
        assertArrayEquals(hex("1B 40"), EscPos.init());
        assertArrayEquals(hex("1B 74 00"), EscPos.codePage(0));
        assertArrayEquals(hex("1B 61 00"), EscPos.align(Align.LEFT));
        assertArrayEquals(hex("1B 61 01"), EscPos.align(Align.CENTER));
        assertArrayEquals(hex("1B 61 02"), EscPos.align(Align.RIGHT));
        assertArrayEquals(hex("1B 45 01"), EscPos.bold(true));
        assertArrayEquals(hex("1B 45 00"), EscPos.bold(false));
        assertArrayEquals(hex("1B 2D 00"), EscPos.underline(0));
        assertArrayEquals(hex("1B 2D 01"), EscPos.underline(1));
        assertArrayEquals(hex("1B 2D 02"), EscPos.underline(2));
        assertArrayEquals(hex("0A"), EscPos.lineFeed());
        assertArrayEquals(hex("1B 64 03"), EscPos.feedLines(3));
    }

    @Test
    void printModeBits() {
        assertArrayEquals(hex("1B 21 00"), EscPos.printMode(0));
        assertArrayEquals(hex("1B 21 10"), EscPos.printMode(EscPos.MODE_DOUBLE_HEIGHT));
        assertArrayEquals(hex("1B 21 20"), EscPos.printMode(EscPos.MODE_DOUBLE_WIDTH));
        assertArrayEquals(hex("1B 21 B8"), EscPos.printMode(EscPos.MODE_DOUBLE_HEIGHT | EscPos.MODE_DOUBLE_WIDTH
                | EscPos.MODE_EMPHASIZED | EscPos.MODE_UNDERLINE));
    }

    @Test
    void characterSizeIsWidthInHighNibbleHeightInLow() {
        assertArrayEquals(hex("1D 21 00"), EscPos.charSize(1, 1));
        assertArrayEquals(hex("1D 21 11"), EscPos.charSize(2, 2));
        assertArrayEquals(hex("1D 21 10"), EscPos.charSize(2, 1));
        assertArrayEquals(hex("1D 21 01"), EscPos.charSize(1, 2));
        assertArrayEquals(hex("1D 21 77"), EscPos.charSize(8, 8));
        assertThatThrownBy(() -> EscPos.charSize(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscPos.charSize(1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cuts() {
        assertArrayEquals(hex("1D 56 00"), EscPos.cut(Cut.FULL));
        assertArrayEquals(hex("1D 56 01"), EscPos.cut(Cut.PARTIAL));
        assertArrayEquals(new byte[0], EscPos.cut(Cut.NONE));
        assertArrayEquals(hex("1D 56 41 04"), EscPos.feedAndCut(Cut.FULL, 4));
        assertArrayEquals(hex("1D 56 42 04"), EscPos.feedAndCut(Cut.PARTIAL, 4));
        // No cutter: the feed alone, so the text clears the tear bar.
        assertArrayEquals(hex("1B 64 04"), EscPos.feedAndCut(Cut.NONE, 4));
    }

    @Test
    void chineseMode() {
        assertArrayEquals(hex("1C 26"), EscPos.chineseModeOn());
        assertArrayEquals(hex("1C 2E"), EscPos.chineseModeOff());
    }

    @Test
    void qrStepByStep() {
        assertArrayEquals(hex("1D 28 6B 04 00 31 41 32 00"), EscPos.qrModel2());
        assertArrayEquals(hex("1D 28 6B 03 00 31 43 08"), EscPos.qrModuleSize(8));
        assertArrayEquals(hex("1D 28 6B 03 00 31 45 30"), EscPos.qrErrorLevel(QrLevel.L));
        assertArrayEquals(hex("1D 28 6B 03 00 31 45 31"), EscPos.qrErrorLevel(QrLevel.M));
        assertArrayEquals(hex("1D 28 6B 03 00 31 45 32"), EscPos.qrErrorLevel(QrLevel.Q));
        assertArrayEquals(hex("1D 28 6B 03 00 31 45 33"), EscPos.qrErrorLevel(QrLevel.H));
        assertArrayEquals(hex("1D 28 6B 03 00 31 51 30"), EscPos.qrPrint());
    }

    @Test
    void nativeQrTestVectorFromTheReference() {
        byte[] expected = hex("1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 03 1D 28 6B 03 00 31 45 30"
                + "1D 28 6B 07 00 31 50 30 31 32 33 34 1D 28 6B 03 00 31 51 30");
        assertArrayEquals(expected, EscPos.qr("1234".getBytes(StandardCharsets.US_ASCII), 3, QrLevel.L));
        assertArrayEquals(expected, new EscPosEncoder().qr("1234", 3, QrLevel.L).toBytes());
    }

    @Test
    void qrLengthCountsBytesNotCharacters() {
        // 22 characters but 30 bytes in UTF-8: each of the 4 Chinese characters is 3 bytes.
        String url = "https://例子.中国/s?t=1234";
        byte[] data = url.getBytes(StandardCharsets.UTF_8);
        assertThat(url.length()).isEqualTo(22);
        assertThat(data.length).isEqualTo(30);
        byte[] store = EscPos.qrStore(data);
        assertArrayEquals(hex("1D 28 6B 21 00 31 50 30"), java.util.Arrays.copyOf(store, 8));
        assertThat(store).hasSize(8 + 30);
        byte[] job = new EscPosEncoder().qr(url, 4, QrLevel.M).toBytes();
        assertThat(EscPos.hex(job)).contains("1D 28 6B 21 00 31 50 30");
    }

    @Test
    void qrLengthAbove255UsesTheHighByte() {
        byte[] data = new byte[300];
        java.util.Arrays.fill(data, (byte) 'A');
        byte[] store = EscPos.qrStore(data);
        // 303 = 0x012F
        assertArrayEquals(hex("1D 28 6B 2F 01 31 50 30"), java.util.Arrays.copyOf(store, 8));
        assertThatThrownBy(() -> EscPos.qrStore(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscPos.qrStore(new byte[EscPos.QR_MAX_DATA + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscPos.qrModuleSize(17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rasterHeaderAndData() {
        // 10 dots wide, 2 rows: 2 bytes per row. Row 0: leftmost dot and dot 9; row 1: dots 1-8.
        BitImage img = new BitImage(10, 2, hex("80 40 7F 80"));
        assertArrayEquals(hex("1D 76 30 00 02 00 02 00 80 40 7F 80"), EscPos.raster(img));
    }

    @Test
    void rasterSizesAreLittleEndian() {
        BitImage img = BitImage.blank(8 * 300, 260);
        byte[] b = EscPos.raster(img);
        assertArrayEquals(hex("1D 76 30 00 2C 01 04 01"), java.util.Arrays.copyOf(b, 8));
        assertThat(b).hasSize(8 + 300 * 260);
    }

    @Test
    void statusRequests() {
        assertArrayEquals(hex("10 04 01"), EscPos.statusRequest(1));
        assertArrayEquals(hex("10 04 02"), EscPos.statusRequest(2));
        assertArrayEquals(hex("10 04 03"), EscPos.statusRequest(3));
        assertArrayEquals(hex("10 04 04"), EscPos.statusRequest(4));
        assertThatThrownBy(() -> EscPos.statusRequest(5)).isInstanceOf(IllegalArgumentException.class);
        assertArrayEquals(hex("1D 61 00"), EscPos.automaticStatusBack(0));
        assertArrayEquals(hex("1D 61 0E"), EscPos.automaticStatusBack(0x0E));
    }
}
