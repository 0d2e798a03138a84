package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * An in-memory transport to a {@link PrinterSimulator}: what the printer writes is handed to the
 * simulator, its answers come back immediately. Failures can be switched on.
 */
class FakeTransport implements PrinterTransport {
    final PrinterSimulator printer = new PrinterSimulator();
    private final ArrayDeque<Byte> inbound = new ArrayDeque<>();
    StatusSupport support = StatusSupport.REQUIRED;
    IOException failOpen;
    IOException failWrite;
    boolean open;
    int opens;

    @Override
    public String describe() {
        return "fake:printer";
    }

    @Override
    public void open() throws IOException {
        if (failOpen != null) {
            throw failOpen;
        }
        if (!open) {
            opens++;
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (!open) {
            throw new IOException("not open");
        }
        if (failWrite != null) {
            throw failWrite;
        }
        for (byte b : printer.receive(data, data.length)) {
            inbound.add(b);
        }
    }

    /** Bytes the printer sends on its own (noise, a status frame). */
    void inject(int... bytes) {
        for (int b : bytes) {
            inbound.add((byte) b);
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) {
        int n = 0;
        while (n < buf.length && !inbound.isEmpty()) {
            buf[n++] = inbound.poll();
        }
        return n; // nothing more will come: returning 0 at once is a timeout without the wait
    }

    @Override
    public void discardInput() {
        inbound.clear();
    }

    @Override
    public StatusSupport statusSupport() {
        return support;
    }

    @Override
    public void close() {
        open = false;
    }
}
