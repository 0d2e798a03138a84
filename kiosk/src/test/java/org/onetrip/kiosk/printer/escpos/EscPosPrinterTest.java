package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator.Condition;
import org.onetrip.kiosk.printer.escpos.PrinterTransport.StatusSupport;

/** The adapter's decisions, over an in-memory transport to the simulator. */
class EscPosPrinterTest {
    private static final byte[] STATUS_REQUESTS = hex("10 04 01 10 04 02 10 04 03 10 04 04");

    private final FakeTransport transport = new FakeTransport();
    private final PrinterProfile profile = PrinterProfile.forPaper(80);
    private final EscPosPrinter printer = new EscPosPrinter(transport, new ReceiptLayout(profile), Duration.ofMillis(200));
    private final byte[] receipt = new ReceiptLayout(profile).render(Receipts.typical());

    @Test
    void readyPrinterPrintsWithStatusBeforeAndAfter() {
        printer.start();
        assertThat(printer.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(printer.status().detail()).isEqualTo(StatusDetail.NONE);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isTrue();
        assertThat(outcome.status().isOnline()).isTrue();
        assertArrayEquals(receipt, transport.printer.printed());
        // start, before and after: four requests each.
        assertThat(transport.printer.statusRequests()).isEqualTo(12);
        assertThat(printer.id()).isEqualTo("printer");
        assertThat(printer.name()).contains("ESC/POS", "fake:printer");
    }

    @Test
    void statusRequestsAreDleEot1To4() {
        List<byte[]> written = new ArrayList<>();
        PrinterTransport recording = new FakeTransport() {
            @Override
            public void write(byte[] data) throws IOException {
                written.add(data);
                super.write(data);
            }
        };
        new EscPosPrinter(recording, profile).refreshStatus();
        assertThat(written).hasSize(4);
        assertArrayEquals(STATUS_REQUESTS, Bytes.of(written.get(0), written.get(1), written.get(2), written.get(3)));
    }

    @Test
    void paperNearEndPrintsAndTellsTheTechnician() {
        transport.printer.setCondition(Condition.PAPER_NEAR_END);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isTrue();
        assertThat(outcome.status().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(outcome.status().detail()).isEqualTo(StatusDetail.PAPER_NEAR_END);
        assertThat(outcome.status().needsAttention()).isTrue();
        assertArrayEquals(receipt, transport.printer.printed());
    }

    @Test
    void paperOutSendsNothingAndFails() {
        transport.printer.setCondition(Condition.PAPER_OUT);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(outcome.status().detail()).isEqualTo(StatusDetail.PAPER_OUT);
        assertThat(transport.printer.printed()).isEmpty();
    }

    @Test
    void paperRunningOutMidPrintFails() {
        transport.printer.changeConditionAfter(300, Condition.PAPER_OUT);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.status().detail()).isEqualTo(StatusDetail.PAPER_OUT);
        // The whole job was sent: the "before" status was fine.
        assertArrayEquals(receipt, transport.printer.printed());
    }

    @Test
    void coverOpenAndCutterErrorAreOfflineWithDetail() {
        transport.printer.setCondition(Condition.COVER_OPEN);
        PrintOutcome cover = printer.print(Receipts.typical());
        assertThat(cover.printed()).isFalse();
        assertThat(cover.status().detail()).isEqualTo(StatusDetail.COVER_OPEN);

        transport.printer.setCondition(Condition.CUTTER_ERROR);
        PrintOutcome cutter = printer.print(Receipts.typical());
        assertThat(cutter.printed()).isFalse();
        assertThat(cutter.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(cutter.status().detail()).isEqualTo(StatusDetail.HARDWARE_ERROR);
        assertThat(cutter.status().message()).contains("cutter");
        assertThat(transport.printer.printed()).isEmpty();
    }

    @Test
    void aSilentPrinterIsOfflineNotAHang() {
        transport.printer.setCondition(Condition.SILENT);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(outcome.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
        assertThat(outcome.status().message()).contains("no answer to DLE EOT 1");
        assertThat(transport.printer.printed()).isEmpty();
        // It comes back once the printer answers again.
        transport.printer.setCondition(Condition.READY);
        assertThat(printer.print(Receipts.typical()).printed()).isTrue();
    }

    @Test
    void automaticStatusFramesBeforeAnswersAreSkipped() {
        // The frames say "cover open": if they were taken as answers the status would be wrong.
        transport.printer.sendAutoStatusFirst(true);
        assertThat(printer.refreshStatus().detail()).isEqualTo(StatusDetail.NONE);
        transport.printer.setCondition(Condition.PAPER_OUT);
        assertThat(printer.refreshStatus().detail()).isEqualTo(StatusDetail.PAPER_OUT);
    }

    @Test
    void noiseIsNoAnswer() {
        FakeTransport noisy = new FakeTransport() {
            @Override
            public void write(byte[] data) throws IOException {
                super.write(data);
                inject(0xFF, 0x00); // a wrong baud rate looks like this
            }

            @Override
            public void discardInput() {
            }
        };
        noisy.printer.setCondition(Condition.SILENT);
        DeviceStatus s = new EscPosPrinter(noisy, new ReceiptLayout(profile), Duration.ofMillis(100)).refreshStatus();
        // 0xFF is noise, 0x00 is noise: no answer.
        assertThat(s.detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
        assertThat(s.message()).contains("no status answer");
    }

    @Test
    void aFailedWriteIsACommunicationErrorAndTheNextPrintReconnects() {
        printer.start();
        transport.failWrite = new IOException("broken pipe");
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
        assertThat(outcome.status().message()).contains("broken pipe");
        assertThat(transport.open).isFalse();
        transport.failWrite = null;
        assertThat(printer.print(Receipts.typical()).printed()).isTrue();
        assertThat(transport.opens).isEqualTo(2);
    }

    @Test
    void aMissingDeviceIsGone() {
        transport.failOpen = new NoSuchFileException("/dev/ttyUSB0");
        printer.start();
        assertThat(printer.status().state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(printer.status().detail()).isEqualTo(StatusDetail.GONE);
        assertThat(printer.status().message()).contains("/dev/ttyUSB0");
        assertThat(printer.print(Receipts.typical()).printed()).isFalse();
    }

    @Test
    void aRefusedConnectionIsACommunicationError() {
        transport.failOpen = new java.net.ConnectException("Connection refused");
        printer.start();
        assertThat(printer.status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
    }

    @Test
    void aTransportThatCannotBeUsedAtAllIsAConfigurationErrorNotACrash() {
        FakeTransport broken = new FakeTransport() {
            @Override
            public void open() {
                throw new UnsatisfiedLinkError("no native serial library for this CPU");
            }
        };
        EscPosPrinter p = new EscPosPrinter(broken, profile);
        p.start();
        assertThat(p.status().detail()).isEqualTo(StatusDetail.CONFIGURATION_ERROR);
        assertThat(p.print(Receipts.typical()).printed()).isFalse();
    }

    @Test
    void aTransportWithoutStatusPrintsWithStatusUnknown() {
        transport.support = StatusSupport.NONE;
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isTrue();
        assertThat(outcome.status().state()).isEqualTo(DeviceState.UNKNOWN);
        assertThat(outcome.status().message()).contains("without status");
        assertThat(transport.printer.statusRequests()).isZero();
        assertArrayEquals(receipt, transport.printer.printed());
    }

    @Test
    void aBestEffortDeviceThatNeverAnswersIsAskedOnceThenPrintsUnknown() {
        transport.support = StatusSupport.BEST_EFFORT;
        transport.printer.setCondition(Condition.SILENT);
        printer.start();
        assertThat(printer.status().state()).isEqualTo(DeviceState.UNKNOWN);
        PrintOutcome outcome = printer.print(Receipts.typical());
        assertThat(outcome.printed()).isTrue();
        assertThat(transport.printer.statusRequests()).isEqualTo(1);
        assertArrayEquals(receipt, transport.printer.printed());
    }

    @Test
    void aBestEffortDeviceThatAnsweredOnceAndFallsSilentIsOffline() {
        transport.support = StatusSupport.BEST_EFFORT;
        printer.start();
        assertThat(printer.status().isOnline()).isTrue();
        transport.printer.setCondition(Condition.SILENT);
        assertThat(printer.print(Receipts.typical()).status().detail()).isEqualTo(StatusDetail.COMMUNICATION_ERROR);
    }

    @Test
    void listenersHearChangesOnly() {
        List<DeviceStatus> heard = new ArrayList<>();
        printer.addStatusListener(heard::add);
        printer.start();
        printer.refreshStatus();
        transport.printer.setCondition(Condition.PAPER_NEAR_END);
        printer.refreshStatus();
        assertThat(heard).extracting(DeviceStatus::detail)
                .containsExactly(StatusDetail.NONE, StatusDetail.PAPER_NEAR_END);
    }

    @Test
    void testPageGoesOutAsAJob() {
        byte[] page = TestPage.build(profile, "sim-kiosk-01", Receipts.FILED_AT);
        assertThat(printer.printJob(page).printed()).isTrue();
        assertArrayEquals(page, transport.printer.printed());
    }
}
