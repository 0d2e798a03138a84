package org.onetrip.kiosk.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;
import org.onetrip.kiosk.printer.escpos.EscPos.Cut;
import org.onetrip.kiosk.printer.escpos.EscPos.QrLevel;

/**
 * Builds one print job from {@link EscPos} commands and text. Pure: it only collects bytes.
 * Text goes out as GB18030 for a printer in Chinese mode; characters the printer's font lacks come
 * out as {@code ?}, so a caller that cares checks {@link Gb18030#unprintable} first and uses
 * {@link #rasterText} for that line.
 */
public final class EscPosEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final Gb18030.HanziFont font;

    public EscPosEncoder(Gb18030.HanziFont font) {
        this.font = font;
    }

    public EscPosEncoder() {
        this(Gb18030.HanziFont.GBK);
    }

    public EscPosEncoder init() {
        return raw(EscPos.init());
    }

    public EscPosEncoder codePage(int n) {
        return raw(EscPos.codePage(n));
    }

    public EscPosEncoder align(Align align) {
        return raw(EscPos.align(align));
    }

    public EscPosEncoder bold(boolean on) {
        return raw(EscPos.bold(on));
    }

    public EscPosEncoder underline(int dots) {
        return raw(EscPos.underline(dots));
    }

    public EscPosEncoder printMode(int mode) {
        return raw(EscPos.printMode(mode));
    }

    public EscPosEncoder size(int width, int height) {
        return raw(EscPos.charSize(width, height));
    }

    public EscPosEncoder chineseMode(boolean on) {
        return raw(on ? EscPos.chineseModeOn() : EscPos.chineseModeOff());
    }

    /** Text without a line end; see the class comment for unprintable characters. */
    public EscPosEncoder text(String text) {
        return raw(Gb18030.encode(text, font));
    }

    /** Text and {@code LF}. */
    public EscPosEncoder line(String text) {
        return text(text).lf();
    }

    public EscPosEncoder lf() {
        return raw(EscPos.lineFeed());
    }

    public EscPosEncoder feed(int lines) {
        return raw(EscPos.feedLines(lines));
    }

    /** Feeds {@code lines} and cuts as the profile says ({@link Cut#NONE}: feed only). */
    public EscPosEncoder cut(Cut cut, int lines) {
        return raw(EscPos.feedAndCut(cut, lines));
    }

    /** A native QR code of {@code data}'s UTF-8 bytes. */
    public EscPosEncoder qr(String data, int moduleSize, QrLevel level) {
        return raw(EscPos.qr(data.getBytes(StandardCharsets.UTF_8), moduleSize, level));
    }

    /** The same QR code drawn as a raster image, for printers without {@code GS ( k}. */
    public EscPosEncoder rasterQr(String data, int moduleSize, QrLevel level) {
        return raster(BitImage.qr(data.getBytes(StandardCharsets.UTF_8), level, moduleSize));
    }

    public EscPosEncoder raster(BitImage image) {
        return raw(EscPos.raster(image));
    }

    /** A line of text drawn as a raster, for characters the printer's font lacks. */
    public EscPosEncoder rasterText(String text, int widthMul, int heightMul, boolean bold, int paperDots) {
        return raster(TextRaster.render(text, widthMul, heightMul, bold, paperDots));
    }

    public EscPosEncoder raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
