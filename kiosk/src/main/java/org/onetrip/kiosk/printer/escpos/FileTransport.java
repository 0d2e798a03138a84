package org.onetrip.kiosk.printer.escpos;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A printer as a device file, usually the Linux USB printer class {@code /dev/usb/lp0}. Writes
 * go to the file. Java cannot open a file non-blocking, so:
 * <ul>
 * <li>writes run on a helper thread and are given up after a timeout (usblp blocks a write while
 * the printer is not ready, e.g. out of paper);</li>
 * <li>a character device is also opened for reading on a daemon thread, and answers come back
 * through a queue: many USB printers return {@code DLE EOT} answers this way, some never do
 * ({@link StatusSupport#BEST_EFFORT});</li>
 * <li>a regular file (a capture for tests or debugging) is write-only
 * ({@link StatusSupport#NONE}): reading it back would return our own requests as answers.</li>
 * </ul>
 */
public final class FileTransport implements PrinterTransport {
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(20);

    private final Path path;
    private final Duration writeTimeout;
    private final LinkedBlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    private OutputStream out;
    private InputStream in;
    private ExecutorService writer;
    private boolean readable;

    public FileTransport(Path path, Duration writeTimeout) {
        this.path = path;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public String describe() {
        return "file:" + path;
    }

    @Override
    public void open() throws IOException {
        if (out != null) {
            return;
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such printer device");
        }
        boolean regular = Files.isRegularFile(path);
        out = new FileOutputStream(path.toFile(), regular);
        writer = Executors.newSingleThreadExecutor(r -> daemon(r, "printer-file-write"));
        readable = false;
        received.clear();
        if (!regular) {
            try {
                in = new FileInputStream(path.toFile());
                readable = true;
                InputStream stream = in;
                daemon(() -> pump(stream), "printer-file-read").start();
            } catch (IOException e) {
                in = null; // a write-only device: printing works, status stays unknown
            }
        }
    }

    private void pump(InputStream stream) {
        byte[] buf = new byte[64];
        try {
            int n;
            while ((n = stream.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    received.add(buf[i] & 0xFF);
                }
            }
        } catch (IOException e) {
            // Closed by close(), or the device went away: no more answers.
        }
    }

    @Override
    public boolean isOpen() {
        return out != null;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (out == null) {
            throw new IOException(describe() + " is not open");
        }
        OutputStream o = out;
        Future<?> f = writer.submit(() -> {
            o.write(data);
            o.flush();
            return null;
        });
        try {
            f.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            close(); // the helper stays blocked until the device lets go; a new open starts afresh
            throw new IOException("write to " + path + " did not finish within " + writeTimeout.toMillis()
                    + " ms (printer not ready?)", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("write to " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted writing to " + path);
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        if (buf.length == 0) {
            return 0;
        }
        try {
            Integer first = timeout.isZero() ? received.poll()
                    : received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return 0;
            }
            buf[0] = first.byteValue();
            int n = 1;
            Integer next;
            while (n < buf.length && (next = received.poll()) != null) {
                buf[n++] = next.byteValue();
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading " + path);
        }
    }

    @Override
    public StatusSupport statusSupport() {
        return readable ? StatusSupport.BEST_EFFORT : StatusSupport.NONE;
    }

    @Override
    public void close() {
        closeQuietly(in);
        closeQuietly(out);
        if (writer != null) {
            writer.shutdownNow();
        }
        in = null;
        out = null;
        writer = null;
        readable = false;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // nothing useful to do: the device is gone or was never there
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
