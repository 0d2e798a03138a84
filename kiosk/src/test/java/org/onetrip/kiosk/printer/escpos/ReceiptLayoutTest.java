package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/** Whole receipts, byte for byte, at both widths. */
class ReceiptLayoutTest {
    private static final byte[] START = hex("1B 40 1C 26 1B 61 01");
    private static final byte[] BIG = hex("1B 45 01 1D 21 11");
    private static final byte[] NORMAL = hex("1D 21 00 1B 45 00");
    private static final byte[] LEFT = hex("1B 61 00");
    private static final byte[] CENTRE = hex("1B 61 01");
    private static final byte[] PARTIAL_CUT_AFTER_4 = hex("1D 56 42 04");
    private static final String RULE_80 = "-".repeat(48) + "\n";
    private static final String RULE_58 = "-".repeat(32) + "\n";

    /** GS ( k for the test receipt's 51-byte URL: pL = 51 + 3 = 0x36. */
    private static byte[] nativeQr(int moduleDots) {
        return Bytes.of(hex("1D 28 6B 04 00 31 41 32 00"),
                hex("1D 28 6B 03 00 31 43 0" + moduleDots),
                hex("1D 28 6B 03 00 31 45 31"),
                hex("1D 28 6B 36 00 31 50 30"), Receipts.STATUS_URL.getBytes(StandardCharsets.US_ASCII),
                hex("1D 28 6B 03 00 31 51 30"));
    }

    @Test
    void typical80mmWithNativeQr() {
        assertThat(Receipts.STATUS_URL).hasSize(51);
        byte[] expected = Bytes.of(
                START,
                BIG, "桐城街道党群服务中心\n",
                NORMAL, "Tongcheng Subdistrict Party-Mass Service Centre\n",
                RULE_80,
                "回执号 Ticket\n",
                BIG, "A023\n", "3号窗口 户籍业务\n",
                NORMAL, "Window 3 - Household registration\n",
                RULE_80,
                LEFT,
                ReceiptLayout.SERVICE.zh() + "：居住证签注\n",
                "Service: Residence permit endorsement\n",
                "时间 Time：2025-03-14 09:26\n",
                "申请人 Applicant：张*\n",
                RULE_80,
                ReceiptLayout.DOCUMENTS.zh() + "：\n",
                "Please bring:\n",
                "1. 居民身份证原件\n",
                "   Original resident ID card\n",
                "2. 居住证\n",
                "   Residence permit\n",
                "3. 近期一寸免冠照片 1 张\n",
                "   One recent 1-inch photo\n",
                CENTRE,
                "\n", nativeQr(6), "\n",
                ReceiptLayout.SCAN.zh() + "\n",
                "Scan to follow your request\n",
                RULE_80,
                "窗口办理：工作日 8:00-12:00 14:30-17:30，\n",
                "自助服务 24 小时\n",
                "Windows open weekdays 8:00-12:00, 14:30-17:30;\n",
                "self-service 24 hours\n",
                "电话 Phone：0593-7800000\n",
                "自助机 Kiosk：sim-kiosk-01\n",
                PARTIAL_CUT_AFTER_4);
        byte[] actual = new ReceiptLayout(PrinterProfile.forPaper(80)).render(Receipts.typical());
        assertThat(new String(actual, Gb18030.CHARSET)).isEqualTo(new String(expected, Gb18030.CHARSET));
        assertArrayEquals(expected, actual);
    }

    /** The 58 mm receipt up to and including the QR command, then the rest. */
    private static byte[][] expected58() {
        byte[] head = Bytes.of(
                START,
                BIG, "桐城街道党群服务\n", "中心\n",
                NORMAL, "Tongcheng Subdistrict Party-Mass\n", "Service Centre\n",
                RULE_58,
                "回执号 Ticket\n",
                BIG, "A023\n", "3号窗口 户籍业务\n",
                NORMAL, "Window 3 - Household\n", "registration\n",
                RULE_58,
                LEFT,
                ReceiptLayout.SERVICE.zh() + "：居住证签注\n",
                "Service: Residence permit\n", "endorsement\n",
                "时间 Time：2025-03-14 09:26\n",
                "申请人 Applicant：张*\n",
                RULE_58,
                ReceiptLayout.DOCUMENTS.zh() + "：\n",
                "Please bring:\n",
                "1. 居民身份证原件\n",
                "   Original resident ID card\n",
                "2. 居住证\n",
                "   Residence permit\n",
                "3. 近期一寸免冠照片 1 张\n",
                "   One recent 1-inch photo\n",
                CENTRE,
                "\n");
        byte[] tail = Bytes.of(
                "\n",
                ReceiptLayout.SCAN.zh() + "\n",
                "Scan to follow your request\n",
                RULE_58,
                "窗口办理：工作日 8:00-12:00\n", "14:30-17:30，自助服务 24 小时\n",
                "Windows open weekdays\n", "8:00-12:00, 14:30-17:30;\n", "self-service 24 hours\n",
                "电话 Phone：0593-7800000\n",
                "自助机 Kiosk：sim-kiosk-01\n",
                PARTIAL_CUT_AFTER_4);
        return new byte[][] {head, tail};
    }

