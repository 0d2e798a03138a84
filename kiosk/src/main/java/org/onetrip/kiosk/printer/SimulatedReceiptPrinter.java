package org.onetrip.kiosk.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code printer.device=sim} printer. It keeps every printed receipt for the simulator panel
 * and the tests, and can be put out of paper or near end, or unplugged, from the panel.
 */
public final class SimulatedReceiptPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(SimulatedReceiptPrinter.class);

    /** What the simulated paper sensor and cable say. */
    public enum Condition { READY, PAPER_NEAR_END, PAPER_OUT, UNPLUGGED }

    private final DeviceStatusHolder status = new DeviceStatusHolder("printer", DeviceStatus.unknown("starting"));
    private final List<Consumer<PrintedReceipt>> printListeners = new CopyOnWriteArrayList<>();
    private final List<PrintedReceipt> printed = new ArrayList<>();
    private final ReceiptImager imager;
    private volatile Condition condition = Condition.READY;

    /** A receipt as it came out; {@code picture} is PNG bytes, or null when no imager is set. */
    public record PrintedReceipt(Receipt receipt, byte[] picture) {
    }

    /** Turns a receipt into what a printer would show, as PNG bytes. */
    public interface ReceiptImager {
        byte[] png(Receipt receipt);
    }

    public SimulatedReceiptPrinter(ReceiptImager imager) {
        this.imager = imager;
    }

    @Override
    public String id() {
        return "printer";
    }

    @Override
    public String name() {
        return "Receipt printer (simulated)";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        status.addListener(listener);
    }

    public void addPrintListener(Consumer<PrintedReceipt> listener) {
        printListeners.add(listener);
    }

    @Override
    public void start() {
        setCondition(condition);
    }

    public Condition condition() {
        return condition;
    }

    public void setCondition(Condition c) {
        condition = c;
        status.update(switch (c) {
            case READY -> DeviceStatus.online("simulated printer ready");
            case PAPER_NEAR_END -> DeviceStatus.online(StatusDetail.PAPER_NEAR_END, "paper near end");
            case PAPER_OUT -> DeviceStatus.offline(StatusDetail.PAPER_OUT, "out of paper");
            case UNPLUGGED -> DeviceStatus.offline(StatusDetail.GONE, "simulated printer unplugged");
        });
    }

    @Override
    public PrintOutcome print(Receipt receipt) {
        Condition c = condition;
        if (c == Condition.PAPER_OUT || c == Condition.UNPLUGGED) {
            log.warn("simulated printer cannot print ticket {}: {}", receipt.ticket(), status.get());
            return PrintOutcome.failed(status.get());
        }
        PrintedReceipt p = new PrintedReceipt(receipt, imager == null ? null : imager.png(receipt));
        synchronized (printed) {
            printed.add(p);
        }
        for (Consumer<PrintedReceipt> l : printListeners) {
            l.accept(p);
        }
        return PrintOutcome.printed(status.get());
    }

    public List<PrintedReceipt> printed() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
