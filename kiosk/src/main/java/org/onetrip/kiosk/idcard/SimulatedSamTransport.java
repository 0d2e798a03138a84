package org.onetrip.kiosk.idcard;

import java.io.IOException;
import java.util.Random;
import org.onetrip.kiosk.device.serial.SerialLinkException;
import org.onetrip.kiosk.device.serial.SerialLinkException.Problem;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;

/**
 * A SAM reader in memory: the bytes {@link SamIdCardReader} writes go to a {@link SimulatedSam},
 * and its answers come back, cut into chunks as a USB-serial bridge delivers them. Also the
 * ways a real link goes wrong, for tests and the simulator panel: unplugged, silent, garbled,
 * or opened at another rate than the SAM's (the SAM then hears noise and stays quiet).
 */
public final class SimulatedSamTransport implements SamTransport {
    private final SimulatedSam sam;
    private final String name;
    private final Object lock = new Object();
    private final Random noise = new Random(1);
    private byte[] inbound = new byte[8192];
    private int head;
    private int tail;
    private boolean open;
    private boolean plugged = true;
    private boolean silent;
    private boolean garbled;
    private int baud;
    private int chunk = 64;
    private long opens;

    public SimulatedSamTransport(SimulatedSam sam) {
        this(sam, "simulated SAM");
    }

    public SimulatedSamTransport(SimulatedSam sam, String name) {
        this.sam = sam;
        this.name = name;
    }

    public SimulatedSam sam() {
        return sam;
    }

    /** The device node disappears: an open link fails, opening fails until {@link #plugIn()}. */
    public void unplug() {
        synchronized (lock) {
            plugged = false;
            open = false;
            head = tail = 0;
            lock.notifyAll();
        }
    }

    public void plugIn() {
        synchronized (lock) {
            plugged = true;
        }
    }

    /** The reader takes commands and answers nothing (hung firmware, a cut RX line). */
    public void setSilent(boolean silent) {
        synchronized (lock) {
            this.silent = silent;
        }
    }

    /** Every answer arrives with one byte damaged (noise, a wrong rate at the far end). */
    public void setGarbled(boolean garbled) {
        synchronized (lock) {
            this.garbled = garbled;
        }
    }

    /** The most bytes one {@link #read} returns; 64 by default, like a full-speed USB packet. */
    public void setChunkSize(int chunk) {
        synchronized (lock) {
            this.chunk = Math.max(1, chunk);
        }
    }

    /** How often the link was opened, to see reconnects and baud probing. */
    public long opens() {
        synchronized (lock) {
            return opens;
        }
    }

    /** The rate the link was last opened at. */
    public int baud() {
        synchronized (lock) {
            return baud;
        }
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void open(int baud) throws IOException {
        synchronized (lock) {
            open = false;
            head = tail = 0;
            if (!plugged) {
                throw new SerialLinkException(Problem.NOT_FOUND, name, name + " does not exist");
            }
            this.baud = baud;
            this.open = true;
            opens++;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        synchronized (lock) {
            checkOpen();
            if (silent || baud != sam.baud()) {
                return;
            }
        }
        // The SAM is called outside our lock: it has its own, and a test may hold it.
        for (byte[] answer : sam.receive(bytes)) {
            synchronized (lock) {
                if (!open) {
                    return;
                }
                byte[] a = answer;
                if (garbled) {
                    a = answer.clone();
                    a[5 + noise.nextInt(a.length - 5)] ^= (byte) (1 + noise.nextInt(255));
                }
                append(a);
                lock.notifyAll();
            }
        }
    }

    @Override
    public int read(byte[] buf, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (lock) {
            while (true) {
                checkOpen();
                if (tail > head) {
                    int n = Math.min(Math.min(chunk, buf.length), tail - head);
                    System.arraycopy(inbound, head, buf, 0, n);
                    head += n;
                    return n;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return 0;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            open = false;
            head = tail = 0;
            lock.notifyAll();
        }
    }

    private void checkOpen() throws SerialLinkException {
        if (!plugged) {
            throw new SerialLinkException(Problem.NOT_FOUND, name, name + " disappeared (unplugged?)");
        }
        if (!open) {
            throw new SerialLinkException(Problem.IO_ERROR, name, name + " is not open");
        }
    }

    private void append(byte[] a) {
        if (head > 0) {
            System.arraycopy(inbound, head, inbound, 0, tail - head);
            tail -= head;
            head = 0;
        }
        if (tail + a.length > inbound.length) {
            inbound = java.util.Arrays.copyOf(inbound, Math.max(inbound.length * 2, tail + a.length));
        }
        System.arraycopy(a, 0, inbound, tail, a.length);
        tail += a.length;
    }

    @Override
    public String toString() {
        return "SimulatedSamTransport[" + name + "]";
    }
}
