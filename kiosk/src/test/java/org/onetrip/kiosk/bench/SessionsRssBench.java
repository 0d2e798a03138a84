package org.onetrip.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.ui.KioskUi;

/**
 * Resident set size after N whole sessions of the real UI (headless, Monocle): pick a service,
 * read a card, fill the form, submit, print, go home. A leak of screens, images or sessions shows
 * as RSS and heap growing with N.
 */
public final class SessionsRssBench {
    private SessionsRssBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable t) {
            System.out.println("FAILED: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("onetrip-rss");
        Kiosk kiosk = Wiring.wire(KioskConfig.simulator("data.dir=" + dir, "ui.simulator-panel=false"),
                Clock.systemDefaultZone());
        kiosk.startDevices();
        ExecutorService background = Executors.newSingleThreadExecutor();
        CompletableFuture<KioskUi> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            KioskUi ui = new KioskUi(kiosk, stage, Clock.systemDefaultZone(), background);
            ui.start();
            stage.show();
            started.complete(ui);
        });
        KioskUi ui = started.get();
        SimulatedIdCardReader reader = (SimulatedIdCardReader) kiosk.idCardReader();
        SimulatedReceiptPrinter printer = (SimulatedReceiptPrinter) kiosk.printer();
        java.util.concurrent.atomic.AtomicInteger printedCount = new java.util.concurrent.atomic.AtomicInteger();
        printer.addPrintListener(p -> printedCount.incrementAndGet());
        var service = kiosk.catalog().service("residence-certificate").orElseThrow();
        Map<String, String> values = Map.of("purpose", "school", "address", "桐城街道1号", "since", "2020-01-01",
                "housing", "owned", "copies", "1", "phone", "13800138000");
        System.out.printf(Locale.ROOT, "sessions %5d   RSS %6.1f MiB%n", 0, rssMiB());
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            // The flow is driven from here, not by touches: tell the idle timer a resident is there.
            fx(() -> {
                ui.idle().activity();
                ui.flow().startService(service);
            });
            waitFor(() -> "identify".equals(ui.flow().nav().current().id()), "the identify screen of session " + i);
            reader.place(i % 2 == 0 ? FictionalCards.LAI_JIAJIA : FictionalCards.OUYANG_ELDER);
            waitFor(() -> "form".equals(ui.flow().nav().current().id()), "the form after the card of session " + i);
            fx(() -> {
                ui.flow().session().values().putAll(values);
                ui.flow().review();
            });
            fx(() -> ((Button) stageLookup(ui, "#submit")).fire());
            int printed = i;
            waitFor(() -> "done".equals(ui.flow().nav().current().id()) && printedCount.get() >= printed,
                    "the printed receipt of session " + i);
            fx(() -> ui.flow().home());
            reader.remove();
            if (i % 50 == 0 || i == n) {
                System.gc();
                System.out.printf(Locale.ROOT, "sessions %5d   RSS %6.1f MiB   heap used after GC %6.1f MiB%n", i, rssMiB(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
            }
        }
        System.out.printf(Locale.ROOT, "%d sessions in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        Platform.exit();
        background.shutdownNow();
        kiosk.close();
        System.exit(0);
    }

    private static Object stageLookup(KioskUi ui, String id) {
        return ui.flow().nav().current() == null ? null
                : javafx.stage.Window.getWindows().get(0).getScene().lookup(id);
    }

    static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.get();
    }

    static void waitFor(BooleanSupplier c) throws Exception {
        waitFor(c, "a condition");
    }

    static void waitFor(BooleanSupplier c, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = c.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    static double rssMiB() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }
}
