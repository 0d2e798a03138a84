package org.onetrip.kiosk.scanner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Bytes from a serial QR scanner in, checked payloads out. Pure: no I/O, no threads, time passed
 * in, so it is tested byte for byte.
 *
 * <p>A serial scanner in its factory setting sends each code as {@code [prefix] payload suffix},
 * the suffix being CR, LF or CR LF as configured in the scanner (and in {@code suffix=}). The
 * payload is taken as UTF-8. CR and LF bytes before a line's first byte are skipped, and with
 * {@code LF} a CR before it is removed, so a scanner sending CR LF also works with either single
 * suffix. A line is dropped, never passed on, when it
 * <ul>
 * <li>is longer than {@link #maxPayloadBytes()} (the scanner's limit; the rest of it up to the next
 *     suffix is skipped),</li>
 * <li>is not printable UTF-8 text (binary garbage, line noise, a wrong baud rate),</li>
 * <li>does not start with the configured prefix,</li>
 * <li>stops without a suffix: no byte for {@link #partialTimeout()} (a scanner sends a code in one
 *     burst; a line that stops half way was cut by an unplug or noise, and must not be glued to
 *     the next code).</li>
 * </ul>
 * Every drop is reported as a {@link Line.Dropped} with the reason and the length, never the
 * content, so the caller can log it without logging what was scanned.
 */
public final class ScanLineDecoder {

    /** The scanner's line end. */
    public enum Suffix {
        CR(new byte[] {'\r'}), LF(new byte[] {'\n'}), CRLF(new byte[] {'\r', '\n'});

        private final byte[] bytes;

        Suffix(byte[] bytes) {
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@code CR}, {@code LF} or {@code CRLF}, any case; null for anything else. */
        public static Suffix parse(String s) {
            try {
                return s == null ? null : valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Why a line was dropped. */
    public enum Reason { TOO_LONG, NOT_TEXT, NO_PREFIX, PARTIAL }

    /** One line's fate. */
    public sealed interface Line {
        /** A checked payload, prefix and suffix removed. */
        record Payload(String text) implements Line {
        }

        /** A line that was not passed on; {@code bytes} counts what arrived of it, prefix included. */
        record Dropped(Reason reason, int bytes) implements Line {
        }
    }

    private final byte[] prefix;
    private final byte[] suffix;
    private final int maxPayloadBytes;
    private final long partialTimeoutNanos;
    private final byte[] line;
    private int length;
    /** Bytes of the current line, including any skipped beyond the limit. */
    private int seen;
    private long lastByteNanos;
    /** The byte before the current one, for a two-byte suffix (kept even when the line overflows). */
    private byte previous;

    /**
     * @param prefix          bytes every line starts with (empty for none)
     * @param suffix          the line end
     * @param maxPayloadBytes the longest payload passed on, in bytes
     * @param partialTimeout  silence after which an unfinished line is dropped
     */
    public ScanLineDecoder(byte[] prefix, Suffix suffix, int maxPayloadBytes, Duration partialTimeout) {
        this.prefix = prefix == null ? new byte[0] : prefix.clone();
        this.suffix = Objects.requireNonNull(suffix, "suffix").bytes();
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.partialTimeoutNanos = partialTimeout.toNanos();
        this.line = new byte[this.prefix.length + maxPayloadBytes + this.suffix.length];
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public Duration partialTimeout() {
        return Duration.ofNanos(partialTimeoutNanos);
    }

    /** Bytes of an unfinished line held now. */
    public int pending() {
        return seen;
    }

    /** Takes {@code len} bytes that arrived at {@code nanos} (a monotonic clock, e.g. System.nanoTime). */
    public List<Line> feed(byte[] b, int off, int len, long nanos) {
        List<Line> out = new ArrayList<>(idle(nanos));
        for (int i = off; i < off + len; i++) {
            byte x = b[i];
            if (seen == 0 && (x == '\r' || x == '\n')) {
                // Before a line's first byte: a blank line, or the LF of a CR LF sent to a kiosk set
                // for CR (the commonest mismatch); neither is part of a code.
                continue;
            }
            if (length < line.length) {
                line[length++] = x;
            }
            seen++;
            if (endsWithSuffix(x)) {
                Line l = finish();
                if (l != null) {
                    out.add(l);
                }
            }
        }
        if (len > 0) {
            lastByteNanos = nanos;
        }
        return out;
    }

    /** Drops an unfinished line that has seen no byte for the partial timeout; call when the line is quiet. */
    public List<Line> idle(long nanos) {
        if (seen > 0 && nanos - lastByteNanos >= partialTimeoutNanos) {
            Line l = new Line.Dropped(Reason.PARTIAL, seen);
            reset();
            return List.of(l);
        }
        return List.of();
    }

    /** Forgets an unfinished line (the port was lost); returns how many bytes it had. */
    public int discard() {
        int n = seen;
        reset();
        return n;
    }

    private boolean endsWithSuffix(byte x) {
        boolean end = suffix.length == 1 ? x == suffix[0] : x == suffix[1] && previous == suffix[0] && seen >= 2;
        previous = x;
        return end;
    }

    private Line finish() {
        int total = seen;
        // The buffer holds prefix + limit + suffix; a line that did not fit has a longer payload.
        boolean overflow = seen > line.length;
        int end = length - suffix.length;
        if (!overflow && suffix.length == 1 && suffix[0] == '\n' && end > 0 && line[end - 1] == '\r') {
            end--; // CR LF sent to a kiosk set for LF
        }
        byte[] body = overflow ? null : Arrays.copyOf(line, end);
        reset();
        if (overflow) {
            return new Line.Dropped(Reason.TOO_LONG, total);
        }
        if (body.length == 0) {
            return null; // a blank line: some scanners send one after power-up
        }
        for (int i = 0; i < prefix.length; i++) {
            if (i >= body.length || body[i] != prefix[i]) {
                return new Line.Dropped(Reason.NO_PREFIX, total);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, prefix.length, body.length - prefix.length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Line.Dropped(Reason.NOT_TEXT, total);
        }
        if (text.isEmpty()) {
            return null;
        }
        if (!ScanPayloads.acceptable(text)) {
            return new Line.Dropped(text.length() > ScanPayloads.MAX_LENGTH ? Reason.TOO_LONG : Reason.NOT_TEXT, total);
        }
        return new Line.Payload(text);
    }

    private void reset() {
        length = 0;
        seen = 0;
        previous = 0;
    }
}
