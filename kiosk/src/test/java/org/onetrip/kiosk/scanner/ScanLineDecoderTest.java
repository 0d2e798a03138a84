package org.onetrip.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onetrip.kiosk.scanner.ScanLineDecoder.Line;
import org.onetrip.kiosk.scanner.ScanLineDecoder.Reason;
import org.onetrip.kiosk.scanner.ScanLineDecoder.Suffix;

/** The serial scanner's line decoding, byte for byte, with time passed in. */
class ScanLineDecoderTest {
    private static final String URL = "http://127.0.0.1:8311/status/q1HZQ8fmDXlQaiKvNxqYbTpZ";
    private static final long MS = 1_000_000L;
    private static final Duration PARTIAL = Duration.ofMillis(500);

    private static ScanLineDecoder decoder(Suffix suffix) {
        return new ScanLineDecoder(new byte[0], suffix, 512, PARTIAL);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Line> feed(ScanLineDecoder d, String s, long atMs) {
        byte[] b = bytes(s);
        return d.feed(b, 0, b.length, atMs * MS);
    }

    private static Line payload(String s) {
        return new Line.Payload(s);
    }

    @ParameterizedTest
    @EnumSource(Suffix.class)
    void eachSuffixEndsALine(Suffix suffix) {
        ScanLineDecoder d = decoder(suffix);
        String end = new String(suffix.bytes(), StandardCharsets.US_ASCII);

        assertThat(feed(d, URL + end + "second" + end, 0)).containsExactly(payload(URL), payload("second"));
        assertThat(d.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Suffix.class)
    void aLineSplitAcrossReadsIsOneCode(Suffix suffix) {
        ScanLineDecoder d = decoder(suffix);
        byte[] all = bytes(URL + new String(suffix.bytes(), StandardCharsets.US_ASCII));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            out.addAll(d.feed(all, i, 1, i * 2 * MS)); // a byte every 2 ms, as a slow USB bridge might
        }
        assertThat(out).containsExactly(payload(URL));
    }

    @Test
    void crLfFromTheScannerAlsoWorksWithEitherSingleSuffix() {
        assertThat(feed(decoder(Suffix.CR), "a1\r\nb2\r\n", 0)).containsExactly(payload("a1"), payload("b2"));
        assertThat(feed(decoder(Suffix.LF), "a1\r\nb2\r\n", 0)).containsExactly(payload("a1"), payload("b2"));
    }

    @Test
    void withCrLfALoneCrOrLfIsNoLineEnd() {
        ScanLineDecoder d = decoder(Suffix.CRLF);
        assertThat(feed(d, "ab\rcd\r\n", 0)).containsExactly(new Line.Dropped(Reason.NOT_TEXT, 7));
        assertThat(feed(d, "ab\ncd\r\n", 0)).containsExactly(new Line.Dropped(Reason.NOT_TEXT, 7));
    }

    @Test
    void blankLinesAreSkippedSilently() {
        assertThat(feed(decoder(Suffix.CR), "\r\r\rx\r", 0)).containsExactly(payload("x"));
    }

    @Test
    void aPayloadOfExactlyTheLimitPassesAndOneByteMoreIsDroppedWithTheRestOfItsLine() {
        ScanLineDecoder d = decoder(Suffix.CR);
        String max = "a".repeat(512);
        assertThat(feed(d, max + "\r", 0)).containsExactly(payload(max));
        assertThat(feed(d, max + "b\r", 0)).containsExactly(new Line.Dropped(Reason.TOO_LONG, 514));
        assertThat(feed(d, "x".repeat(5000) + "\r" + URL + "\r", 0))
                .containsExactly(new Line.Dropped(Reason.TOO_LONG, 5001), payload(URL));
    }

    @Test
    void anOverlongLineWithCrLfIsDroppedAtItsCrLf() {
        ScanLineDecoder d = decoder(Suffix.CRLF);
        assertThat(feed(d, "x".repeat(700) + "\r\n" + URL + "\r\n", 0))
                .containsExactly(new Line.Dropped(Reason.TOO_LONG, 702), payload(URL));
    }

    @Test
    void binaryGarbageIsDroppedAndTheNextCodeStillComes() {
        ScanLineDecoder d = decoder(Suffix.CR);
        byte[] garbage = {0x02, (byte) 0xFF, (byte) 0xFE, 0x00, 0x41, 0x1B, 0x7F, '\r'};
        assertThat(d.feed(garbage, 0, garbage.length, 0)).containsExactly(new Line.Dropped(Reason.NOT_TEXT, 8));
        byte[] badUtf8 = {'h', 't', (byte) 0xC3, '(', '\r'};
        assertThat(d.feed(badUtf8, 0, badUtf8.length, 0)).containsExactly(new Line.Dropped(Reason.NOT_TEXT, 5));
        assertThat(feed(d, "tab\there\r", 0)).containsExactly(new Line.Dropped(Reason.NOT_TEXT, 9));
        assertThat(feed(d, URL + "\r", 0)).containsExactly(payload(URL));
    }

    @Test
    void utf8TextIsAPayload() {
        assertThat(feed(decoder(Suffix.CR), "桐城街道\r", 0)).containsExactly(payload("桐城街道"));
    }

    @Test
    void aLineThatStopsHalfWayIsDroppedAfterThePartialTimeoutAndNotGluedToTheNext() {
        ScanLineDecoder d = decoder(Suffix.CR);
        assertThat(feed(d, "http://127.0.0.1:83", 1000)).isEmpty();
        assertThat(d.idle(1499 * MS)).isEmpty();
        assertThat(d.idle(1500 * MS)).containsExactly(new Line.Dropped(Reason.PARTIAL, 19));
        assertThat(feed(d, URL + "\r", 1600)).containsExactly(payload(URL));
    }

    @Test
    void aStalePartialLineIsDroppedWhenTheNextBytesArriveLate() {
        ScanLineDecoder d = decoder(Suffix.CR);
        assertThat(feed(d, "cut-o", 0)).isEmpty();
        assertThat(feed(d, URL + "\r", 800)).containsExactly(new Line.Dropped(Reason.PARTIAL, 5), payload(URL));
    }

    @Test
    void discardForgetsAnUnfinishedLine() {
        ScanLineDecoder d = decoder(Suffix.CR);
        feed(d, "half", 0);
        assertThat(d.discard()).isEqualTo(4);
        assertThat(feed(d, "whole\r", 1)).containsExactly(payload("whole"));
    }

    @Test
    void aConfiguredPrefixIsRequiredAndRemoved() {
        ScanLineDecoder d = new ScanLineDecoder(new byte[] {0x02, ']', 'Q'}, Suffix.CR, 512, PARTIAL);
        byte[] withPrefix = bytes("\u0002]Q" + URL + "\r");
        assertThat(d.feed(withPrefix, 0, withPrefix.length, 0)).containsExactly(payload(URL));
        assertThat(feed(d, URL + "\r", 0)).containsExactly(new Line.Dropped(Reason.NO_PREFIX, URL.length() + 1));
        byte[] onlyPrefix = bytes("\u0002]Q\r");
        assertThat(d.feed(onlyPrefix, 0, onlyPrefix.length, 0)).isEmpty();
    }

    @Test
    void randomNoiseNeverYieldsAPayloadThatIsNotCheckedText() {
        Random r = new Random(9600);
        ScanLineDecoder d = decoder(Suffix.CR);
        int payloads = 0;
        int dropped = 0;
        long t = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] chunk = new byte[1 + r.nextInt(64)];
            r.nextBytes(chunk);
            if (r.nextInt(4) == 0) {
                chunk[r.nextInt(chunk.length)] = '\r';
            }
            t += r.nextInt(700) * MS;
            for (Line l : d.feed(chunk, 0, chunk.length, t)) {
                if (l instanceof Line.Payload p) {
                    payloads++;
                    assertThat(ScanPayloads.acceptable(p.text())).as(p.text()).isTrue();
                    assertThat(p.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
                } else {
                    dropped++;
                }
            }
        }
        assertThat(dropped).isGreaterThan(1000);
        // Short printable runs between CRs do get through, as they would from a real scanner.
        assertThat(payloads).isGreaterThan(0);
    }
}
