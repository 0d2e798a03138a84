package org.onetrip.kiosk.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unix datagram socket that is not ours: {@code socat -u -v UNIX-RECV:PATH STDOUT} (or
 * {@code ABSTRACT-RECV:NAME}), standing in for systemd's notify socket. socat's {@code -v} log
 * gives each datagram's length, so messages are split where the sender split them.
 */
final class SocatDatagramReceiver implements AutoCloseable {
    private static final Pattern BLOCK = Pattern.compile("length=(\\d+) from=(\\d+) to=(\\d+)");

    private final Path out;
    private final Path log;
    private final Process process;

    private SocatDatagramReceiver(Path dir, String address, Path waitFor) throws IOException, InterruptedException {
        this.out = dir.resolve("received");
        this.log = dir.resolve("socat.log");
        this.process = new ProcessBuilder("socat", "-u", "-v", address, "STDOUT")
                .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // a path socket exists once socat has bound it; an abstract one shows in /proc/net/unix
        while (waitFor != null ? !Files.exists(waitFor) : !Files.readString(Path.of("/proc/net/unix")).contains(
                "@" + address.substring(address.indexOf(':') + 1))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not bind in 20 s: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
    }

    static SocatDatagramReceiver onPath(Path dir, Path socket) throws IOException, InterruptedException {
        return new SocatDatagramReceiver(dir, "UNIX-RECV:" + socket, socket);
    }

    static SocatDatagramReceiver abstractName(Path dir, String name) throws IOException, InterruptedException {
        return new SocatDatagramReceiver(dir, "ABSTRACT-RECV:" + name, null);
    }

    /** Waits (up to 20 s) until {@code n} datagrams have arrived and returns them all, in order. */
    List<String> await(int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<String> got = received();
            if (got.size() >= n || System.nanoTime() > deadline) {
                return got;
            }
            Thread.sleep(10);
        }
    }

    /** The datagrams received so far. */
    List<String> received() throws IOException {
        byte[] bytes = Files.readAllBytes(out);
        Matcher m = BLOCK.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        List<String> messages = new ArrayList<>();
        while (m.find()) {
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            if (to < bytes.length) {
                messages.add(new String(bytes, from, to - from + 1, StandardCharsets.UTF_8));
            }
        }
        return messages;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
