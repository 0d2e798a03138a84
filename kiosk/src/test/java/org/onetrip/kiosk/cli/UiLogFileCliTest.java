package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the touch screen's start puts off until its home screen is drawn (issue 13, cold start):
 * the devices, the erasure and the log file. The log file's lines logged before it reach the file
 * all the same, in order, from the thread that logged them (app/DeferredFileAppender); and a
 * touch screen that never draws (no display) still leaves them in its file.
 */
class UiLogFileCliTest {
    @TempDir
    Path tmp;

    private static final List<String> MONOCLE = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1280x800-32");

    @TempDir
    static Path shared;

    /** The log file of one start to the first frame, shared by the two checks below (a JVM costs seconds). */
    private static List<String> firstStart;

    private static synchronized List<String> firstStart() throws Exception {
        if (firstStart == null) {
            firstStart = firstStartLog(shared);
        }
        return firstStart;
    }

    private static List<String> firstStartLog(Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        List<String> jvm = new java.util.ArrayList<>(MONOCLE);
        jvm.add("-Xlog:class+load:file=" + tmp.resolve("classes.txt"));
        // As a centre's kiosk is set up: with a back office (nothing listens there; a start with
        // --exit-when-ready does not sync). The start without one is every UI test's.
        CliRun r = CliProcess.run(tmp.resolve("work"), jvm, "ui", "--exit-when-ready", "--set", "data.dir=" + data,
                "--set", "backoffice.url=http://127.0.0.1:9/open311/v2/");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("READY");
        return Files.readAllLines(data.resolve("logs").resolve("kiosk.log"));
    }

    @Test
    void theDevicesAndTheErasureStartOnceTheHomeScreenIsDrawn() throws Exception {
        List<String> log = firstStart();
        String all = String.join("\n", log);
        int drawn = indexOf(log, "[main] ", "home screen drawn");
        assertThat(drawn).as(all).isGreaterThanOrEqualTo(0);
        // Each device says its state as it opens, and the erasure what it erased: all after the frame.
        int device = indexOf(log, "[device-start] ", " is now ");
        int erased = indexOf(log, "[privacy-erase] ", "erased");
        assertThat(device).as(all).isGreaterThan(drawn);
        assertThat(erased).as(all).isGreaterThan(drawn);
        // The same start logged the home screen's build before it (the store opened on main).
        assertThat(indexOf(log, "[main] ", "applied migration 1")).isLessThan(drawn);
    }

    /**
     * Issue 13: the home screen's start loads only what it shows. The classes loaded before the
     * first-frame timer (made right after the window's show(), which built, styled and laid out the
     * home screen) hold none of the back-office client's implementation and the JDK's TLS (the
     * verifier may name an exception of java.net.http), the camera's and the receipt's QR code, the
     * maintenance screens, or JavaFX's {@code Bindings}, whose check alone loads some 100 more
     * classes without a class archive. Nor {@code ObjectMethods}: a record's generated equals,
     * hashCode or toString is linked through it at its first call, 10-16 ms in the interpreter.
     */
    @Test
    void theHomeScreenLoadsNothingItDoesNotShow() throws Exception {
        firstStart();
        List<String> loaded = new java.util.ArrayList<>();
        boolean marker = false;
        for (String line : Files.readAllLines(shared.resolve("classes.txt"))) {
            int at = line.indexOf("[class,load] ");
            if (at < 0) {
                continue;
            }
            String name = line.substring(at + "[class,load] ".length()).split(" ", 2)[0];
            if (name.equals("org.onetrip.kiosk.cli.UiCommand$FirstFrame")) {
                marker = true;
                break;
            }
            loaded.add(name);
        }
        assertThat(marker).as("the first-frame timer in the class log").isTrue();
        assertThat(loaded).as("the start's class log up to the first frame").contains("org.onetrip.kiosk.ui.home.HomeScreen")
                .contains("org.onetrip.kiosk.sync.Open311BackOffice");
        assertThat(loaded).filteredOn(c -> c.startsWith("jdk.internal.net.http.")
                || c.startsWith("javax.net.ssl.") || c.startsWith("sun.security.ssl.")
                || c.startsWith("com.google.zxing.") || c.startsWith("org.onetrip.kiosk.qr.")
                || c.startsWith("org.onetrip.kiosk.ui.maintenance.")
                || c.equals("javafx.beans.binding.Bindings")
                || c.equals("java.lang.runtime.ObjectMethods")).isEmpty();
    }

    @Test
    void theLinesBeforeTheFirstFrameReachTheLogFileInOrder() throws Exception {
        List<String> log = firstStart();
        // Logged on the main thread while the store opened, long before the first frame.
        int migration = indexOf(log, "[main] ", "applied migration 1");
        int second = indexOf(log, "[main] ", "applied migration 2");
        assertThat(migration).as(String.join("\n", log)).isGreaterThanOrEqualTo(0);
        assertThat(second).isGreaterThan(migration);
        // One thread's lines in the order it logged them (across threads two lines can be written in
        // the other order than their time stamps, as with any logback appender).
        List<String> mainTimes = log.stream().filter(l -> l.matches("\\d{4}-.*") && l.contains(" [main] "))
                .map(l -> l.substring(0, 23)).toList();
        assertThat(mainTimes).hasSizeGreaterThan(2).isSorted();
    }

    @Test
    void aTouchScreenThatCannotStartStillLeavesItsLogFile() throws Exception {
        Path data = tmp.resolve("data");
        CliRun r = CliProcess.run(tmp.resolve("work"),
                // The timer far off: the file must come from the way out, not from the timer.
                List.of("-Dglass.platform=NoSuchGlassPlatform", "-Dkiosk.fx-start-timeout-s=20", "-Djava.awt.headless=true",
                        "-Dkiosk.log.file-open-after-ms=600000"),
                "ui", "--exit-when-ready", "--set", "data.dir=" + data);

        assertThat(r.status()).isNotZero();
        List<String> log = Files.readAllLines(data.resolve("logs").resolve("kiosk.log"));
        assertThat(indexOf(log, "[main] ", "applied migration 1")).as(String.join("\n", log)).isGreaterThanOrEqualTo(0);
    }

    private static int indexOf(List<String> lines, String thread, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(thread) && lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
