package org.onetrip.kiosk.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.Locale;

/**
 * Bytes to text, refusing what is not UTF-8 instead of turning it into U+FFFD: a file or line
 * with a bad byte is reported with where it is (line, column, byte offset and the bytes), so the
 * person who wrote it can fix it, and nothing is silently changed on the way to the store.
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** Not UTF-8; the message says where. */
    public static final class MalformedTextException extends IllegalArgumentException {
        private final int line;
        private final int column;
        private final long offset;

        MalformedTextException(String source, int line, int column, long offset, String bytes) {
            super(source + ": line " + line + ", column " + column + " (byte " + offset + "): " + bytes
                    + " is not UTF-8; save the file as UTF-8");
            this.line = line;
            this.column = column;
            this.offset = offset;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public long offset() {
            return offset;
        }
    }

    /** The text of {@code bytes} (a leading byte-order mark dropped); {@code source} names them in the error. */
    public static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            out.flip();
            String before = out.toString();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = before.codePointCount(lineStart, before.length()) + 1;
            StringBuilder hex = new StringBuilder("byte");
            hex.append(r.length() > 1 ? "s" : "");
            for (int i = 0; i < r.length() && at + i < bytes.length; i++) {
                hex.append(String.format(Locale.ROOT, " 0x%02X", bytes[at + i] & 0xFF));
            }
            throw new MalformedTextException(source, line, column, at, hex.toString());
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
