package org.onetrip.kiosk.ui.fonts;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One face out of an OpenType font collection ({@code .ttc}), written as a font file of its own.
 *
 * <p>Why: JavaFX opens a FreeType face for every font of a collection it takes one font from, and
 * FreeType maps the whole file once per face. Debian's Noto Sans CJK collections hold 10 fonts
 * each, so the kiosk's two (regular, bold) were mapped 20 times, 38 MiB of its resident set
 * (issue 13). A file of one face is mapped once.
 *
 * <p>The formats, from the OpenType specification ("Font Collections", "Organization of an
 * OpenType Font", "name", "head"): a collection starts with {@code ttcf}, a version, the number of
 * fonts and each font's table directory offset; a table directory is the sfnt version, the number
 * of tables, three search fields and 16-byte records (tag, checksum, offset, length), big-endian,
 * offsets from the start of the file. The tables are copied unchanged, each 4-byte aligned, so
 * their checksums stay true; {@code head}'s whole-font checksum adjustment is recomputed.
 *
 * <p>A font file of one font reads as a collection of one (the kiosk checks a cut face with it
 * before JavaFX loads it). The file is read through positional reads of a small buffer: no mapping and no copy of the
 * 19 MiB collection in the heap of a kiosk that has 160 MiB of it.
 */
public final class FontCollection {
    private static final int TTCF = 0x74746366; // 'ttcf'
    private static final int OTTO = 0x4F54544F; // 'OTTO': CFF outlines
    private static final int TRUE_TYPE = 0x00010000;
    private static final int TRUE = 0x74727565; // 'true': Apple's TrueType
    private static final int NAME = 0x6e616d65; // 'name'
    private static final int HEAD = 0x68656164; // 'head'
    private static final int MAX_FONTS = 64;
    private static final int MAX_TABLES = 64;
    private static final int MAX_NAME_TABLE = 1 << 20;

    private final FileChannel file;
    private final long length;
    private final int fonts;
    private final boolean single;

    /** Reads the collection's header; a file that is not a collection is refused. */
    public FontCollection(FileChannel file) throws IOException {
        this.file = file;
        this.length = file.size();
        ByteBuffer h = read(0, 12);
        int tag = h.getInt(0);
        if (tag == OTTO || tag == TRUE_TYPE || tag == TRUE) {
            // A font file of one font (a face cut earlier): its table directory is at 0.
            this.single = true;
            this.fonts = 1;
            return;
        }
        if (tag != TTCF) {
            throw new IllegalArgumentException("not an OpenType font or collection (no 'ttcf', 'OTTO' or 1.0 tag)");
        }
        int n = h.getInt(8);
        if (n < 1 || n > MAX_FONTS) {
            throw new IllegalArgumentException("a font collection of " + n + " fonts");
        }
        this.single = false;
        this.fonts = n;
    }

    /** True for a font file of one font, not a collection. */
    public boolean single() {
        return single;
    }

    /** Checks that every table of font {@code index} lies within the file; throws with the first that does not. */
    public void checkTables(int index) throws IOException {
        long dir = directory(index);
        int tables = read(dir + 4, 2).getShort(0) & 0xFFFF;
        if (tables < 1 || tables > MAX_TABLES) {
            throw new IllegalArgumentException("font " + index + " has " + tables + " tables");
        }
        ByteBuffer records = read(dir + 12, 16 * tables);
        for (int i = 0; i < tables; i++) {
            long off = records.getInt(16 * i + 8) & 0xFFFFFFFFL;
            long len = records.getInt(16 * i + 12) & 0xFFFFFFFFL;
            if (off + len > length) {
                throw new IllegalArgumentException("font " + index + "'s table " + tagName(records.getInt(16 * i))
                        + " runs past the file");
            }
        }
    }

    public int size() {
        return fonts;
    }

    /** The family names (name IDs 1 and 16, Windows platform, UTF-16BE) of font {@code index}. */
    public List<String> families(int index) throws IOException {
        List<String> out = new ArrayList<>();
        Table name = table(index, NAME);
        if (name == null) {
            return out;
        }
        if (name.length > MAX_NAME_TABLE) {
            throw new IllegalArgumentException("font " + index + "'s name table is " + name.length + " bytes");
        }
        ByteBuffer t = read(name.offset, (int) name.length);
        try {
            int count = t.getShort(2) & 0xFFFF;
            int strings = t.getShort(4) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int r = 6 + 12 * i;
                int platform = t.getShort(r) & 0xFFFF;
                int id = t.getShort(r + 6) & 0xFFFF;
                if (platform == 3 && (id == 1 || id == 16)) {
                    byte[] b = new byte[t.getShort(r + 8) & 0xFFFF];
                    t.get(strings + (t.getShort(r + 10) & 0xFFFF), b);
                    String s = new String(b, StandardCharsets.UTF_16BE);
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("font " + index + "'s name table points past its end", e);
        }
        return out;
    }

    /** The index of the first font whose family is {@code family}, or -1. */
    public int indexOf(String family) throws IOException {
        for (int i = 0; i < fonts; i++) {
            if (families(i).contains(family)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes font {@code index} to {@code out} (at its position 0) as a font file of its own; returns its size. */
    public long extract(int index, FileChannel out) throws IOException {
        long dir = directory(index);
        int tables = read(dir + 4, 2).getShort(0) & 0xFFFF;
        if (tables < 1 || tables > MAX_TABLES) {
            throw new IllegalArgumentException("font " + index + " has " + tables + " tables");
        }
        ByteBuffer records = read(dir + 12, 16 * tables);
        ByteBuffer header = ByteBuffer.allocate(12 + 16 * tables);
        header.put(0, read(dir, 12), 0, 12);
        long at = header.capacity();
        long headAt = -1;
        for (int i = 0; i < tables; i++) {
            int r = 16 * i;
            int tag = records.getInt(r);
            long off = records.getInt(r + 8) & 0xFFFFFFFFL;
            long len = records.getInt(r + 12) & 0xFFFFFFFFL;
            if (off + len > length) {
                throw new IllegalArgumentException("font " + index + "'s table " + tagName(tag) + " runs past the file");
            }
            header.putInt(12 + r, tag).putInt(12 + r + 4, records.getInt(r + 4)).putInt(12 + r + 8, (int) at)
                    .putInt(12 + r + 12, (int) len);
            if (tag == HEAD && len >= 12) {
                headAt = at;
            }
            at += (len + 3) & ~3L;
        }
        out.truncate(0);
        write(out, 0, header);
        long sum = checksum(header);
        for (int i = 0; i < tables; i++) {
            int r = 16 * i;
            sum += copy(records.getInt(r + 8) & 0xFFFFFFFFL, records.getInt(r + 12) & 0xFFFFFFFFL, out,
                    header.getInt(12 + r + 8) & 0xFFFFFFFFL, records.getInt(r) == HEAD);
        }
        if (headAt >= 0) {
            // The whole font sums to 0xB1B0AFBA with the adjustment in head (OpenType, "head").
            ByteBuffer adj = ByteBuffer.allocate(4).putInt(0, (int) (0xB1B0AFBAL - (sum & 0xFFFFFFFFL)));
            write(out, headAt + 8, adj);
        }
        return at;
    }

    /**
     * Copies {@code len} bytes from {@code from} to {@code to} in {@code out}, zero-padded to 4;
     * returns their checksum (with a head table's adjustment counted as 0).
     */
    private long copy(long from, long len, FileChannel out, long to, boolean head) throws IOException {
        long sum = 0;
        long done = 0;
        long padded = (len + 3) & ~3L;
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024); // a multiple of 4: each chunk sums whole words
        while (done < padded) {
            int n = (int) Math.min(chunk.capacity(), padded - done);
            ByteBuffer b = chunk.clear().limit(n);
            int real = (int) Math.max(0, Math.min(n, len - done));
            fill(b.slice(0, real), from + done);
            for (int i = real; i < n; i++) {
                b.put(i, (byte) 0);
            }
            if (head && done == 0 && n >= 12) {
                b.putInt(8, 0);
            }
            write(out, to + done, b);
            sum += checksum(b);
            done += n;
        }
        return sum;
    }

    /** The OpenType checksum of {@code b} (up to its limit): the sum of its big-endian words, zero-padded. */
    static long checksum(ByteBuffer b) {
        long sum = 0;
        int end = b.limit();
        int i = 0;
        for (; i + 4 <= end; i += 4) {
            sum += b.getInt(i) & 0xFFFFFFFFL;
        }
        int w = 0;
        for (int k = 0; k < 4; k++) {
            w = (w << 8) | (i + k < end ? b.get(i + k) & 0xFF : 0);
        }
        return i < end ? sum + (w & 0xFFFFFFFFL) : sum;
    }

    private long directory(int index) throws IOException {
        if (index < 0 || index >= fonts) {
            throw new IllegalArgumentException("no font " + index + " in a collection of " + fonts);
        }
        if (single) {
            return 0;
        }
        long dir = read(12 + 4L * index, 4).getInt(0) & 0xFFFFFFFFL;
        if (dir < 12 || dir + 12 > length) {
            throw new IllegalArgumentException("font " + index + "'s table directory is outside the file");
        }
        return dir;
    }

    private record Table(long offset, long length) {
    }

    private Table table(int index, int tag) throws IOException {
        long dir = directory(index);
        int tables = Math.min(read(dir + 4, 2).getShort(0) & 0xFFFF, MAX_TABLES);
        ByteBuffer records = read(dir + 12, 16 * tables);
        for (int i = 0; i < tables; i++) {
            if (records.getInt(16 * i) == tag) {
                long off = records.getInt(16 * i + 8) & 0xFFFFFFFFL;
                long len = records.getInt(16 * i + 12) & 0xFFFFFFFFL;
                if (off + len > length) {
                    throw new IllegalArgumentException("font " + index + "'s table " + tagName(tag) + " runs past the file");
                }
                return new Table(off, len);
            }
        }
        return null;
    }

    private ByteBuffer read(long pos, int n) throws IOException {
        if (pos < 0 || pos + n > length) {
            throw new IllegalArgumentException("font collection cut short: " + n + " bytes wanted at " + pos + " of " + length);
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        fill(b, pos);
        return b;
    }

    /** Fills {@code b} from its position 0 with the file's bytes at {@code pos}. */
    private void fill(ByteBuffer b, long pos) throws IOException {
        ByteBuffer d = b.duplicate().clear();
        while (d.hasRemaining()) {
            if (file.read(d, pos + d.position()) < 0) {
                throw new EOFException("font collection ended at " + (pos + d.position()));
            }
        }
    }

    private static void write(FileChannel out, long pos, ByteBuffer b) throws IOException {
        ByteBuffer d = b.duplicate().position(0);
        while (d.hasRemaining()) {
            out.write(d, pos + d.position());
        }
    }

    private static String tagName(int tag) {
        return new String(ByteBuffer.allocate(4).putInt(tag).array(), StandardCharsets.ISO_8859_1);
    }
}
