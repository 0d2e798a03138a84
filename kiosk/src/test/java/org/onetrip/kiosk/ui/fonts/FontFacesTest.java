package org.onetrip.kiosk.ui.fonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.ui.Fonts;

/**
 * The kiosk's CJK font from single faces cut out of Debian's collections: cut once, owner-only,
 * again after a font update; and, in a JVM of its own as the kiosk starts, drawn without mapping
 * the collections (issue 13: 20 maps of them were 38 MiB of the resident set).
 */
class FontFacesTest {
    private static final Path REGULAR = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    private static final Path BOLD = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");

    @TempDir
    Path dir;

    @BeforeEach
    void fontsInstalled() {
        assumeTrue(Files.isReadable(REGULAR) && Files.isReadable(BOLD), "fonts-noto-cjk is installed by the scripts");
    }

    private static List<Path> list(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    /**
     * The faces are a speed-up (32 MiB): on a disk where they would leave less than 64 MiB free,
     * they are not cut and the collections are used, so they never take the store's last room.
     * A small tmpfs (root only, as in CI).
     */
    @Test
    void aNearlyFullDiskGetsNoFaces() throws Exception {
        try (org.onetrip.kiosk.testing.SmallDisk disk = org.onetrip.kiosk.testing.SmallDisk.mount(dir.resolve("disk"), 48L << 20)) {
            assumeTrue(disk != null, "this process may mount a tmpfs (root, as in CI)");
            Path faces = disk.path().resolve("fonts");

            assertThat(Fonts.cutFaces(faces, List.of(REGULAR, BOLD))).isEmpty();

            assertThat(faces).doesNotExist();
        }
    }

    @Test
    void theFacesAreCutOnceOwnerOnlyAndAgainWhenTheCollectionChanges() throws Exception {
        Path faces = dir.resolve("fonts");
        // The collections copied, so the test can change one as a package update would.
        Path src = Files.createDirectories(dir.resolve("noto"));
        Path regular = Files.copy(REGULAR, src.resolve(REGULAR.getFileName()));
        Path bold = Files.copy(BOLD, src.resolve(BOLD.getFileName()));

        List<Path> first = Fonts.cutFaces(faces, List.of(regular, bold));

        assertThat(first).hasSize(2);
        assertThat(list(faces)).containsExactlyElementsOf(first.stream().sorted().toList());
        assertThat(first.get(0).getFileName().toString())
                .isEqualTo("NotoSansCJK-Regular-SC-" + Files.size(regular) + "-" + Files.getLastModifiedTime(regular).toMillis() + ".otf");
        for (Path f : first) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        assertThat(Fonts.cutFaces(faces, List.of(regular, bold))).as("already cut").isEmpty();

        Files.setLastModifiedTime(bold, FileTime.fromMillis(Files.getLastModifiedTime(bold).toMillis() + 60_000));
        List<Path> again = Fonts.cutFaces(faces, List.of(regular, bold));

        assertThat(again).hasSize(1);
        assertThat(list(faces)).containsExactlyInAnyOrder(first.get(0), again.get(0));
    }

    @Test
    void aCollectionWithoutTheFaceOrUnreadableCutsNothingAndSaysSo() throws Exception {
        Path junk = Files.writeString(dir.resolve("Junk.ttc"), "not a font", StandardCharsets.US_ASCII);

        assertThat(Fonts.cutFaces(dir.resolve("fonts"), List.of(junk, dir.resolve("Missing.ttc")))).isEmpty();
        assertThat(Files.exists(dir.resolve("fonts")) ? list(dir.resolve("fonts")) : List.of()).isEmpty();
    }

    @Test
    void aFontFileOfOneFontIsNotCopied() throws Exception {
        // Another distribution's fonts-noto-cjk may ship the SC font as a file of its own.
        Path single = Fonts.cutFaces(dir.resolve("first"), List.of(REGULAR)).get(0);

        assertThat(Fonts.cutFaces(dir.resolve("second"), List.of(single))).isEmpty();
        assertThat(dir.resolve("second")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(list(p)).isEmpty());
    }

    private Map<String, String> probe(String facesDir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dheadless.geometry=800x600-32", "-Dkiosk.console.level=WARN",
                "-cp", System.getProperty("java.class.path"), FontMapsProbe.class.getName(), facesDir));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("FONTS ")) {
                m.put("fonts", line.substring(6));
            } else if (line.startsWith("MAP ")) {
                String[] w = line.split(" ");
                m.put(w[1], w[2]);
            }
        }
        assertThat(m).as(out).containsKey("fonts");
        return m;
    }

    @Test
    void withTheFacesCutTheKioskDrawsRegularAndBoldWithoutMappingTheCollections() throws Exception {
        Path faces = dir.resolve("fonts");
        List<Path> cut = Fonts.cutFaces(faces);
        assertThat(cut).hasSize(2);

        Map<String, String> with = probe(faces.toString());
        Map<String, String> without = probe("-");

        assertThat(with.get("fonts")).isEqualTo("Noto Sans CJK SC|Noto Sans CJK SC Bold");
        assertThat(with).doesNotContainKeys("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc");
        for (Path f : cut) {
            assertThat(with.get(f.getFileName().toString())).as(f.toString()).isEqualTo("1");
        }
        // The same labels from the collections: each mapped once per font in it.
        assertThat(without.get("fonts")).isEqualTo("Noto Sans CJK SC|Noto Sans CJK SC Bold");
        assertThat(Integer.parseInt(without.get("NotoSansCJK-Regular.ttc"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(without.get("NotoSansCJK-Bold.ttc"))).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aDamagedFaceIsDeletedAndTheCollectionsUsedForBoth() throws Exception {
        Path faces = dir.resolve("fonts");
        List<Path> cut = Fonts.cutFaces(faces);
        assertThat(cut.get(1).getFileName().toString()).startsWith("NotoSansCJK-Bold-");
        Files.writeString(cut.get(1), "damaged on the SD card");

        Map<String, String> m = probe(faces.toString());

        assertThat(m.get("fonts")).isEqualTo("Noto Sans CJK SC|Noto Sans CJK SC Bold");
        assertThat(Files.exists(cut.get(1))).isFalse();
        assertThat(m).as(m.toString()).containsKey("NotoSansCJK-Bold.ttc");
        // The good regular face was not loaded alone (bold text would then be drawn from it).
        assertThat(m).doesNotContainKey(cut.get(0).getFileName().toString());
    }

    @Test
    void aFaceCutShortIsDeletedToo() throws Exception {
        Path faces = dir.resolve("fonts");
        List<Path> cut = Fonts.cutFaces(faces);
        byte[] whole = Files.readAllBytes(cut.get(0));
        Files.write(cut.get(0), java.util.Arrays.copyOf(whole, whole.length / 2));

        Map<String, String> m = probe(faces.toString());

        assertThat(m.get("fonts")).isEqualTo("Noto Sans CJK SC|Noto Sans CJK SC Bold");
        assertThat(Files.exists(cut.get(0))).isFalse();
        assertThat(Files.exists(cut.get(1))).isTrue();
    }
}
