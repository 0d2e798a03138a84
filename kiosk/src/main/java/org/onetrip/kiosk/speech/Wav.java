package org.onetrip.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The little of RIFF/WAVE the kiosk needs: read a header up to its data chunk, write one, and
 * scale 16-bit PCM samples for the volume. espeak-ng's {@code --stdout} writes a streaming header
 * whose sizes are 0x7fffffff-ish, since it cannot know them in advance; {@link #file} puts the
 * real ones in a finished file.
 */
public final class Wav {
    /** Size of the canonical header {@link #header} writes. */
    public static final int HEADER_BYTES = 44;
    /** The data size written in a header whose length is not known yet (as espeak-ng does). */
    static final long STREAMING = 0x7fffffffL - 36;

    private Wav() {
    }

    /** Linear PCM format; only 16-bit samples can have their volume changed. */
    public record Format(int channels, int sampleRate, int bitsPerSample) {
        public int blockAlign() {
            return channels * bitsPerSample / 8;
        }

        public boolean scalable() {
            return bitsPerSample == 16;
        }
    }

    /** Thrown for a stream that is not uncompressed PCM WAVE. */
    public static final class NotWav extends IOException {
        public NotWav(String why) {
            super(why);
        }
    }

    /**
     * Reads a RIFF/WAVE header up to the start of the {@code data} chunk's samples, skipping other
     * chunks (LIST, fact, …); {@code in} is left at the first sample.
     */
    public static Format readHeader(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] four = new byte[4];
        d.readFully(four);
        if (!"RIFF".equals(ascii(four))) {
            throw new NotWav("no RIFF header");
        }
        le32(d);
        d.readFully(four);
        if (!"WAVE".equals(ascii(four))) {
            throw new NotWav("not a WAVE file");
        }
        Format f = null;
        while (true) {
            d.readFully(four);
            String id = ascii(four);
            long size = le32(d);
            if ("fmt ".equals(id)) {
                int tag = le16(d);
                int channels = le16(d);
                int rate = (int) le32(d);
                le32(d); // byte rate
                le16(d); // block align
                int bits = le16(d);
                // WAVE_FORMAT_PCM, or WAVE_FORMAT_EXTENSIBLE as many recorders write it.
                if (tag != 1 && tag != 0xFFFE) {
                    throw new NotWav("not uncompressed PCM (format tag " + tag + ")");
                }
                if (channels < 1 || rate < 1 || (bits != 8 && bits != 16 && bits != 24 && bits != 32)) {
                    throw new NotWav("unusual PCM format: " + channels + " channel(s), " + rate + " Hz, " + bits + " bit");
                }
                f = new Format(channels, rate, bits);
                skip(d, size - 16 + (size & 1));
            } else if ("data".equals(id)) {
                if (f == null) {
                    throw new NotWav("data before fmt");
                }
                return f;
            } else {
                skip(d, size + (size & 1));
            }
        }
    }

    /** A canonical 44-byte header; {@code dataBytes} {@code < 0} writes the streaming sizes. */
    public static byte[] header(Format f, long dataBytes) {
        long data = dataBytes < 0 ? STREAMING : dataBytes;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data));
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) f.channels()).putInt(f.sampleRate())
                .putInt(f.sampleRate() * f.blockAlign()).putShort((short) f.blockAlign())
                .putShort((short) f.bitsPerSample());
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        return b.array();
    }

    /** A whole file from {@code f} and its samples, with the real sizes. */
    public static byte[] file(Format f, byte[] samples, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + length);
        out.writeBytes(header(f, length));
        out.write(samples, 0, length);
        return out.toByteArray();
    }

    /**
     * The loudness factor for a volume in percent: squared, so the steps of the on-screen control
     * sound roughly even (loudness is heard on a logarithmic scale; the square is close enough).
     */
    public static double gain(int percent) {
        double v = Math.max(0, Math.min(100, percent)) / 100.0;
        return v * v;
    }

    /**
     * Scales 16-bit little-endian samples in place, {@code buf[off, off+len)}; {@code len} must be
     * even (the caller carries an odd byte to the next buffer).
     */
    public static void scale16(byte[] buf, int off, int len, double gain) {
        if (gain == 1.0) {
            return;
        }
        for (int i = off; i + 1 < off + len; i += 2) {
            int s = (short) ((buf[i] & 0xff) | (buf[i + 1] << 8));
            int v = (int) Math.round(s * gain);
            v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            buf[i] = (byte) v;
            buf[i + 1] = (byte) (v >> 8);
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static int le16(DataInputStream d) throws IOException {
        return d.readUnsignedByte() | d.readUnsignedByte() << 8;
    }

    private static long le32(DataInputStream d) throws IOException {
        return (d.readUnsignedByte() | d.readUnsignedByte() << 8 | d.readUnsignedByte() << 16) | ((long) d.readUnsignedByte() << 24);
    }

    private static void skip(DataInputStream d, long n) throws IOException {
        if (n < 0 || n > 1 << 20) {
            throw new NotWav("a chunk of " + n + " bytes before the samples");
        }
        d.readFully(new byte[(int) n]);
    }
}
