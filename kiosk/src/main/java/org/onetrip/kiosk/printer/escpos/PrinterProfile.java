package org.onetrip.kiosk.printer.escpos;

import java.util.Objects;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/**
 * What a particular printer model can do and how receipts are laid out for it. Start from
 * {@link #forPaper(int)} and change what differs:
 * <pre>{@code PrinterProfile.forPaper(58).withCut(Cut.NONE).withNativeQr(false)}</pre>
 *
 * @param paperWidthMm 58 or 80
 * @param cut how the receipt ends; many 58 mm printers only cut partially or have no cutter
 * @param nativeQr whether the printer draws QR codes itself ({@code GS ( k}); if not, the QR is
 *     sent as a raster image, several kilobytes instead of a few dozen bytes
 * @param qrModuleDots dots per QR module, native or raster
 * @param qrLevel QR error correction
 * @param hanziFont which two-byte codes the printer's font has
 * @param feedBeforeCut lines fed after the last text so it clears the cutter
 */
public record PrinterProfile(int paperWidthMm, Cut cut, boolean nativeQr, int qrModuleDots, QrLevel qrLevel,
        Gb18030.HanziFont hanziFont, int feedBeforeCut) {

    public PrinterProfile {
        if (paperWidthMm != 58 && paperWidthMm != 80) {
            throw new IllegalArgumentException("paper width is 58 or 80 mm, not " + paperWidthMm);
        }
        Objects.requireNonNull(cut, "cut");
        Objects.requireNonNull(qrLevel, "qrLevel");
        Objects.requireNonNull(hanziFont, "hanziFont");
        if (qrModuleDots < 1 || qrModuleDots > 16) {
            throw new IllegalArgumentException("QR module size is 1..16 dots, not " + qrModuleDots);
        }
        if (feedBeforeCut < 0 || feedBeforeCut > 255) {
            throw new IllegalArgumentException("feed before cut is 0..255 lines, not " + feedBeforeCut);
        }
    }

    /** A typical printer for the paper: native QR, partial cut, GBK font. */
    public static PrinterProfile forPaper(int paperWidthMm) {
        return new PrinterProfile(paperWidthMm, Cut.PARTIAL, true, paperWidthMm == 80 ? 6 : 5, QrLevel.M,
                Gb18030.HanziFont.GBK, 4);
    }

    /** Printable dots across: 576 on 80 mm paper, 384 on 58 mm. */
    public int paperDots() {
        return paperWidthMm == 80 ? 576 : 384;
    }

    /** Columns of the 12-dot font: 48 on 80 mm, 32 on 58 mm. */
    public int columns() {
        return paperWidthMm == 80 ? TextWidth.COLUMNS_80MM : TextWidth.COLUMNS_58MM;
    }

    public PrinterProfile withCut(Cut c) {
        return new PrinterProfile(paperWidthMm, c, nativeQr, qrModuleDots, qrLevel, hanziFont, feedBeforeCut);
    }

    public PrinterProfile withNativeQr(boolean n) {
        return new PrinterProfile(paperWidthMm, cut, n, qrModuleDots, qrLevel, hanziFont, feedBeforeCut);
    }

    public PrinterProfile withQrModuleDots(int dots) {
        return new PrinterProfile(paperWidthMm, cut, nativeQr, dots, qrLevel, hanziFont, feedBeforeCut);
    }

    public PrinterProfile withHanziFont(Gb18030.HanziFont f) {
        return new PrinterProfile(paperWidthMm, cut, nativeQr, qrModuleDots, qrLevel, f, feedBeforeCut);
    }
}
