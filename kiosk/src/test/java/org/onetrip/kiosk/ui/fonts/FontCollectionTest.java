package org.onetrip.kiosk.ui.fonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting one font out of a collection, byte for byte, on a collection built here and on Debian's Noto CJK. */
class FontCollectionTest {
    @TempDir
    Path dir;

    /** A 'name' table with the family (name ID 1) in the Windows platform's UTF-16BE. */
    static byte[] nameTable(String family) {
        byte[] s = family.getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(6 + 12 + s.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 18);
        b.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort((short) 1)
                .putShort((short) s.length).putShort((short) 0);
        b.put(s);
        return b.array();
    }

    static byte[] headTable(int marker) {
        ByteBuffer b = ByteBuffer.allocate(54);
        b.putInt(0, 0x00010000).putInt(4, marker).putInt(8, 0x12345678).putInt(12, 0x5F0F3CF5);
        return b.array();
    }

    static int tag(String t) {
        return ByteBuffer.wrap(t.getBytes(StandardCharsets.ISO_8859_1)).getInt();
    }

    /**
     * Two fonts, "Alpha" and "Beta", sharing a 'CFF ' table of 7 bytes (not a multiple of 4), each
     * with its own head and name: a collection as the Noto CJK ones are made.
     */
    static byte[] collection() {
        byte[] cff = {1, 2, 3, 4, 5, 6, 7};
        byte[][] names = {nameTable("Alpha"), nameTable("Beta")};
        byte[][] heads = {headTable(1), headTable(2)};
        int dirs = 12 + 8;
        int dirSize = 12 + 16 * 3;
        int data = dirs + 2 * dirSize;
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        int cffAt = data;
        tables.writeBytes(pad(cff));
        int[] headAt = new int[2];
        int[] nameAt = new int[2];
        for (int i = 0; i < 2; i++) {
            headAt[i] = data + tables.size();
            tables.writeBytes(pad(heads[i]));
            nameAt[i] = data + tables.size();
            tables.writeBytes(pad(names[i]));
        }
        ByteBuffer b = ByteBuffer.allocate(data + tables.size());
        b.putInt(tag("ttcf")).putInt(0x00010000).putInt(2).putInt(dirs).putInt(dirs + dirSize);
        for (int i = 0; i < 2; i++) {
            b.putInt(0x4F54544F).putShort((short) 3).putShort((short) 32).putShort((short) 1).putShort((short) 16);
            b.putInt(tag("CFF ")).putInt(0x0A0B0C0D).putInt(cffAt).putInt(cff.length);
            b.putInt(tag("head")).putInt(0x01020304 + i).putInt(headAt[i]).putInt(54);
            b.putInt(tag("name")).putInt(0x05060708 + i).putInt(nameAt[i]).putInt(names[i].length);
        }
        b.put(tables.toByteArray());
        return b.array();
    }

    static byte[] pad(byte[] b) {
        return Arrays.copyOf(b, (b.length + 3) & ~3);
    }

    private FileChannel open(byte[] bytes) throws Exception {
        Path p = Files.write(dir.resolve("c-" + System.nanoTime() + ".ttc"), bytes);
        return FileChannel.open(p, StandardOpenOption.READ);
    }

