package org.onetrip.kiosk.printer.escpos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer's side of the cable, for tests and the bench: reads ESC/POS bytes over a serial
 * port (one end of a pty pair) or a loopback TCP port, answers {@code DLE EOT n} as a printer in
 * the configured {@link Condition} would, and keeps every other byte as printed. The paper can run
 * out part-way through a job ({@link #changeConditionAfter}), and an automatic status frame can be
 * sent before each answer to check the host skips it.
 */
public final class PrinterSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrinterSimulator.class);

    /** What the simulated printer answers to {@code DLE EOT 1..4}, as an Epson does. */
    public enum Condition {
        READY(0x12, 0x12, 0x12, 0x12),
        PAPER_NEAR_END(0x12, 0x12, 0x12, 0x1E),
        /** Offline, stopped by paper end, paper sensor 72. */
        PAPER_OUT(0x1A, 0x32, 0x12, 0x72),
        COVER_OPEN(0x1A, 0x16, 0x12, 0x12),
        /** Offline with an error, the cause an autocutter error. */
        CUTTER_ERROR(0x1A, 0x52, 0x1A, 0x12),
        /** Switched off or on the wrong baud rate: no answer at all. */
        SILENT();

        private final int[] answers;

        Condition(int... answers) {
            this.answers = answers;
        }

        /** The answer to {@code DLE EOT n}, or -1 for none. */
        public int answer(int n) {
            return answers.length == 0 ? -1 : answers[n - 1];
        }
    }

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private Condition condition = Condition.READY;
    private long changeAtPrinted = -1;
    private Condition changeTo;
    private boolean autoStatusFirst;
    private int statusRequests;

    private volatile boolean closed;
    private Thread thread;
    private AutoCloseable endpoint;
    private volatile Socket client;
    private int port;

    /** A simulator not yet connected to anything: feed it with {@link #receive}. */
    public PrinterSimulator() {
    }

    /** Listens on {@code 127.0.0.1:port} (0 picks a free port, see {@link #port()}). */
    public static PrinterSimulator tcp(int port) throws IOException {
        PrinterSimulator sim = new PrinterSimulator();
        ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        sim.endpoint = server;
        sim.port = server.getLocalPort();
        sim.start(() -> sim.serveTcp(server), "printer-sim-tcp");
        return sim;
    }

    /** Opens the device end of a serial line, e.g. one side of {@code socat pty pty}. */
    public static PrinterSimulator serial(String path, int baud) throws IOException {
        PrinterSimulator sim = new PrinterSimulator();
        SerialLink link = SerialLink.open(path, baud);
        sim.endpoint = link;
        sim.start(() -> sim.serveSerial(link), "printer-sim-serial");
        return sim;
    }

    public int port() {
        return port;
    }

    public synchronized void setCondition(Condition c) {
        condition = c;
        changeAtPrinted = -1;
    }

    public synchronized Condition condition() {
        return condition;
    }

    /**
     * Switches to {@code next} once {@code printedBytes} more bytes of print data have come in:
     * paper running out in the middle of a receipt.
     */
    public synchronized void changeConditionAfter(int printedBytes, Condition next) {
        changeAtPrinted = printed.size() + (long) printedBytes;
        changeTo = next;
    }

    /** Sends a 4-byte automatic status back frame before every answer, as a printer with ASB on. */
    public synchronized void sendAutoStatusFirst(boolean on) {
        autoStatusFirst = on;
    }

    /** Everything received except status requests. */
    public synchronized byte[] printed() {
        return printed.toByteArray();
    }

    /**
     * The number of bytes printed since the last call, forgetting them: a soak of thousands of
     * receipts counts them without keeping them.
     */
    public synchronized int takePrinted() {
        int n = printed.size();
        if (changeAtPrinted >= 0) {
            changeAtPrinted -= n;
        }
        printed.reset();
        return n;
    }

    /**
     * The bytes printed since the last call, forgetting them: one job at a time for whoever shows
     * what came out, without keeping every receipt since the start.
     */
    public synchronized byte[] takePrintedBytes() {
        byte[] job = printed.toByteArray();
        takePrinted();
        return job;
    }

    /** Bytes received and not yet taken. */
    public synchronized int heldBytes() {
        return printed.size();
    }

    public synchronized int statusRequests() {
        return statusRequests;
    }

    /** The printed bytes as a printer would have printed them. */
    public BufferedImage render(int paperDots) {
        return new EscPosRenderer(paperDots).render(printed());
    }

    /**
     * Takes bytes as the printer's input buffer would and returns what the printer sends back.
     * Commands are split with {@link CommandScanner}, so {@code 10 04} inside raster or QR data
     * is data, not a request.
     */
    public synchronized byte[] receive(byte[] data, int length) {
        byte[] buf = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(data, 0, buf, pending.length, length);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int off = 0;
        while (off < buf.length) {
            int len = CommandScanner.length(buf, off, buf.length);
            if (len == CommandScanner.NEED_MORE) {
                break;
            }
            if (len == 3 && buf[off] == EscPos.DLE && buf[off + 1] == EscPos.EOT) {
                answer(buf[off + 2] & 0xFF, reply);
            } else {
                printed.write(buf, off, len);
                if (changeAtPrinted >= 0 && printed.size() >= changeAtPrinted) {
                    condition = changeTo;
                    changeAtPrinted = -1;
                    log.info("simulated printer is now {}", condition);
                }
            }
            off += len;
        }
        pending = Arrays.copyOfRange(buf, off, buf.length);
        return reply.toByteArray();
    }

    private void answer(int n, ByteArrayOutputStream reply) {
        statusRequests++;
        if (n < 1 || n > 4 || condition == Condition.SILENT) {
            return;
        }
        if (autoStatusFirst) {
            // Byte 1 has bit 1 clear, bytes 2-4 have bit 4 clear: cover open, paper near end.
            reply.write(0x30);
            reply.write(0x00);
            reply.write(0x03);
            reply.write(0x00);
        }
        reply.write(condition.answer(n));
    }

    private void start(Runnable loop, String name) {
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void serveTcp(ServerSocket server) {
        byte[] buf = new byte[4096];
        while (!closed) {
            try (Socket s = server.accept()) {
                client = s;
                synchronized (this) {
                    pending = new byte[0];
                }
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    byte[] reply = receive(buf, n);
                    if (reply.length > 0) {
                        out.write(reply);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    log.debug("simulated printer connection ended: {}", e.toString());
                }
            } finally {
                client = null;
            }
        }
    }

    private void serveSerial(SerialLink link) {
        byte[] buf = new byte[4096];
        while (!closed) {
            try {
                int n = link.read(buf, Duration.ofMillis(100));
                if (n > 0) {
                    byte[] reply = receive(buf, n);
                    if (reply.length > 0) {
                        link.writeAll(reply, Duration.ofSeconds(1));
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    log.warn("simulated printer on {} stopped", link.path(), e);
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            Socket c = client;
            if (c != null) {
                c.close();
            }
            if (endpoint != null) {
                endpoint.close();
            }
        } catch (Exception e) {
            log.debug("closing the simulated printer: {}", e.toString());
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
