package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library inside a jar is copied once into the data folder, checked against the jar's CRC-32 at
 * every start, written again when damaged or updated, and the loader pointed at it; a technician's
 * own setting wins. Here on a jar made by the test, with properties of its own.
 */
class NativeLibrariesTest {
    @TempDir
    Path tmp;

    private static final NativeLibraries.Bundled FAKE =
            new NativeLibraries.Bundled("native/x/libfake.so", "fake", "fake.path");

    private Path jar(String name, byte[] library) throws Exception {
        Path jar = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("native/x/libfake.so"));
            out.write(library);
            out.closeEntry();
        }
        return jar;
    }

    private List<String> copy(Path jar, Path folder, Properties props) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return NativeLibraries.useCopiesIn(folder, props, List.of(FAKE), loader, f -> 1L << 40);
        }
    }

    private static byte[] library(String text) {
        return text.repeat(5000).getBytes(StandardCharsets.US_ASCII);
    }

    /** Every file under {@code folder} (the copies, in their folders). */
    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theFirstStartCopiesOwnerOnlyAndPointsTheLoaderAtTheCopysFolder() throws Exception {
        byte[] lib = library("v1 ");
        Path folder = tmp.resolve("data/native");
        Properties props = new Properties();

        assertThat(copy(jar("a.jar", lib), folder, props)).isEmpty();

        assertThat(files(folder)).hasSize(1);
        Path copy = files(folder).get(0);
        // The library's own name (a loader that cannot use the folder finds that name in its jar),
        // in a folder named after the jar's CRC-32.
        assertThat(copy.getFileName().toString()).isEqualTo("libfake.so");
        assertThat(copy.getParent().getFileName().toString()).matches("fake-[0-9a-f]{8}");
        assertThat(Files.readAllBytes(copy)).isEqualTo(lib);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        assertThat(props).containsOnlyKeys("fake.path");
        assertThat(props.getProperty("fake.path")).isEqualTo(copy.getParent().toAbsolutePath().toString());
    }

    /** A library in a jar, copied once into tmp/native. */
    private record Copied(byte[] lib, Path jar, Path folder, Path copy) {
    }

    private Copied firstCopy() throws Exception {
        byte[] lib = library("v1 ");
        Path jar = jar("a.jar", lib);
        Path folder = tmp.resolve("native");
        copy(jar, folder, new Properties());
        return new Copied(lib, jar, folder, files(folder).get(0));
    }

    @Test
    void anIntactCopyIsLeftAsItIsAndADamagedOneWrittenAgain() throws Exception {
        Copied c = firstCopy();
        FileTime made = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(c.copy(), made);

        copy(c.jar(), c.folder(), new Properties());
        assertThat(Files.getLastModifiedTime(c.copy())).isEqualTo(made);

        byte[] damaged = c.lib().clone();
        damaged[damaged.length / 2] ^= 1; // same size, one bit off
        Files.write(c.copy(), damaged);
        copy(c.jar(), c.folder(), new Properties());
        assertThat(Files.readAllBytes(c.copy())).isEqualTo(c.lib());

        Files.write(c.copy(), new byte[] {1, 2, 3}); // torn
        copy(c.jar(), c.folder(), new Properties());
        assertThat(Files.readAllBytes(c.copy())).isEqualTo(c.lib());
        assertThat(files(c.folder())).containsExactly(c.copy()); // no ".part" left behind
    }

    @Test
    void anUpdatedJarBringsANewCopyAndTheOldOneGoes() throws Exception {
        Path folder = tmp.resolve("native");
        copy(jar("v1.jar", library("v1 ")), folder, new Properties());
        Path old = files(folder).get(0);
        Properties props = new Properties();

        copy(jar("v2.jar", library("v2 ")), folder, props);

        assertThat(files(folder)).hasSize(1).doesNotContain(old);
        assertThat(old.getParent()).doesNotExist();
        assertThat(Files.readAllBytes(files(folder).get(0))).isEqualTo(library("v2 "));
        assertThat(props.getProperty("fake.path")).isEqualTo(files(folder).get(0).getParent().toAbsolutePath().toString());
    }

    @Test
    void aLinkInTheCopysPlaceIsNeverLoadedNorWrittenThrough() throws Exception {
        Copied c = firstCopy();
        Path elsewhere = Files.writeString(tmp.resolve("elsewhere.so"), "not the library");
        Files.delete(c.copy());
        Files.createSymbolicLink(c.copy(), elsewhere);

        assertThat(copy(c.jar(), c.folder(), new Properties())).isEmpty();

        assertThat(Files.isSymbolicLink(c.copy())).isFalse();
        assertThat(Files.readAllBytes(c.copy())).isEqualTo(c.lib());
        assertThat(Files.readString(elsewhere)).isEqualTo("not the library");
    }

    @Test
    void aNativeFolderThatIsALinkIsNotUsed() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path folder = Files.createSymbolicLink(tmp.resolve("native"), real);
        Properties props = new Properties();

        assertThat(copy(jar("a.jar", library("v1 ")), folder, props)).singleElement().asString().contains("symbolic link");

        assertThat(props).isEmpty();
        assertThat(files(real)).isEmpty();
    }

    @Test
    void itsOwnEarlierSettingIsNoTechniciansAndFollowsTheDataFolder() throws Exception {
        Path jar = jar("a.jar", library("v1 "));
        Properties props = new Properties();
        copy(jar, tmp.resolve("one"), props);

        copy(jar, tmp.resolve("two"), props); // a second command in the same JVM, another data folder

        assertThat(props.getProperty("fake.path")).startsWith(tmp.resolve("two").toAbsolutePath().toString());
    }

    @Test
    void aNearlyFullDiskGetsNoCopyAndItsLastMegabytesStayTheStores() throws Exception {
        Path folder = tmp.resolve("native");
        Properties props = new Properties();
        List<String> problems;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar("a.jar", library("v1 ")).toUri().toURL()}, null)) {
            problems = NativeLibraries.useCopiesIn(folder, props, List.of(FAKE), loader, f -> 10L << 20);
        }

        assertThat(problems).as("not a fault: the store says when the disk is full").isEmpty();
        assertThat(props).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aTechniciansOwnSettingWins() throws Exception {
        Path folder = tmp.resolve("native");
        Properties props = new Properties();
        props.setProperty("fake.path", "/opt/own");

        assertThat(copy(jar("a.jar", library("v1 ")), folder, props)).isEmpty();

        assertThat(folder).doesNotExist();
        assertThat(props).containsOnlyKeys("fake.path").containsEntry("fake.path", "/opt/own");
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneLineAndTheLoadersDefault() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("native"), "a file where the folder should be");
        Properties props = new Properties();

        List<String> problems = copy(jar("a.jar", library("v1 ")), notAFolder, props);

        assertThat(problems).singleElement().asString().contains("native/x/libfake.so")
                .contains("copied to the temporary folder at every start instead");
        assertThat(props).isEmpty();
    }

    @Test
    void aLibraryFromAFolderRatherThanAJarIsLeftToItsLoader() throws Exception {
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes.resolve("native/x"));
        Files.write(classes.resolve("native/x/libfake.so"), library("v1 "));
        Properties props = new Properties();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(NativeLibraries.useCopiesIn(tmp.resolve("native"), props, List.of(FAKE), loader, f -> 1L << 40)).isEmpty();
        }
        assertThat(props).isEmpty();
        assertThat(tmp.resolve("native")).doesNotExist();
    }

    @Test
    void thisMachinesLibrariesAreInTheJarsTheKioskShips() {
        // On the laptop (x86-64) and the Pi (arm64): each library named here is in its jar, so a
        // version bump that moves one is caught here, not by a slower start.
        for (NativeLibraries.Bundled b : NativeLibraries.forThisMachine()) {
            assertThat(getClass().getClassLoader().getResource(b.resource())).as(b.resource()).isNotNull();
        }
        for (String arch : List.of("x86_64", "aarch64")) {
            assertThat(getClass().getClassLoader().getResource("org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so")).isNotNull();
        }
        for (String arch : List.of("x86-64", "aarch64")) {
            assertThat(getClass().getClassLoader().getResource("com/sun/jna/linux-" + arch + "/libjnidispatch.so")).isNotNull();
        }
    }
}
