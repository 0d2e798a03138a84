package org.onetrip.kiosk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.scanner.SerialQrScanner;
import org.onetrip.kiosk.ui.KioskUi;

/**
 * From the last byte of a scan to the status screen shown, beside the scanner's wire time.
 *
 * <p>The real kiosk (headless UI on Monocle) with {@code scanner.device=serial:…?baud=9600&suffix=CR}
 * on one end of a socat pty pair; on the other end the benchmark sends a receipt's URL and CR paced
 * at 9600 baud (a byte every 10/9600 s), as a serial scanner does, while the home screen shows.
 * Measured: from writing the last byte (the CR) to the first frame whose layout holds the status
 * details (a post-layout pulse listener: the scene is drawn right after it). The status is the
 * kiosk's local one: token check, SQLite read, no back office. The wire time is bytes × 10 / baud.
 */
public final class ScanToStatusBench {
    private ScanToStatusBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            // The JavaFX thread would keep the JVM alive after a failure.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int baud = 9600;
        Path dir = Files.createTempDirectory("onetrip-scanbench");
        try (SocatPty pty = new SocatPty(dir).start()) {
            Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + dir.resolve("data"), "ui.simulator-panel=false",
                    "scanner.device=serial:" + pty.a() + "?baud=" + baud + "&suffix=CR"), Clock.systemDefaultZone());
            kiosk.startDevices();
            Filing f = kiosk.filing().file(new Submission("residence-certificate", Map.of("purpose", "school",
                    "address", "桐城街道1号", "since", "2020-01-01", "housing", "owned", "copies", "1", "phone", "13800138000"),
                    FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
            byte[] scan = (f.statusUrl() + "\r").getBytes(StandardCharsets.US_ASCII);
            SerialQrScanner scanner = (SerialQrScanner) kiosk.scanner();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!scanner.status().isOnline() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!scanner.status().isOnline()) {
                throw new IllegalStateException("scanner not online: " + scanner.status());
            }

            ExecutorService background = Executors.newFixedThreadPool(2);
            CompletableFuture<KioskUi> started = new CompletableFuture<>();
            AtomicLong shownAt = new AtomicLong();
            AtomicBoolean armed = new AtomicBoolean();
            Platform.startup(() -> {
                Stage stage = new Stage();
                KioskUi ui = new KioskUi(kiosk, stage, Clock.systemDefaultZone(), background);
                Scene scene = ui.start();
                scene.addPostLayoutPulseListener(() -> {
                    if (armed.get() && scene.lookup("#status-ticket") != null) {
                        shownAt.set(System.nanoTime());
                        armed.set(false);
                    }
                });
                stage.show();
                started.complete(ui);
            });
            KioskUi ui = started.get();

            long[] lastByteToShown = new long[n];
            long[] firstByteToShown = new long[n];
            long byteNanos = 10L * 1_000_000_000L / baud;
            Random random = new Random(9600);
            try (SerialLink wire = SerialLink.open(pty.b().toString(), baud)) {
                for (int i = -3; i < n; i++) {
                    SessionsRssBench.fx(() -> {
                        ui.idle().activity();
                        ui.flow().home();
                        shownAt.set(0);
                        armed.set(true);
                    });
                    SessionsRssBench.waitFor(() -> "home".equals(ui.flow().nav().current().id()));
                    Thread.sleep(200 + random.nextInt(100));
                    long first = System.nanoTime();
                    long last = first;
                    for (int k = 0; k < scan.length; k++) {
                        long due = first + k * byteNanos;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(50_000);
                        }
                        wire.writeAll(scan, k, 1);
                        last = System.nanoTime();
                    }
                    // Polled from here, not through the FX thread, so the wait does not load what it measures.
                    long giveUp = System.nanoTime() + 20_000_000_000L;
                    while (shownAt.get() == 0) {
                        if (System.nanoTime() > giveUp) {
                            throw new IllegalStateException("status screen not shown; scanner " + scanner.status());
                        }
                        Thread.sleep(1);
                    }
                    if (i >= 0) {
                        lastByteToShown[i] = shownAt.get() - last;
                        firstByteToShown[i] = shownAt.get() - first;
                    }
                }
            }
            double wireMs = scanner.wireTime(scan.length).toNanos() / 1e6;
            double p50 = Stats.median(lastByteToShown);
            System.out.printf(Locale.ROOT, "scanner wire time                 %7.1f ms  (%d bytes × 10 / %d baud)%n", wireMs,
                    scan.length, baud);
            System.out.printf(Locale.ROOT, "last byte → status shown (n=%d)  p50 %7.1f ms   p90 %7.1f ms   max %7.1f ms%n", n, p50,
                    Stats.percentile(lastByteToShown, 90), Stats.percentile(lastByteToShown, 100));
            System.out.printf(Locale.ROOT, "first byte → status shown         p50 %7.1f ms   (the resident's wait after the beep starts)%n",
                    Stats.median(firstByteToShown));
            System.out.printf(Locale.ROOT, "ratio p50 (last byte → shown) / wire time  %5.2f%n", p50 / wireMs);
            Platform.exit();
            background.shutdownNow();
            kiosk.close();
        }
    }
}
