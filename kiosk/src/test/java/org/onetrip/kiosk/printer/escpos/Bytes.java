package org.onetrip.kiosk.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/** Test helpers for writing expected bytes readably. */
final class Bytes {
    private Bytes() {
    }

    /** {@code hex("1B 40")}: bytes from space-separated hex pairs. */
    static byte[] hex(String hex) {
        String h = hex.replaceAll("\\s+", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static byte[] gb(String text) {
        return text.getBytes(Charset.forName("GB18030"));
    }

    /** Concatenates byte arrays, strings as GB18030 text. */
    static byte[] of(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] a ? a : gb(p.toString());
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}
