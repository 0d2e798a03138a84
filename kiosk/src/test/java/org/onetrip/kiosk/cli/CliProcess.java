package org.onetrip.kiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line in a JVM of its own, as {@code scripts/kiosk} runs it: for what an
 * in-process run cannot show, because it happens once per process (logback's set-up, the umask).
 * Standard output and error are kept apart, as a shell pipe keeps them.
 */
final class CliProcess {
    private CliProcess() {
    }

    static CliRun run(Path work, String... args) throws IOException, InterruptedException {
        return run(work, List.of(), args);
    }

    /** The same, with {@code jvmArgs} before the class path. */
    static CliRun run(Path work, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        return runIn(List.of(), work, jvmArgs, args);
    }

    /** The same, started with the umask {@code umask} (octal, "077"), as systemd's UMask= starts the kiosk. */
    static CliRun runWithUmask(String umask, Path work, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        return runIn(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"), work, jvmArgs, args);
    }

    private static CliRun runIn(List<String> prefix, Path work, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The product's logging set-up (LogSetup), not the tests' logback-test.xml (also on this class path).
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java, "-Dfile.encoding=UTF-8", "-Dkiosk.log.builtin=true"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.onetrip.kiosk.app.Main"));
        cmd.addAll(List.of(args));
        Files.createDirectories(work);
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kiosk " + String.join(" ", args) + " did not finish in 120 s");
        }
        try {
            return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
