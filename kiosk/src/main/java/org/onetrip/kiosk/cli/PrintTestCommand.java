package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.printer.SimulatedReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;
import org.onetrip.kiosk.printer.escpos.TestPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk print-test}: prints a test page (every style, Chinese text, a native and a raster
 * QR code) and reports the printer's status before and after. Exit 0 when printed, 1 when not,
 * 2 for a configuration error. For the technician.
 */
@Command(name = "print-test", description = "Print a test page and report the printer's status.")
public final class PrintTestCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        PrinterProfile profile = Wiring.printerProfile(config);
        Path pictures = config.dataDir().resolve("receipts");
        try (ReceiptPrinter printer = Wiring.printer(config, pictures)) {
            printer.start();
            DeviceStatus before = printer.status();
            byte[] page = TestPage.build(profile, config.kioskId(), ZonedDateTime.now());
            PrintOutcome outcome;
            if (printer instanceof EscPosPrinter p) {
                outcome = p.printJob(page);
            } else if (printer instanceof SimulatedReceiptPrinter p) {
                outcome = p.printJob(page);
            } else {
                outcome = PrintOutcome.failed(printer.status());
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("printer", config.printerDevice().text());
                out.put("before", status(before));
                out.put("after", status(outcome.status()));
                out.put("printed", outcome.printed());
                out.put("bytes", page.length);
                System.out.println(Json.write(out));
            } else {
                System.out.println("printer  " + config.printerDevice());
                System.out.println("before   " + before);
                System.out.println("after    " + outcome.status());
                System.out.println(outcome.printed() ? "printed  test page, " + page.length + " bytes" : "NOT printed");
            }
            if (!outcome.printed()) {
                System.err.println("print-test: the test page was not printed: " + outcome.status());
            }
            return outcome.printed() ? 0 : 1;
        }
    }

    private static Map<String, String> status(DeviceStatus s) {
        return Map.of("state", s.state().name(), "detail", s.detail().name(), "message", s.message());
    }
}
