package org.onetrip.kiosk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system for full-disk tests: a tmpfs of a few megabytes mounted on a folder.
 * Needs root (CI runs as root) and a kernel that lets this process mount; {@link #mount} returns
 * null where it cannot, and the test says it was skipped. {@link #fill} fills it to the last byte.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path at;

    private SmallDisk(Path at) {
        this.at = at;
    }

    /** Mounts a tmpfs of {@code bytes} on {@code at} (made if missing), or returns null when mounting is not allowed here. */
    public static SmallDisk mount(Path at, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(at);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs", at.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new SmallDisk(at) : null;
    }

    public Path path() {
        return at;
    }

    /** Writes {@code filler} until the file system refuses another byte; returns its size. */
    public long fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // the point: no space left
        }
        // The last partial block: byte by byte until nothing more fits.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException full) {
            // full to the last byte
        }
        return written;
    }

    /** Lazily, so a file still open elsewhere (a store not yet closed) does not keep it mounted. */
    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", at.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
    }
}
