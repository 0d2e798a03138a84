package org.onetrip.kiosk.device.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair joined by socat, as a null-modem cable between two serial ports:
 * {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}. Stopping it removes both
 * nodes, which is what unplugging a USB-serial reader looks like to the program using it.
 */
public final class SocatPty implements AutoCloseable {
    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;

    public SocatPty(Path dir) {
        this.a = dir.resolve("A");
        this.b = dir.resolve("B");
        this.log = dir.resolve("socat.log");
    }

    /** True when socat can be run; tests that need it skip with an assumption otherwise. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** Starts socat and waits until both links exist. */
    public SocatPty start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat made no links in 20 s: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** Stops socat (SIGTERM; it removes its links) and makes sure both nodes are gone. */
    public void stop() throws IOException, InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
