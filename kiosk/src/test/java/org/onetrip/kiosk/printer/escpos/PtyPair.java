package org.onetrip.kiosk.printer.escpos;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals from socat, standing in for a serial cable: the kiosk opens
 * {@link #kiosk()}, the simulated printer {@link #printer()}. Tests using it are skipped when
 * socat is not installed (CI installs it).
 */
final class PtyPair implements AutoCloseable {
    private final Process socat;
    private final Path kiosk;
    private final Path printer;

    private PtyPair(Process socat, Path kiosk, Path printer) {
        this.socat = socat;
        this.kiosk = kiosk;
        this.printer = printer;
    }

    static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    static PtyPair open(Path dir) throws IOException, InterruptedException {
        assumeTrue(socatInstalled(), "socat is not installed");
        Path kiosk = dir.resolve("kiosk");
        Path printer = dir.resolve("printer");
        Process p = new ProcessBuilder("socat",
                "pty,raw,echo=0,link=" + kiosk, "pty,raw,echo=0,link=" + printer)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        // Setup, not a timing assertion: socat makes the links within milliseconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(kiosk) && Files.exists(printer))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(10);
        }
        return new PtyPair(p, kiosk, printer);
    }

    String kiosk() {
        return kiosk.toString();
    }

    String printer() {
        return printer.toString();
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
