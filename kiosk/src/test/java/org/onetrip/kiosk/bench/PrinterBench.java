package org.onetrip.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator;
import org.onetrip.kiosk.printer.escpos.ReceiptLayout;
import org.onetrip.kiosk.printer.escpos.SerialTransport;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/**
 * Receipt printing: bytes on the wire for a typical receipt with a native and with a raster QR,
 * their wire times at 9600 and 115200 baud, and the time from Submit (filing, commit, layout,
 * status checks, printing) until the printer has taken the last byte, beside the wire time of
 * everything exchanged. The printer end reads at the line's baud rate, as a real UART does; a
 * pseudo-terminal alone would swallow any number of bytes at once.
 */
public final class PrinterBench {
    private PrinterBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("onetrip-printbench");
        try (SqliteRequestQueue queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), Clock.systemDefaultZone())) {
            FilingService filing = new FilingService(new CatalogLoader().loadBundled(), queue, ReceiptTokens.forInstallation(dir, () -> 0L),
                    new FilingService.CentreInfo("tongcheng-kiosk-01",
                            LocalizedText.of("桐城街道党群服务中心", "Tongcheng Subdistrict Party-Mass Service Centre"),
                            LocalizedText.of("窗口办理：工作日 8:00-12:00 14:30-17:30，自助服务 24 小时",
                                    "Windows open weekdays 8:00-12:00, 14:30-17:30; self-service 24 hours"),
                            "0593-7800000", "http://127.0.0.1:8311/status/"), Clock.systemDefaultZone());
            Submission sub = new Submission("residence-certificate", Map.of("purpose", "school", "address", "桐城街道1号",
                    "since", "2020-01-01", "housing", "owned", "copies", "1", "phone", "13800138000"),
                    FictionalCards.LAI_JIAJIA, null);
            Filing sample = filing.file(sub, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
            PrinterProfile nativeQr = PrinterProfile.forPaper(80);
            PrinterProfile rasterQr = nativeQr.withNativeQr(false);
            int nativeBytes = new ReceiptLayout(nativeQr).size(sample.receipt());
            int rasterBytes = new ReceiptLayout(rasterQr).size(sample.receipt());
            System.out.printf(Locale.ROOT, "typical 80 mm receipt (zh + en): native QR %,d bytes, raster QR %,d bytes (%.1f×)%n",
                    nativeBytes, rasterBytes, rasterBytes / (double) nativeBytes);
            for (int baud : new int[] {9600, 115200}) {
                System.out.printf(Locale.ROOT, "wire time at %6d baud: native %7.0f ms   raster %7.0f ms%n", baud,
                        nativeBytes * 10_000.0 / baud, rasterBytes * 10_000.0 / baud);
            }
            for (int baud : new int[] {9600, 115200}) {
                for (PrinterProfile profile : new PrinterProfile[] {nativeQr, rasterQr}) {
                    measure(filing, sub, profile, baud, runs, dir);
                }
            }
        }
    }

    private static void measure(FilingService filing, Submission sub, PrinterProfile profile, int baud, int runs,
            Path dir) throws Exception {
        Path ptyDir = Files.createTempDirectory(dir, "pty");
        try (SocatPty pty = new SocatPty(ptyDir).start(); PacedPrinter device = new PacedPrinter(pty.b().toString(), baud)) {
            EscPosPrinter printer = new EscPosPrinter(new SerialTransport(pty.a().toString(), baud),
                    new ReceiptLayout(profile), Duration.ofSeconds(2));
            printer.start();
            long[] took = new long[runs];
            double wireMs = 0;
            for (int i = 0; i < runs; i++) {
                long before = device.received.get();
                long t0 = System.nanoTime();
                Filing f = filing.file(sub, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
                PrintOutcome o = printer.print(f.receipt());
                long t1 = device.lastByteAt.get();
                if (!o.printed()) {
                    throw new IllegalStateException("not printed: " + o.status());
                }
                took[i] = t1 - t0;
                long exchanged = device.received.get() - before + device.answered.getAndSet(0);
                wireMs = exchanged * 10_000.0 / baud;
            }
            printer.close();
            double p50 = Stats.median(took);
            System.out.printf(Locale.ROOT, "%6d baud, %-6s QR: Submit → last byte at the printer p50 %7.0f ms; wire time of all bytes exchanged %7.0f ms; ratio %.2f%n",
                    baud, profile.nativeQr() ? "native" : "raster", p50, wireMs, p50 / wireMs);
        }
    }

    /** The printer end of the line: takes bytes no faster than the baud rate allows, answers status. */
    static final class PacedPrinter implements AutoCloseable {
        final AtomicLong received = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong lastByteAt = new AtomicLong();
        private final PrinterSimulator printer = new PrinterSimulator();
        private final SerialLink link;
        private final Thread thread;
        private volatile boolean running = true;

        PacedPrinter(String path, int baud) throws Exception {
            link = SerialLink.open(path, baud);
            long nanosPerByte = 10L * 1_000_000_000L / baud;
            thread = new Thread(() -> {
                byte[] buf = new byte[64];
                long due = System.nanoTime();
                while (running) {
                    try {
                        int n = link.read(buf, 0, buf.length, 50);
                        if (n <= 0) {
                            due = System.nanoTime();
                            continue;
                        }
                        // The UART takes one byte each 10 bits: wait until these n would have arrived.
                        due = Math.max(due, System.nanoTime() - nanosPerByte) + n * nanosPerByte;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        received.addAndGet(n);
                        lastByteAt.set(System.nanoTime());
                        byte[] reply = printer.receive(buf, n);
                        if (reply.length > 0) {
                            Thread.sleep(0, (int) Math.min(999_999, reply.length * nanosPerByte));
                            link.writeAll(reply);
                            answered.addAndGet(reply.length);
                        }
                    } catch (Exception e) {
                        if (running) {
                            e.printStackTrace();
                        }
                        return;
                    }
                }
            }, "paced-printer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(2000);
            link.close();
        }
    }
}
