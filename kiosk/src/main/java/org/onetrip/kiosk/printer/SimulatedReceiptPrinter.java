package org.onetrip.kiosk.printer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.printer.escpos.EscPosPrinter;
import org.onetrip.kiosk.printer.escpos.EscPosRenderer;
import org.onetrip.kiosk.printer.escpos.PrinterProfile;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator;
import org.onetrip.kiosk.printer.escpos.SimulatedPrinterTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code printer.device=sim} printer. It is the real {@link EscPosPrinter} writing ESC/POS to
 * a {@link PrinterSimulator}; the picture of each receipt is drawn by decoding the bytes the
 * simulated printer received ({@link EscPosRenderer}), not from the receipt object, so it shows
 * what a thermal printer would print. Pictures are kept for the simulator panel and saved as PNG.
 */
public final class SimulatedReceiptPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(SimulatedReceiptPrinter.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What the simulated paper sensor, cover and cable say. */
    public enum Condition { READY, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN, UNPLUGGED }

    /** A receipt as it came out; {@code picture} is the PNG of what the printer printed. */
    public record PrintedReceipt(Receipt receipt, byte[] picture, byte[] escpos) {
    }

    private final PrinterSimulator device = new PrinterSimulator();
    private final SimulatedPrinterTransport cable = new SimulatedPrinterTransport(device);
    private final EscPosPrinter printer;
    private final PrinterProfile profile;
    private final Path pictures;
    private final List<Consumer<PrintedReceipt>> printListeners = new CopyOnWriteArrayList<>();
    private final List<PrintedReceipt> printed = new ArrayList<>();
    private volatile Condition condition = Condition.READY;

    /** {@code pictures} is the folder for receipt PNGs, or null to keep them in memory only. */
    public SimulatedReceiptPrinter(PrinterProfile profile, Path pictures) {
        this.profile = profile;
        this.pictures = pictures;
        this.printer = new EscPosPrinter(cable, profile);
    }

    @Override
    public String id() {
        return "printer";
    }

    @Override
    public String name() {
        return "Receipt printer (simulated ESC/POS)";
    }

    @Override
    public DeviceStatus status() {
        return printer.status();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        printer.addStatusListener(listener);
    }

    public void addPrintListener(Consumer<PrintedReceipt> listener) {
        printListeners.add(listener);
    }

    @Override
    public void start() {
        printer.start();
    }

    public Condition condition() {
        return condition;
    }

    /** Changes what the simulated printer reports and asks it at once, as the periodic check would. */
    public void setCondition(Condition c) {
        condition = c;
        cable.setPlugged(c != Condition.UNPLUGGED);
        switch (c) {
            case READY -> device.setCondition(PrinterSimulator.Condition.READY);
            case PAPER_NEAR_END -> device.setCondition(PrinterSimulator.Condition.PAPER_NEAR_END);
            case PAPER_OUT -> device.setCondition(PrinterSimulator.Condition.PAPER_OUT);
            case COVER_OPEN -> device.setCondition(PrinterSimulator.Condition.COVER_OPEN);
            case UNPLUGGED -> { }
        }
        printer.refreshStatus();
    }

    @Override
    public PrintOutcome print(Receipt receipt) {
        PrintOutcome outcome = printer.print(receipt);
        if (!outcome.printed()) {
            return outcome;
        }
        // This job's bytes, taken from the device: it kept every byte since the start before, and
        // the soak's heap grew by a receipt a visit.
        byte[] job = device.takePrintedBytes();
        byte[] png = png(new EscPosRenderer(profile.paperDots()).render(job));
        if (pictures != null) {
            try {
                Files.createDirectories(pictures);
                Files.write(pictures.resolve(receipt.ticket() + "-" + FILE_TIME.format(receipt.filedAt()) + ".png"), png);
            } catch (IOException e) {
                log.warn("cannot save the receipt picture in {}", pictures, e);
            }
        }
        PrintedReceipt p = new PrintedReceipt(receipt, png, job);
        synchronized (printed) {
            printed.add(p);
            // The panel shows the latest; a kiosk left running all night keeps only the last few.
            if (printed.size() > 20) {
                printed.remove(0);
            }
        }
        for (Consumer<PrintedReceipt> l : printListeners) {
            l.accept(p);
        }
        return outcome;
    }

    /** A ready-made job (the test page) through the same printer. */
    public PrintOutcome printJob(byte[] job) {
        return printer.printJob(job);
    }

    /** Bytes the simulated device still holds (none once a print is done). */
    public int heldBytes() {
        return device.heldBytes();
    }

    /** The receipts printed so far (the last 20), oldest first. */
    public List<PrintedReceipt> printed() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    /** The simulated mechanism, for tests. */
    public PrinterSimulator device() {
        return device;
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
    }

    @Override
    public void close() {
        printer.close();
    }
}
