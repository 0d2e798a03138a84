package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * An in-memory cable to a {@link PrinterSimulator}: the bytes {@link EscPosPrinter} writes reach
 * the simulated printer, its status answers come back at once. Unplugging makes the printer's node
 * vanish, as a USB printer's does.
 */
public final class SimulatedPrinterTransport implements PrinterTransport {
    private final PrinterSimulator printer;
    private final ArrayDeque<Byte> inbound = new ArrayDeque<>();
    private volatile boolean plugged = true;
    private boolean open;

    public SimulatedPrinterTransport(PrinterSimulator printer) {
        this.printer = printer;
    }

    public void setPlugged(boolean p) {
        plugged = p;
    }

    @Override
    public String describe() {
        return "sim:printer";
    }

    @Override
    public synchronized void open() throws IOException {
        if (!plugged) {
            throw new NoSuchFileException("sim:printer", null, "simulated printer unplugged");
        }
        open = true;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        if (!open || !plugged) {
            open = false;
            throw new IOException("simulated printer unplugged");
        }
        for (byte b : printer.receive(data, data.length)) {
            inbound.add(b);
        }
    }

    @Override
    public synchronized int read(byte[] buf, Duration timeout) throws IOException {
        if (!open || !plugged) {
            throw new IOException("simulated printer unplugged");
        }
        int n = 0;
        while (n < buf.length && !inbound.isEmpty()) {
            buf[n++] = inbound.poll();
        }
        return n;
    }

    @Override
    public synchronized void discardInput() {
        inbound.clear();
    }

    @Override
    public StatusSupport statusSupport() {
        return StatusSupport.REQUIRED;
    }

    @Override
    public synchronized void close() {
        open = false;
        inbound.clear();
    }
}
