package org.onetrip.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.scanner.KeyboardQrScanner;
import org.onetrip.kiosk.scanner.QrScanner;
import org.onetrip.kiosk.scanner.SimulatedQrScanner;
import org.onetrip.kiosk.status.StatusAnswer;
import org.onetrip.kiosk.status.StatusLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk scan}: for the technician installing a scanner. Waits for one scan on the
 * configured scanner, then prints what the status screen would show for it. A scanner in keyboard
 * mode types into this terminal, and the simulated one "scans" the lines typed or piped in, so
 * {@code echo URL | kiosk scan} works on the simulator profile.
 *
 * <p>Exit 0 for a receipt of this kiosk, 1 for any other code, 2 when nothing was scanned in time,
 * 3 when the scanner is unusable (with its status on stderr).
 */
@Command(name = "scan", description = "Wait for one scan on the configured scanner and show what the status screen would.")
public final class ScanCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30", description = "Seconds to wait for a scan (default 30).")
    int timeout;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** How long the scanner may stay unusable before the command gives up with exit 3. */
    static final long UNUSABLE_AFTER_MS = 5000;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("kiosk.console.level", "WARN");
        Clock clock = Clock.systemDefaultZone();
        try (Kiosk kiosk = Wiring.wire(options.load(), clock)) {
            QrScanner scanner = kiosk.scanner();
            BlockingQueue<String> scans = new ArrayBlockingQueue<>(16);
            scanner.setScanListener(scans::offer);
            scanner.start();
            if (scanner instanceof KeyboardQrScanner k) {
                k.listening("this terminal");
                readLines(System.in, k::deliver);
            } else if (scanner instanceof SimulatedQrScanner sim) {
                readLines(System.in, sim::scan);
            }
            System.err.println("scan: hold a receipt under the scanner (" + scanner.name() + "), waiting up to "
                    + timeout + " s…");
            long deadline = System.currentTimeMillis() + timeout * 1000L;
            long unusableSince = -1;
            while (System.currentTimeMillis() < deadline) {
                String payload = scans.poll(100, TimeUnit.MILLISECONDS);
                if (payload != null) {
                    System.err.println("scan: read a code of " + payload.length() + " characters");
                    StatusAnswer a = Wiring.statusLookup(kiosk, StatusLookup.Limits.NONE).lookUp(payload, 0);
                    new StatusOutput(kiosk.config().locale(), clock.getZone()).print(a, json, System.out);
                    return StatusOutput.exitStatus(a);
                }
                DeviceStatus s = scanner.status();
                boolean unusable = s.state() == DeviceState.OFFLINE;
                if (!unusable) {
                    unusableSince = -1;
                } else if (unusableSince < 0) {
                    unusableSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - unusableSince >= UNUSABLE_AFTER_MS) {
                    System.err.println("scan: scanner unusable: " + s);
                    return 3;
                }
            }
            DeviceStatus s = scanner.status();
            if (s.state() == DeviceState.OFFLINE) {
                System.err.println("scan: scanner unusable: " + s);
                return 3;
            }
            System.err.println("scan: nothing scanned within " + timeout + " s; scanner is " + s);
            return 2;
        }
    }

    /** Lines of {@code in} to {@code scan}, on a daemon thread (a terminal read cannot be interrupted). */
    private static void readLines(InputStream in, Consumer<String> scan) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        scan.accept(line.strip());
                    }
                }
            } catch (IOException e) {
                // the terminal went away: nothing more to read
            }
        }, "scan-stdin");
        t.setDaemon(true);
        t.start();
    }
}
