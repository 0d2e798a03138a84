package org.onetrip.kiosk.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a printer in Chinese mode ({@code FS &}) takes it: ASCII as one byte, everything else
 * as a GB18030 two-byte code. A printer's font has no four-byte GB18030 codes (CJK extensions,
 * many rare name characters such as 𠀾), and the cheapest fonts have only GB2312, so such
 * characters are reported by {@link #unprintable} and the layout draws their line as a raster.
 */
public final class Gb18030 {
    public static final Charset CHARSET = Charset.forName("GB18030");

    /** Which two-byte codes the printer's built-in Hanzi font has glyphs for. */
    public enum HanziFont {
        /**
         * GB2312 only: rows A1-A9 (symbols) and B0-F7 (6,763 Hanzi), trail bytes A1-FE. Common in
         * 58 mm printers; 镕, 喆, 堃 and many other name characters are missing.
         */
        GB2312,
        /** Every GBK/GB18030 two-byte code (lead 81-FE, trail 40-FE). Most 80 mm printers. */
        GBK
    }

    /** The byte written in place of a character the printer cannot print. */
    public static final byte REPLACEMENT = '?';

    private Gb18030() {
    }

    /**
     * The bytes for {@code text}: control characters become spaces (so data can never inject a
     * command), and characters that are not {@link #printable} become {@code ?}.
     */
    public static byte[] encode(String text, HanziFont font) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        CharsetEncoder enc = newEncoder();
        text.codePoints().forEach(cp -> {
            if (isControl(cp)) {
                out.write(' ');
                return;
            }
            byte[] b = encode(enc, cp);
            if (b == null || !printable(b, font)) {
                out.write(REPLACEMENT);
            } else {
                out.write(b, 0, b.length);
            }
        });
        return out.toByteArray();
    }

    /** Whether the printer prints {@code codePoint} from its own font. */
    public static boolean printable(int codePoint, HanziFont font) {
        if (isControl(codePoint)) {
            return false;
        }
        byte[] b = encode(newEncoder(), codePoint);
        return b != null && printable(b, font);
    }

    /** The distinct characters of {@code text} the printer cannot print, in order of appearance. */
    public static List<String> unprintable(String text, HanziFont font) {
        List<String> out = new ArrayList<>();
        CharsetEncoder enc = newEncoder();
        text.codePoints().forEach(cp -> {
            if (isControl(cp)) {
                return; // written as a space, not a reason to rasterise
            }
            byte[] b = encode(enc, cp);
            String s = new String(Character.toChars(cp));
            if ((b == null || !printable(b, font)) && !out.contains(s)) {
                out.add(s);
            }
        });
        return out;
    }

    private static boolean printable(byte[] b, HanziFont font) {
        if (b.length == 1) {
            return (b[0] & 0xFF) < 0x80;
        }
        if (b.length != 2) {
            return false; // four-byte GB18030: not in any printer font
        }
        int lead = b[0] & 0xFF;
        int trail = b[1] & 0xFF;
        return switch (font) {
            case GBK -> lead >= 0x81 && lead <= 0xFE && trail >= 0x40 && trail <= 0xFE && trail != 0x7F;
            case GB2312 -> ((lead >= 0xA1 && lead <= 0xA9) || (lead >= 0xB0 && lead <= 0xF7))
                    && trail >= 0xA1 && trail <= 0xFE;
        };
    }

    /** C0, DEL and C1 controls: never sent as text, since 10, 1B, 1C, 1D start commands. */
    static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    }

    private static CharsetEncoder newEncoder() {
        return CHARSET.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static byte[] encode(CharsetEncoder enc, int codePoint) {
        try {
            enc.reset();
            ByteBuffer bb = enc.encode(CharBuffer.wrap(Character.toChars(codePoint)));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            return null; // lone surrogate or unmappable: reported as unprintable
        }
    }
}
