package org.onetrip.kiosk.printer.escpos;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.printer.ReceiptPrinter;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Answer;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.AutoStatus;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Noise;
import org.onetrip.kiosk.printer.escpos.EscPosStatus.Reply;
import org.onetrip.kiosk.printer.escpos.PrinterTransport.StatusSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt printer speaking ESC/POS over any {@link PrinterTransport}. Every print asks
 * {@code DLE EOT 1..4} before (a printer out of paper, with its cover open or in error gets no
 * job) and after (paper running out in the middle of a receipt means it did not come out whole).
 * Paper near end prints and shows on the technician's status. A printer that does not answer
 * within the status timeout is OFFLINE/COMMUNICATION_ERROR; nothing here waits unbounded.
 *
 * <p>Calls are serialised; {@link #print} blocks, so call it off the JavaFX thread. Status
 * listeners run on the calling thread.
 */
public final class EscPosPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);

    /** Printers answer a real-time request within milliseconds; a second covers slow adapters. */
    public static final Duration DEFAULT_STATUS_TIMEOUT = Duration.ofSeconds(1);

    private final PrinterTransport transport;
    private final ReceiptLayout layout;
    private final Duration statusTimeout;
    private final DeviceStatusHolder status = new DeviceStatusHolder("printer", DeviceStatus.unknown("not started"));
    private final EscPosStatus.Splitter splitter = new EscPosStatus.Splitter();
    private final byte[] one = new byte[1];
    /** Whether the printer ever answered all four requests. */
    private boolean answeredOnce;
    /** A best-effort transport that never answered: stop asking, print with the status unknown. */
    private boolean statusUnanswered;
    /** Bytes that were neither answers nor status frames came while waiting: worth saying. */
    private boolean noiseSeen;

    public EscPosPrinter(PrinterTransport transport, ReceiptLayout layout, Duration statusTimeout) {
        this.transport = transport;
        this.layout = layout;
        this.statusTimeout = statusTimeout;
    }

    public EscPosPrinter(PrinterTransport transport, PrinterProfile profile) {
        this(transport, new ReceiptLayout(profile), DEFAULT_STATUS_TIMEOUT);
    }

    @Override
    public String id() {
        return "printer";
    }

    @Override
    public String name() {
        return "Receipt printer (ESC/POS, " + transport.describe() + ")";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        status.addListener(listener);
    }

    public PrinterProfile profile() {
        return layout.profile();
    }

    /** Opens the transport and asks the printer how it is. Never throws. */
    @Override
    public void start() {
        refreshStatus();
    }

    /** Asks the printer now, e.g. from a periodic check for the technician's screen. */
    public synchronized DeviceStatus refreshStatus() {
        return queryStatus();
    }

    @Override
    public PrintOutcome print(Receipt receipt) {
        byte[] job;
        try {
            job = layout.render(receipt);
        } catch (RuntimeException e) {
            // A receipt we cannot lay out is our bug, not the printer's: its status stays.
            log.error("cannot lay out the receipt for ticket {}", receipt.ticket(), e);
            return PrintOutcome.failed(status.get());
        }
        return printJob(job);
    }

    /**
     * Sends a ready-made job (the test page, a receipt) with the status checked before and
     * after; printed only if the printer was fit before and still is after.
     */
    public synchronized PrintOutcome printJob(byte[] job) {
        DeviceStatus before = queryStatus();
        if (!canPrint(before)) {
            log.warn("receipt not sent: printer is {}", before);
            return PrintOutcome.failed(before);
        }
        try {
            transport.write(job);
        } catch (IOException e) {
            log.warn("writing {} bytes to {} failed", job.length, transport.describe(), e);
            transport.close();
            return PrintOutcome.failed(update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR,
                    "sending the receipt failed: " + e.getMessage())));
        }
        // The bytes may still be on their way: a USB-serial adapter or a pseudo-terminal takes a
        // whole job into its buffer at once, and the printer answers DLE EOT only once the job's
        // bytes ahead of it have crossed the line. So the first answer may take the job's wire time.
        DeviceStatus after = queryStatus(transport.wireTime(job.length));
        if (!canPrint(after)) {
            log.warn("printer is {} after a {}-byte job: the receipt may be incomplete", after, job.length);
            return PrintOutcome.failed(after);
        }
        return PrintOutcome.printed(after);
    }

    private static boolean canPrint(DeviceStatus s) {
        // UNKNOWN only comes from a transport that cannot report status: print and hope.
        return s.state() == DeviceState.ONLINE || s.state() == DeviceState.UNKNOWN;
    }

    private DeviceStatus queryStatus() {
        return queryStatus(Duration.ZERO);
    }

    /** Asks DLE EOT 1..4; the first answer may take {@code backlog} longer (bytes still in flight). */
    private DeviceStatus queryStatus(Duration backlog) {
        try {
            transport.open();
        } catch (IOException e) {
            boolean gone = e instanceof NoSuchFileException || e instanceof FileNotFoundException
                    || (e instanceof org.onetrip.kiosk.device.serial.SerialLinkException s
                            && s.problem() == org.onetrip.kiosk.device.serial.SerialLinkException.Problem.NOT_FOUND);
            return update(DeviceStatus.offline(gone ? StatusDetail.GONE : StatusDetail.COMMUNICATION_ERROR,
                    "cannot open " + transport.describe() + ": " + e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            // jSerialComm's native library missing for this CPU, an invalid port name: the
            // profile names something this kiosk cannot use. A status, never a crash.
            log.error("cannot use {}", transport.describe(), e);
            return update(DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR,
                    "cannot use " + transport.describe() + ": " + e));
        }
        if (transport.statusSupport() == StatusSupport.NONE || statusUnanswered) {
            return update(DeviceStatus.unknown("printing without status: " + transport.describe()
                    + " does not report paper or errors"));
        }
        try {
            transport.discardInput();
            splitter.reset();
            int[] answers = new int[4];
            for (int n = 1; n <= 4; n++) {
                transport.write(EscPos.statusRequest(n));
                Integer a = awaitAnswer(n, n == 1 ? backlog : Duration.ZERO);
                if (a == null) {
                    return noAnswer(n);
                }
                answers[n - 1] = a;
            }
            answeredOnce = true;
            return update(PrinterCondition.fromDleEot(answers[0], answers[1], answers[2], answers[3])
                    .toDeviceStatus());
        } catch (IOException e) {
            log.warn("status request to {} failed", transport.describe(), e);
            transport.close(); // the next call reopens: a reconnected cable or a restarted printer
            return update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR,
                    "status request failed: " + e.getMessage()));
        }
    }

    private DeviceStatus noAnswer(int n) {
        if (transport.statusSupport() == StatusSupport.BEST_EFFORT && !answeredOnce) {
            // Never answered since start: a one-way device. Asking again would only cost time.
            statusUnanswered = true;
            return update(DeviceStatus.unknown("printing without status: " + transport.describe()
                    + " does not answer DLE EOT"));
        }
        // Closed so the next request reconnects: a TCP connection to a printer that was switched
        // off stays half-open, and a fresh serial open clears a confused adapter.
        transport.close();
        return update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR, "no answer to DLE EOT " + n
                + " within " + statusTimeout.toMillis() + " ms (printer off, cable, or wrong baud rate?)"
                + (noiseSeen ? "; it sent bytes that are no status answer" : "")));
    }

    /** The next DLE EOT answer, skipping automatic status frames and noise; null on timeout. */
    private Integer awaitAnswer(int n, Duration backlog) throws IOException {
        noiseSeen = false;
        long deadline = System.nanoTime() + statusTimeout.toNanos() + backlog.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            if (transport.read(one, Duration.ofNanos(left)) == 0) {
                continue;
            }
            Reply r = splitter.feed(one[0]);
            if (r instanceof Answer a) {
                return a.value();
            }
            if (r instanceof AutoStatus s) {
                log.debug("automatic status from {}: {}", transport.describe(), s.condition().describe());
            } else if (r instanceof Noise x) {
                noiseSeen = true;
                log.debug("byte {} from {} is no answer to DLE EOT {}", String.format("%02X", x.value()),
                        transport.describe(), n);
            }
        }
    }

    private DeviceStatus update(DeviceStatus s) {
        status.update(s);
        return status.get();
    }

    @Override
    public synchronized void close() {
        transport.close();
    }
}
