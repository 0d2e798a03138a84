package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.Gb18030.HanziFont;

class Gb18030Test {

    @Test
    void twoByteCodes() {
        assertArrayEquals(hex("D6 D0"), Gb18030.encode("中", HanziFont.GBK));
        assertArrayEquals(hex("CE C4"), Gb18030.encode("文", HanziFont.GBK));
        assertArrayEquals(hex("D6 D0 CE C4"), Gb18030.encode("中文", HanziFont.GBK));
        assertArrayEquals(hex("A3 BA"), Gb18030.encode("：", HanziFont.GBK)); // full-width colon
        assertArrayEquals(hex("A1 A4"), Gb18030.encode("·", HanziFont.GBK));
    }

    @Test
    void asciiIsOneByteEach() {
        assertArrayEquals(hex("41 31 20 2D"), Gb18030.encode("A1 -", HanziFont.GBK));
        assertArrayEquals(hex("33 BA C5 B4 B0 BF DA"), Gb18030.encode("3号窗口", HanziFont.GBK));
    }

    @Test
    void controlCharactersNeverReachThePrinterAsCommands() {
        // ESC @ inside data would reset the printer; GS V would cut.
        assertArrayEquals(hex("20 40 20 56 20"), Gb18030.encode("\u001B@\u001DV\n", HanziFont.GBK));
    }

    @Test
    void fourByteAndUnmappableCharactersAreReported() {
        // 𠀾 (U+2003E, CJK Extension B) is 95 32 88 38 in GB18030: no printer font has it.
        assertThat(Gb18030.unprintable("张𠀾", HanziFont.GBK)).containsExactly("𠀾");
        assertArrayEquals(hex("D5 C5 3F"), Gb18030.encode("张𠀾", HanziFont.GBK));
        // U+3400 (Extension A) is four bytes too.
        assertThat(Gb18030.printable(0x3400, HanziFont.GBK)).isFalse();
        // A lone surrogate cannot be encoded at all.
        assertThat(Gb18030.unprintable("a\uD800b", HanziFont.GBK)).containsExactly("\uD800");
        assertThat(Gb18030.unprintable("身份证 ID card", HanziFont.GBK)).isEmpty();
    }

    @Test
    void gb2312FontLacksGbkOnlyCharacters() {
        // 喆 is 86 B4: a GBK code outside GB2312, common in names.
        assertThat(Gb18030.printable('喆', HanziFont.GBK)).isTrue();
        assertThat(Gb18030.printable('喆', HanziFont.GB2312)).isFalse();
        assertThat(Gb18030.printable('中', HanziFont.GB2312)).isTrue();
        assertThat(Gb18030.printable('：', HanziFont.GB2312)).isTrue();
        assertThat(Gb18030.unprintable("王喆", HanziFont.GB2312)).containsExactly("喆");
    }
}
