package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.escpos.PrinterTransport.StatusSupport;

/** {@code file:} printers: a capture file, a missing device, and the URI factory. */
class FileTransportTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileIsWrittenWithoutStatus() throws Exception {
        Path capture = Files.createFile(dir.resolve("lp0"));
        FileTransport t = new FileTransport(capture, Duration.ofSeconds(5));
        EscPosPrinter printer = new EscPosPrinter(t, PrinterProfile.forPaper(58));
        PrintOutcome o = printer.print(Receipts.typical());
        printer.close();
        assertThat(t.statusSupport()).isEqualTo(StatusSupport.NONE);
        assertThat(o.printed()).isTrue();
        assertThat(o.status().state()).isEqualTo(DeviceState.UNKNOWN);
        // Only the receipt: no status requests were written into the file.
        assertArrayEquals(new ReceiptLayout(PrinterProfile.forPaper(58)).render(Receipts.typical()),
                Files.readAllBytes(capture));
    }

    @Test
    void aMissingDeviceIsGone() {
        EscPosPrinter printer = new EscPosPrinter(new FileTransport(dir.resolve("lp9"), Duration.ofSeconds(1)),
                PrinterProfile.forPaper(80));
        printer.start();
        assertThat(printer.status().detail()).isEqualTo(StatusDetail.GONE);
        assertThat(printer.print(Receipts.typical()).printed()).isFalse();
    }

    @Test
    void transportsFromTheProfile() {
        var schemes = java.util.EnumSet.allOf(DeviceUri.Scheme.class);
        assertThat(PrinterTransport.of(DeviceUri.parse("printer.device", "serial:/dev/ttyS0?baud=115200", schemes))
                .describe()).isEqualTo("serial:/dev/ttyS0?baud=115200");
        assertThat(PrinterTransport.of(DeviceUri.parse("printer.device", "serial:/dev/ttyS0", schemes))
                .describe()).isEqualTo("serial:/dev/ttyS0?baud=9600");
        assertThat(PrinterTransport.of(DeviceUri.parse("printer.device", "tcp:192.0.2.10:9100", schemes))
                .describe()).isEqualTo("tcp:192.0.2.10:9100");
        assertThat(PrinterTransport.of(DeviceUri.parse("printer.device", "file:/dev/usb/lp0", schemes))
                .describe()).isEqualTo("file:/dev/usb/lp0");
    }
}
