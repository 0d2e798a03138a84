package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's classes concatenate strings with StringBuilder calls, not through invokedynamic
 * (the build's {@code -XDstringConcat=inline}): the first run of every invokedynamic
 * concatenation links its call site through StringConcatFactory, in the interpreter, and on the
 * way to the home screen that was 30-40 ms of a cold start's CPU (issue 13). A call site names its
 * bootstrap method in the class's constant pool, so the name in a class file's bytes finds it.
 */
class StringConcatBytecodeTest {
    private static final byte[] BOOTSTRAP = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noKioskClassConcatenatesThroughInvokedynamic() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        // The whole module, not a handful: the UI, the store, the catalogue and the devices.
        assertThat(files).hasSizeGreaterThan(300);
        List<String> indy = files.stream().filter(p -> contains(read(p), BOOTSTRAP))
                .map(p -> classes.relativize(p).toString()).toList();
        assertThat(indy).as("classes compiled with invokedynamic concatenation").isEmpty();
    }

    /** The check finds such a call site: JavaFX's own classes are compiled with them. */
    @Test
    void findsAnInvokedynamicConcatenationWhereThereIsOne() throws Exception {
        try (InputStream in = javafx.application.Platform.class.getClassLoader()
                .getResourceAsStream("com/sun/javafx/application/PlatformImpl.class")) {
            assertThat(in).isNotNull();
            assertThat(contains(in.readAllBytes(), BOOTSTRAP)).isTrue();
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