    @Test
    void typical58mmWithNativeQr() {
        byte[][] parts = expected58();
        byte[] expected = Bytes.of(parts[0], nativeQr(5), parts[1]);
        byte[] actual = new ReceiptLayout(PrinterProfile.forPaper(58)).render(Receipts.typical());
        assertThat(new String(actual, Gb18030.CHARSET)).isEqualTo(new String(expected, Gb18030.CHARSET));
        assertArrayEquals(expected, actual);
    }

    @Test
    void typical58mmWithRasterQr() {
        byte[][] parts = expected58();
        BitImage qr = BitImage.qr(Receipts.STATUS_URL.getBytes(StandardCharsets.US_ASCII), QrLevel.M, 5);
        byte[] expected = Bytes.of(parts[0], EscPos.raster(qr), parts[1]);
        byte[] actual = new ReceiptLayout(PrinterProfile.forPaper(58).withNativeQr(false)).render(Receipts.typical());
        assertArrayEquals(expected, actual);
        // 51 bytes at level M need version 4, 33 modules: 165 dots, 21 bytes a row, 165 rows.
        assertThat(EscPos.hex(EscPos.raster(qr))).startsWith("1D 76 30 00 15 00 A5 00");
        assertThat(EscPos.hex(actual)).doesNotContain("1D 28 6B");
    }

    @Test
    void typical80mmNativeStaysUnderOneAndAHalfKilobytes() {
        int nativeSize = new ReceiptLayout(PrinterProfile.forPaper(80)).size(Receipts.typical());
        int rasterSize = new ReceiptLayout(PrinterProfile.forPaper(80).withNativeQr(false)).size(Receipts.typical());
        // Measured: 968 bytes native, 5,834 bytes with the QR as a 198x198-dot raster (25 x 198 = 4,950).
        assertThat(nativeSize).isEqualTo(968).isLessThan(1536);
        assertThat(rasterSize).isEqualTo(nativeSize - nativeQr(6).length + 8 + 25 * 198).isEqualTo(5834);
    }

    @Test
    void chineseOnlyHasNoEnglishLines() {
        String text = new String(new ReceiptLayout(PrinterProfile.forPaper(80)).render(Receipts.chineseOnly()),
                Gb18030.CHARSET);
        assertThat(text).contains("回执号\n", "时间：2025-03-14 09:26\n", "申请人：张*\n", ReceiptLayout.DOCUMENTS.zh() + "：\n")
                .doesNotContain("Ticket", "Service", "Please bring", "Scan", "Tongcheng");
    }

    @Test
    void englishFirstChineseBeneath() {
        Receipt r = Receipts.typical(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, "Z* W*");
        String text = new String(new ReceiptLayout(PrinterProfile.forPaper(80)).render(r), Gb18030.CHARSET);
        assertThat(text).contains(
                "Ticket 回执号\n",
                "Service: Residence permit endorsement\n" + ReceiptLayout.SERVICE.zh() + "：居住证签注\n",
                "Time 时间: 2025-03-14 09:26\n",
                "Applicant 申请人: Z* W*\n",
                "1. Original resident ID card\n   居民身份证原件\n",
                "Scan to follow your request\n" + ReceiptLayout.SCAN.zh() + "\n");
    }

    @Test
    void cutAsTheProfileSays() {
        Receipt r = Receipts.typical();
        byte[] full = new ReceiptLayout(PrinterProfile.forPaper(80).withCut(Cut.FULL)).render(r);
        byte[] none = new ReceiptLayout(PrinterProfile.forPaper(80).withCut(Cut.NONE)).render(r);
        assertArrayEquals(hex("1D 56 41 04"), Arrays.copyOfRange(full, full.length - 4, full.length));
        assertArrayEquals(hex("0A 1B 64 04"), Arrays.copyOfRange(none, none.length - 4, none.length));
        assertThat(EscPos.hex(none)).doesNotContain("1D 56");
    }

