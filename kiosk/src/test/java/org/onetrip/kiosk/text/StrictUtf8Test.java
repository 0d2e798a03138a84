package org.onetrip.kiosk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes that are not UTF-8 are refused with where they are, never turned into U+FFFD. */
class StrictUtf8Test {

    private static byte[] bytes(String before, int[] bad, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + bad.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < bad.length; i++) {
            out[a.length + i] = (byte) bad[i];
        }
        System.arraycopy(c, 0, out, a.length + bad.length, c.length);
        return out;
    }

    @Test
    void aBadByteIsReportedWithLineColumnAndOffset() {
        // "桐城" is six bytes; GBK's 城 (0xB3 0xC7) where UTF-8 was expected.
        byte[] b = bytes("a=1\nname=桐城", new int[] {0xB3, 0xC7}, "\n");
        StrictUtf8.MalformedTextException e = catchThrowableOfType(StrictUtf8.MalformedTextException.class,
                () -> StrictUtf8.decode(b, "site.properties"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.offset()).isEqualTo(15);
        assertThat(e).hasMessage("site.properties: line 2, column 8 (byte 15): byte 0xB3 is not UTF-8; save the file as UTF-8");
    }

    @Test
    void aTruncatedSequenceAtTheEndAndAnOverlongFormAreRefused() {
        assertThat(catchThrowableOfType(StrictUtf8.MalformedTextException.class,
                () -> StrictUtf8.decode(bytes("ok", new int[] {0xE6, 0xA1}, ""), "x")).offset()).isEqualTo(2);
        assertThat(catchThrowableOfType(StrictUtf8.MalformedTextException.class,
                () -> StrictUtf8.decode(bytes("", new int[] {0xC0, 0xAF}, ""), "x")).offset()).isZero();
    }

    @Test
    void goodTextPassesAndAByteOrderMarkIsDropped() {
        assertThat(StrictUtf8.decode("桐城 𠀀".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo("桐城 𠀀");
        assertThat(StrictUtf8.decode(bytes("", new int[] {0xEF, 0xBB, 0xBF}, "a=1"), "x")).isEqualTo("a=1");
    }
}
