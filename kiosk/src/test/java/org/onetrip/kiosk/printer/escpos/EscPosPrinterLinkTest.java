package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator.Condition;

/**
 * The real adapter over real links: a socat pty pair (serial) and loopback TCP, with the
 * simulator answering on the other end. The same scenarios run over both.
 */
class EscPosPrinterLinkTest {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);

    /** What each link-specific class sets up. */
    abstract static class Scenarios {
        PrinterSimulator sim;
        EscPosPrinter printer;
        final PrinterProfile profile = PrinterProfile.forPaper(80);

        abstract void connect() throws Exception;

        @AfterEach
        void disconnect() throws Exception {
            if (printer != null) {
                printer.close();
                printer = null;
            }
            if (sim != null) {
                sim.close();
                sim = null;
            }
        }

        private PrintOutcome printWith(Condition c) throws Exception {
            connect();
            sim.setCondition(c);
            printer.start();
            return printer.print(Receipts.typical());
        }

        @Test
        void ready() throws Exception {
            PrintOutcome o = printWith(Condition.READY);
            assertThat(o.printed()).isTrue();
            assertThat(o.status().state()).isEqualTo(DeviceState.ONLINE);
            assertThat(o.status().detail()).isEqualTo(StatusDetail.NONE);
            assertArrayEquals(new ReceiptLayout(profile).render(Receipts.typical()), sim.printed());
            assertThat(sim.statusRequests()).isEqualTo(12);
        }

        @Test
        void paperNearEnd() throws Exception {
            PrintOutcome o = printWith(Condition.PAPER_NEAR_END);
            assertThat(o.printed()).isTrue();
            assertThat(o.status().detail()).isEqualTo(StatusDetail.PAPER_NEAR_END);
        }

        @Test
        void paperOut() throws Exception {
            PrintOutcome o = printWith(Condition.PAPER_OUT);
            assertThat(o.printed()).isFalse();
            assertThat(o.status().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(o.status().detail()).isEqualTo(StatusDetail.PAPER_OUT);
            assertThat(sim.printed()).isEmpty();
        }

        @Test
        void coverOpen() throws Exception {
            PrintOutcome o = printWith(Condition.COVER_OPEN);
            assertThat(o.printed()).isFalse();
            assertThat(o.status().detail()).isEqualTo(StatusDetail.COVER_OPEN);
        }

        @Test
        void cutterError() throws Exception {
            PrintOutcome o = printWith(Condition.CUTTER_ERROR);
            assertThat(o.printed()).isFalse();
            assertThat(o.status().detail()).isEqualTo(StatusDetail.HARDWARE_ERROR);
        }

        @Test
        void silentPrinter() throws Exception {
            PrintOutcome o = printWith(Condition.SILENT);
            assertThat(o.printed()).isFalse();
            assertThat(o.status().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(o.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
            assertThat(sim.printed()).isEmpty();
        }

        @Test
        void paperOutMidPrint() throws Exception {
            connect();
            printer.start();
            // Fine when asked before the receipt; out of paper 400 bytes into it.
            sim.changeConditionAfter(400, Condition.PAPER_OUT);
            PrintOutcome o = printer.print(Receipts.typical());
            assertThat(o.printed()).isFalse();
            assertThat(o.status().detail()).isEqualTo(StatusDetail.PAPER_OUT);
            assertThat(sim.printed()).hasSize(new ReceiptLayout(profile).size(Receipts.typical()));
            // Refilled: prints again.
            sim.setCondition(Condition.READY);
            assertThat(printer.print(Receipts.typical()).printed()).isTrue();
        }

        @Test
        void autoStatusFramesOnTheLineAreSkipped() throws Exception {
            connect();
            sim.sendAutoStatusFirst(true);
            assertThat(printer.refreshStatus().detail()).isEqualTo(StatusDetail.NONE);
        }

        @Test
        void whatThePrinterReceivedScansBackToTheStatusUrl() throws Exception {
            assertThat(printWith(Condition.READY).printed()).isTrue();
            String text = new QRCodeReader().decode(EscPosRendererTest.bitmap(sim.render(profile.paperDots())))
                    .getText();
            assertThat(text).isEqualTo(Receipts.STATUS_URL);
        }
    }

    @Nested
    class OverTcp extends Scenarios {
        @Override
        void connect() throws Exception {
            sim = PrinterSimulator.tcp(0);
            printer = new EscPosPrinter(new TcpTransport("127.0.0.1", sim.port(), Duration.ofSeconds(2),
                    Duration.ofSeconds(2)), new ReceiptLayout(profile), STATUS_TIMEOUT);
        }

        @Test
        void nobodyListeningIsACommunicationError() throws Exception {
            connect();
            int port = sim.port();
            sim.close();
            sim = null;
            EscPosPrinter absent = new EscPosPrinter(new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2),
                    Duration.ofSeconds(2)), new ReceiptLayout(profile), STATUS_TIMEOUT);
            absent.start();
            assertThat(absent.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
            assertThat(absent.status().message()).contains("cannot open tcp:127.0.0.1:" + port);
            assertThat(absent.print(Receipts.typical()).printed()).isFalse();
        }
    }

    @Nested
    class OverSerialPty extends Scenarios {
        @TempDir
        Path dir;
        PtyPair pty;

        @Override
        void connect() throws Exception {
            pty = PtyPair.open(dir);
            sim = PrinterSimulator.serial(pty.printer(), 115200);
            printer = new EscPosPrinter(new SerialTransport(pty.kiosk(), 115200), new ReceiptLayout(profile),
                    STATUS_TIMEOUT);
        }

        @AfterEach
        void closePty() throws Exception {
            disconnect(); // before the pty goes, or the simulator reads a dead line
            if (pty != null) {
                pty.close();
            }
        }

        @Test
        void aMissingSerialDeviceIsGone() {
            EscPosPrinter absent = new EscPosPrinter(new SerialTransport(dir.resolve("ttyUSB9").toString(), 9600),
                    profile);
            absent.start();
            assertThat(absent.status().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(absent.status().detail()).isEqualTo(StatusDetail.GONE);
        }
    }

}