    private byte[] extract(FontCollection c, int index) throws Exception {
        Path out = dir.resolve("face-" + System.nanoTime() + ".otf");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(c.extract(index, ch)).isEqualTo(Files.size(out));
        }
        return Files.readAllBytes(out);
    }

    @Test
    void readsEachFontsFamily() throws Exception {
        try (FileChannel ch = open(collection())) {
            FontCollection c = new FontCollection(ch);
            assertThat(c.size()).isEqualTo(2);
            assertThat(c.families(0)).containsExactly("Alpha");
            assertThat(c.families(1)).containsExactly("Beta");
            assertThat(c.indexOf("Beta")).isEqualTo(1);
            assertThat(c.indexOf("Gamma")).isEqualTo(-1);
        }
    }

    @Test
    void aCutFontIsItsTableDirectoryAndItsTablesAlignedWithOffsetsFromItsOwnStart() throws Exception {
        byte[] ttc = collection();
        byte[] face;
        try (FileChannel ch = open(ttc)) {
            face = extract(new FontCollection(ch), 1);
        }
        ByteBuffer f = ByteBuffer.wrap(face);
        // The table directory: Beta's own, the search fields kept.
        assertThat(f.getInt(0)).isEqualTo(0x4F54544F);
        assertThat(f.getShort(4)).isEqualTo((short) 3);
        assertThat(f.getShort(6)).isEqualTo((short) 32);
        // Records: tag and checksum kept, offsets from the file's own start, tables 4-byte aligned.
        int data = 12 + 16 * 3;
        assertThat(f.getInt(12)).isEqualTo(tag("CFF "));
        assertThat(f.getInt(16)).isEqualTo(0x0A0B0C0D);
        assertThat(f.getInt(20)).isEqualTo(data);
        assertThat(f.getInt(24)).isEqualTo(7);
        assertThat(f.getInt(28)).isEqualTo(tag("head"));
        assertThat(f.getInt(32)).isEqualTo(0x01020305);
        assertThat(f.getInt(36)).isEqualTo(data + 8);
        assertThat(f.getInt(44)).isEqualTo(tag("name"));
        assertThat(f.getInt(52)).isEqualTo(data + 8 + 56);
        assertThat(face).hasSize(data + 8 + 56 + pad(nameTable("Beta")).length);
        // The tables' bytes, the padding zero.
        assertThat(Arrays.copyOfRange(face, data, data + 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 0);
        assertThat(Arrays.copyOfRange(face, data + 8 + 56, face.length)).containsExactly(pad(nameTable("Beta")));
        // head as it was but for its checksum adjustment, which makes the whole font sum to 0xB1B0AFBA.
        byte[] head = Arrays.copyOfRange(face, data + 8, data + 8 + 54);
        byte[] expected = headTable(2);
        assertThat(Arrays.copyOfRange(head, 0, 8)).containsExactly(Arrays.copyOfRange(expected, 0, 8));
        assertThat(Arrays.copyOfRange(head, 12, 54)).containsExactly(Arrays.copyOfRange(expected, 12, 54));
        assertThat(FontCollection.checksum(ByteBuffer.wrap(face)) & 0xFFFFFFFFL).isEqualTo(0xB1B0AFBAL);
    }

    @Test
    void aCutFontReadsBackAsACollectionOfOneAndACutShortOneIsCaught() throws Exception {
        byte[] face;
        try (FileChannel ch = open(collection())) {
            face = extract(new FontCollection(ch), 1);
        }
        try (FileChannel whole = open(face); FileChannel cutShort = open(Arrays.copyOf(face, face.length - 8))) {
            FontCollection one = new FontCollection(whole);
            assertThat(one.single()).isTrue();
            assertThat(one.size()).isEqualTo(1);
            assertThat(one.families(0)).containsExactly("Beta");
            one.checkTables(0);
            FontCollection shortOne = new FontCollection(cutShort);
            assertThatThrownBy(() -> shortOne.checkTables(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("table name runs past the file");
        }
        try (FileChannel ch = open(collection())) {
            assertThat(new FontCollection(ch).single()).isFalse();
        }
    }

    @Test
    void aFileThatIsNoCollectionOrIsCutShortIsRefusedWithTheReason() throws Exception {
        byte[] ttc = collection();
        byte[] notTtc = ttc.clone();
        notTtc[0] = 'x';
        byte[] noFonts = ttc.clone();
        ByteBuffer.wrap(noFonts).putInt(8, 0);
        byte[] dirOutside = ttc.clone();
        ByteBuffer.wrap(dirOutside).putInt(16, ttc.length);
        byte[] tablePastEnd = ttc.clone();
        ByteBuffer.wrap(tablePastEnd).putInt(20 + 12 + 16 * 2 + 12, 1 << 20); // font 0's name length
        byte[] namePastEnd = ttc.clone();
        int nameAt = ByteBuffer.wrap(ttc).getInt(20 + 12 + 16 * 2 + 8);
        ByteBuffer.wrap(namePastEnd).putShort(nameAt + 6 + 8, (short) 4000); // the string's length

        try (FileChannel a = open(notTtc); FileChannel b = open(noFonts); FileChannel c = open(dirOutside);
                FileChannel d = open(tablePastEnd); FileChannel e = open(namePastEnd);
                FileChannel f = open(Arrays.copyOf(ttc, 10))) {
            assertThatThrownBy(() -> new FontCollection(a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'ttcf'");
            assertThatThrownBy(() -> new FontCollection(b)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of 0 fonts");
            FontCollection outside = new FontCollection(c);
            assertThatThrownBy(() -> outside.families(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the file");
            FontCollection past = new FontCollection(d);
            assertThatThrownBy(() -> past.families(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past");
            assertThatThrownBy(() -> extract(past, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past");
            FontCollection badName = new FontCollection(e);
            assertThatThrownBy(() -> badName.families(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("points past");
            assertThatThrownBy(() -> new FontCollection(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
            assertThatThrownBy(() -> new FontCollection(open(ttc)).extract(2, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no font 2");
        }
    }

    @Test
    void theScFaceOfDebiansNotoCollectionsIsAFontOfItsOwn() throws Exception {
        for (Path ttc : List.of(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
                Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"))) {
            assumeTrue(Files.isReadable(ttc), "fonts-noto-cjk is installed by the scripts");
            byte[] face;
            try (FileChannel ch = FileChannel.open(ttc, StandardOpenOption.READ)) {
                FontCollection c = new FontCollection(ch);
                assertThat(c.size()).isEqualTo(10);
                int sc = c.indexOf("Noto Sans CJK SC");
                assertThat(sc).isNotNegative();
                face = extract(c, sc);
            }
            // Under the collection's size (its tables shared by ten fonts), and summing to the magic.
            assertThat((long) face.length).isBetween(Files.size(ttc) / 2, Files.size(ttc));
            assertThat(FontCollection.checksum(ByteBuffer.wrap(face)) & 0xFFFFFFFFL).isEqualTo(0xB1B0AFBAL);
            // Java's own font reader takes it as one font of the SC family.
            java.awt.Font awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(face));
            assertThat(awt.getFamily(java.util.Locale.ENGLISH)).isEqualTo("Noto Sans CJK SC");
            assertThat(awt.canDisplay('办')).isTrue();
        }
    }
}
