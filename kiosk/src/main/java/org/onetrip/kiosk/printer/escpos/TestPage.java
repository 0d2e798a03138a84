package org.onetrip.kiosk.printer.escpos;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/**
 * The technician's test page ({@code print-test}): every style the receipts use, Chinese text
 * (GB2312 and GBK-only characters), a rare character drawn as a raster, a column ruler, and the
 * same QR code native and as a raster, whatever the profile says, so one page shows which of the
 * printer's abilities work. Pure.
 */
public final class TestPage {
    /**
     * What the two QR codes on the test page carry. ASCII on purpose: a printer's native QR has no
     * ECI, so a phone must guess the charset of non-ASCII bytes and often guesses Latin-1.
     */
    public static final String QR_DATA = "ONETRIP PRINT TEST 0123456789";

    private TestPage() {
    }

    public static byte[] build(PrinterProfile profile, String kioskId, ZonedDateTime now) {
        int cols = profile.columns();
        EscPosEncoder e = new EscPosEncoder(profile.hanziFont());
        e.init().chineseMode(true).align(Align.CENTER)
                .bold(true).size(2, 2).line("打印测试").size(1, 1).line("OneTrip printer test").bold(false)
                .line(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(now));
        wrapped(e, kioskId, cols);
        e.line("-".repeat(cols)).align(Align.LEFT);
        wrapped(e, "paper " + profile.paperWidthMm() + " mm, " + cols + " columns, " + profile.paperDots() + " dots",
                cols);
        wrapped(e, "cut " + profile.cut() + ", native QR " + (profile.nativeQr() ? "yes" : "no") + ", font "
                + profile.hanziFont(), cols);
        // The ruler's last digit must be the last column: a shorter line means the wrong width.
        StringBuilder ruler = new StringBuilder();
        for (int i = 1; i <= cols; i++) {
            ruler.append(i % 10);
        }
        e.line(ruler.toString()).line("-".repeat(cols));

        e.line("左对齐 left").align(Align.CENTER).line("居中 centre").align(Align.RIGHT).line("右对齐 right")
                .align(Align.LEFT);
        e.bold(true).line("粗体 bold").bold(false);
        e.underline(1).line("下划线 underline 1").underline(2).line("下划线 underline 2").underline(0);
        e.size(2, 1).line("倍宽 2x1").size(1, 2).line("倍高 1x2").size(2, 2).line("倍大 2x2")
                .size(3, 3).line("3x3").size(1, 1);
        e.printMode(EscPos.MODE_DOUBLE_HEIGHT | EscPos.MODE_DOUBLE_WIDTH).line("ESC ! 0x30").printMode(0);
        e.line("-".repeat(cols));

        e.line("中文：一站式政务自助服务终端");
        e.line("GBK 字：喆 堃 镕 昇 珺");
        wrapped(e, "自动换行 wrapping: 请携带居民身份证原件 (Original resident ID card) 及复印件一份。", cols);
        e.line("图像字 raster text:");
        e.rasterText("生僻字 𠀾 (raster)", 1, 1, false, profile.paperDots());
        e.line("-".repeat(cols));

        e.align(Align.CENTER).line("原生二维码 native QR").lf();
        e.qr(QR_DATA, profile.qrModuleDots(), QrLevel.M).lf();
        e.line("图像二维码 raster QR").lf();
        e.rasterQr(QR_DATA, profile.qrModuleDots(), QrLevel.M).lf();
        e.line("两个二维码都应能扫出同样内容").line("Both codes should scan the same");
        e.cut(profile.cut(), profile.feedBeforeCut());
        return e.toBytes();
    }

    private static void wrapped(EscPosEncoder e, String text, int cols) {
        for (String line : TextWidth.wrap(text, cols)) {
            e.line(line);
        }
    }
}