    @Test
    void aNameTheFontLacksIsPrintedAsARasterLine() {
        // 𠀾 is a four-byte GB18030 character: the printer would print "?" or garbage.
        Receipt r = Receipts.typical(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, "𠀾*");
        byte[] job = new ReceiptLayout(PrinterProfile.forPaper(80)).render(r);
        String text = new String(job, Gb18030.CHARSET);
        assertThat(text).doesNotContain("申请人 Applicant");
        // The line is 21 columns (申请人 6 + space 1 + Applicant 9 + ： 2 + 𠀾 2 + * 1): 252 dots,
        // 32 bytes a row, 24 rows.
        byte[] line = EscPos.raster(TextRaster.render("申请人 Applicant：𠀾*", 1, 1, false, 576));
        assertThat(EscPos.hex(line)).startsWith("1D 76 30 00 20 00 18 00");
        assertThat(EscPos.hex(job)).contains(EscPos.hex(line));
        // The lines around it are still text.
        assertThat(text).contains("时间 Time：2025-03-14 09:26\n");
    }

    @Test
    void gb2312PrinterGetsGbkOnlyCharactersAsRaster() {
        Receipt r = Receipts.typical(Locale.SIMPLIFIED_CHINESE, null, "喆*");
        byte[] gbk = new ReceiptLayout(PrinterProfile.forPaper(80)).render(r);
        byte[] gb2312 = new ReceiptLayout(PrinterProfile.forPaper(80).withHanziFont(Gb18030.HanziFont.GB2312))
                .render(r);
        assertThat(new String(gbk, Gb18030.CHARSET)).contains("申请人：喆*\n");
        assertThat(new String(gb2312, Gb18030.CHARSET)).doesNotContain("申请人：");
    }

    // ---- a proxy filing: the agent on the receipt

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(needle, Gb18030.CHARSET));
    }

    /** The receipt of the same request without an agent, with {@code agentLines} after {@code after}. */
    private static byte[] withLinesAfter(byte[] plain, String after, Object... agentLines) {
        byte[] anchor = Bytes.gb(after);
        int at = indexOf(plain, anchor) + anchor.length;
        return Bytes.of(Arrays.copyOfRange(plain, 0, at), Bytes.of(agentLines), Arrays.copyOfRange(plain, at, plain.length));
    }

    @ParameterizedTest(name = "{0} mm")
    @ValueSource(ints = {58, 80})
    void aProxyReceiptPrintsTheAgentsMaskedNameAndVillageInBothLanguages(int mm) {
        ReceiptLayout layout = new ReceiptLayout(PrinterProfile.forPaper(mm));
        byte[] plain = layout.render(Receipts.typical(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, "欧***"));
        byte[] expected = withLinesAfter(plain, "申请人 Applicant：欧***\n",
                "代办员 Proxy agent：詹**\n",
                "代办员所在村（社区）：柯岭村\n",
                "Agent's village: Keling Village\n");
        byte[] actual = layout.render(Receipts.proxy(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        assertThat(new String(actual, Gb18030.CHARSET)).isEqualTo(new String(expected, Gb18030.CHARSET));
        assertArrayEquals(expected, actual);
    }

    @Test
    void anEnglishProxyReceiptHasTheVillageInEnglishFirst() {
        ReceiptLayout layout = new ReceiptLayout(PrinterProfile.forPaper(80));
        byte[] plain = layout.render(Receipts.typical(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, "欧***"));
        byte[] expected = withLinesAfter(plain, "Applicant 申请人: 欧***\n",
                "Proxy agent 代办员: 詹**\n",
                "Agent's village: Keling Village\n",
                "代办员所在村（社区）：柯岭村\n");
        assertArrayEquals(expected, layout.render(Receipts.proxy(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void aChineseOnlyProxyReceiptHasOneVillageLineAndNoWholeName() {
        String text = new String(new ReceiptLayout(PrinterProfile.forPaper(58)).render(Receipts.proxy(Locale.SIMPLIFIED_CHINESE,
                null)), Gb18030.CHARSET);
        assertThat(text).contains("申请人：欧***\n代办员：詹**\n代办员所在村（社区）：柯岭村\n")
                .doesNotContain("Keling", "詹照明", "欧阳秀英");
    }

    /**
     * The paper names its number as every screen does: 回执号 / Ticket. It said 排队号 (a queue number
     * to be called, which it is not: a request filed at 2 a.m. queues for nothing), while the status
     * screen and the window staff ask for the 回执号 (screens review 2, finding 9).
     */
    @Test
    void theReceiptNamesItsNumberAsTheScreensDo() {
        for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH}) {
            org.onetrip.kiosk.ui.Texts t = new org.onetrip.kiosk.ui.Texts(l);
            String word = t.get("status.ticket");
            assertThat(l.getLanguage().equals("zh") ? ReceiptLayout.TICKET.zh() : ReceiptLayout.TICKET.en()).isEqualTo(word);
            assertThat(t.get("done.ticket")).containsIgnoringCase(word);
            assertThat(t.get("elders.done.ticket")).containsIgnoringCase(word);
        }
    }
}
