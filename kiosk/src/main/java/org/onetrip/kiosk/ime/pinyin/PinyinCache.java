package org.onetrip.kiosk.ime.pinyin;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The compiled dictionary as a file ({@code pinyin-luna.bin}), so the kiosk never compiles Rime's
 * text itself. Why: compiling needs about 112 MB of transient heap (the essay's 400,000 words in a
 * HashMap, lists of strings), which the Pi's {@code -Xmx160m} beside the UI's 30–45 MB cannot
 * spare with {@code -XX:+ExitOnOutOfMemoryError}; reading this file needs only the final arrays
 * (about 12 MB) and one 64 KB chunk. It is compiled out of the kiosk's process
 * ({@code kiosk ime prepare}, or a child JVM the kiosk starts).
 *
 * <p>Layout, big-endian (DataOutputStream): magic "OTPY", format version, the size and mtime of
 * {@code luna_pinyin.dict.yaml} and {@code essay.txt} it was made from (a Debian update of
 * rime-data makes it stale), the syllables (modified UTF-8), entry count, pool length, then the
 * arrays pool (char), offset (int), code length, text length (byte), weight (int), then the
 * CRC-32 of all before it. The file's length is checked against the counts before any array is
 * allocated, so a corrupt header cannot ask for a huge array.
 */
public final class PinyinCache {
    public static final String FILE = "pinyin-luna.bin";
    static final int MAGIC = 0x4F545059; // "OTPY"
    /** Bump when the layout or what the compiler puts in it changes: an older file is then stale. */
    static final int VERSION = 1;
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ENTRIES = 20_000_000;

    private PinyinCache() {
    }

    /** The Rime files a cache was made from, by size and mtime. */
    public record Source(long dictSize, long dictMtime, long essaySize, long essayMtime) {
        public static Source of(Path rimeData) throws IOException {
            BasicFileAttributes d = Files.readAttributes(rimeData.resolve(RimeDictionaryReader.DICT), BasicFileAttributes.class);
            BasicFileAttributes e = Files.readAttributes(rimeData.resolve(RimeDictionaryReader.ESSAY), BasicFileAttributes.class);
            return new Source(d.size(), d.lastModifiedTime().toMillis(), e.size(), e.lastModifiedTime().toMillis());
        }
    }

    /** The file is from other Rime files or an older format: to be made again. */
    public static final class StaleException extends IOException {
        StaleException(String message) {
            super(message);
        }
    }

    /** Compiles Rime's text (the big transient heap: call it out of the kiosk's process) and writes the cache. */
    public static PinyinDictionary prepare(Path rimeData, Simplifier simplifier, Path out) throws IOException {
        Source source = Source.of(rimeData);
        PinyinDictionary d = RimeDictionaryReader.read(rimeData, simplifier);
        write(d, source, out);
        return d;
    }

    /** Writes to {@code out.tmp}, then renames: a reader never sees half a file. */
    public static void write(PinyinDictionary d, Source source, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(out.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream file = Files.newOutputStream(tmp);
                DataOutputStream o = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, CHUNK), crc))) {
            o.writeInt(MAGIC);
            o.writeInt(VERSION);
            o.writeLong(source.dictSize());
            o.writeLong(source.dictMtime());
            o.writeLong(source.essaySize());
            o.writeLong(source.essayMtime());
            String[] syl = d.syllables().sorted();
            o.writeInt(syl.length);
            for (String s : syl) {
                o.writeUTF(s);
            }
            o.writeInt(d.size());
            o.writeInt(d.pool().length);
            for (char c : d.pool()) {
                o.writeChar(c);
            }
            for (int v : d.offsets()) {
                o.writeInt(v);
            }
            o.write(d.codeLengths());
            o.write(d.textLengths());
            for (int v : d.weights()) {
                o.writeInt(v);
            }
            o.flush();
            long sum = crc.getValue();
            o.writeLong(sum);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the arrays straight from the file (peak heap ≈ the arrays + 64 KB). Throws
     * {@link StaleException} when it was made from other files or in another format,
     * {@link java.nio.file.NoSuchFileException} when there is none, and IOException when corrupt.
     */
    public static PinyinDictionary read(Path file, Source expected) throws IOException {
        long length = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file);
                CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, CHUNK), crc);
                DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a pinyin cache");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new StaleException(file + " is format " + version + ", not " + VERSION);
            }
            Source made = new Source(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            if (!made.equals(expected)) {
                throw new StaleException(file + " was made from other Rime files (" + made + ", now " + expected + ")");
            }
            int nsyl = in.readInt();
            if (nsyl <= 0 || nsyl >= Character.MAX_VALUE - 1) {
                throw new IOException(file + " is corrupt: " + nsyl + " syllables");
            }
            String[] syl = new String[nsyl];
            long headerBytes = 4 + 4 + 4 * 8 + 4 + 4 + 4;
            for (int i = 0; i < nsyl; i++) {
                syl[i] = in.readUTF();
                headerBytes += 2 + syl[i].length(); // syllables are ASCII
            }
            int n = in.readInt();
            int poolLength = in.readInt();
            long expectLength = headerBytes + 2L * poolLength + 4L * n + n + n + 4L * n + 8;
            if (n < 0 || n > MAX_ENTRIES || poolLength < 0 || expectLength != length) {
                throw new IOException(file + " is corrupt: " + n + " entries, pool " + poolLength + ", " + length + " bytes");
            }
            byte[] chunk = new byte[CHUNK];
            char[] pool = new char[poolLength];
            for (int done = 0; done < poolLength;) {
                int k = Math.min(CHUNK / 2, poolLength - done);
                in.readFully(chunk, 0, 2 * k);
                ByteBuffer.wrap(chunk, 0, 2 * k).asCharBuffer().get(pool, done, k);
                done += k;
            }
            int[] offset = readInts(in, chunk, n);
            byte[] codeLength = new byte[n];
            in.readFully(codeLength);
            byte[] textLength = new byte[n];
            in.readFully(textLength);
            int[] weight = readInts(in, chunk, n);
            long sum = crc.getValue();
            if (in.readLong() != sum) {
                throw new IOException(file + " is corrupt: checksum differs");
            }
            for (int i = 0; i < n; i++) {
                if (codeLength[i] <= 0 || textLength[i] <= 0 || offset[i] < 0
                        || (long) offset[i] + codeLength[i] + textLength[i] > poolLength) {
                    throw new IOException(file + " is corrupt: entry " + i);
                }
            }
            return PinyinDictionary.of(new Syllables(java.util.List.of(syl)), pool, offset, codeLength, textLength, weight);
        } catch (EOFException e) {
            throw new IOException(file + " is corrupt: cut short", e);
        }
    }

    private static int[] readInts(DataInputStream in, byte[] chunk, int n) throws IOException {
        int[] out = new int[n];
        for (int done = 0; done < n;) {
            int k = Math.min(CHUNK / 4, n - done);
            in.readFully(chunk, 0, 4 * k);
            ByteBuffer.wrap(chunk, 0, 4 * k).asIntBuffer().get(out, done, k);
            done += k;
        }
        return out;
    }
}
