package org.onetrip.kiosk.device;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a shared library's file the way a status check can afford at start-up: a few file
 * look-ups, no {@code dlopen}, no JNA. The folders are JNA's {@code jna.library.path}, then
 * {@code LD_LIBRARY_PATH}, then Debian's (multiarch, ld.so.conf.d's defaults). Not finding it here
 * is not proof it is missing (an ld.so.conf of the machine's own): callers then ask JNA.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /** The file of {@code name} (a file name such as {@code libzinnia.so.0}, or a path), if found. */
    public static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : folders()) {
            Path p = dir.resolve(name);
            if (Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static List<Path> folders() {
        List<Path> out = new ArrayList<>();
        addPath(out, System.getProperty("jna.library.path"));
        addPath(out, System.getenv("LD_LIBRARY_PATH"));
        for (String base : new String[] {"/usr/local/lib", "/usr/lib", "/lib"}) {
            Path b = Path.of(base);
            // Debian's multiarch folders (/usr/lib/aarch64-linux-gnu), whatever the machine's.
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(b, "*-linux-gnu*")) {
                ds.forEach(out::add);
            } catch (IOException | SecurityException e) {
                // no such folder: nothing to add
            }
            out.add(b);
        }
        out.add(Path.of("/usr/lib64"));
        out.add(Path.of("/lib64"));
        return out;
    }

    private static void addPath(List<Path> out, String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        for (String p : path.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
    }
}
