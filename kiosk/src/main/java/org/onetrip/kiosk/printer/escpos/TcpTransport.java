package org.onetrip.kiosk.printer.escpos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A network printer on its raw port (9100). Non-blocking channel with a selector, because a
 * blocking socket has no write timeout: a printer that stops reading (out of paper with a full
 * buffer) would block a write forever once the socket buffers fill.
 */
public final class TcpTransport implements PrinterTransport {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Longest a write may make no progress before the printer counts as gone. */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration ioTimeout;
    private SocketChannel channel;
    private Selector selector;

    public TcpTransport(String host, int port, Duration connectTimeout, Duration ioTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.ioTimeout = ioTimeout;
    }

    @Override
    public String describe() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public void open() throws IOException {
        if (channel != null) {
            return;
        }
        SocketChannel ch = SocketChannel.open();
        Selector sel = Selector.open();
        try {
            ch.configureBlocking(false);
            ch.socket().setTcpNoDelay(true);
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve " + host);
            }
            if (!ch.connect(address)) {
                ch.register(sel, SelectionKey.OP_CONNECT);
                if (sel.select(Math.max(1, connectTimeout.toMillis())) == 0) {
                    throw new SocketTimeoutException("no connection to " + describe() + " within "
                            + connectTimeout.toMillis() + " ms");
                }
                ch.finishConnect();
                sel.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            sel.close();
            ch.close();
            throw e;
        }
        channel = ch;
        selector = sel;
    }

    @Override
    public boolean isOpen() {
        return channel != null;
    }

    @Override
    public void write(byte[] data) throws IOException {
        SocketChannel ch = requireOpen();
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            if (ch.write(buf) > 0) {
                continue;
            }
            if (!await(SelectionKey.OP_WRITE, ioTimeout)) {
                throw new SocketTimeoutException(describe() + " took no data for " + ioTimeout.toMillis()
                        + " ms with " + buf.remaining() + " bytes unsent");
            }
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        SocketChannel ch = requireOpen();
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int n = ch.read(bb);
        if (n == 0 && !timeout.isZero() && await(SelectionKey.OP_READ, timeout)) {
            n = ch.read(bb);
        }
        if (n < 0) {
            throw new IOException(describe() + " closed the connection");
        }
        return n;
    }

    @Override
    public StatusSupport statusSupport() {
        return StatusSupport.REQUIRED;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing a broken connection may fail; it is closed as far as we are concerned.
        } finally {
            selector = null;
            channel = null;
        }
    }

    private boolean await(int op, Duration timeout) throws IOException {
        SelectionKey key = channel.register(selector, op);
        try {
            return selector.select(Math.max(1, timeout.toMillis())) > 0;
        } finally {
            selector.selectedKeys().clear();
            key.interestOps(0);
        }
    }

    private SocketChannel requireOpen() throws IOException {
        if (channel == null) {
            throw new IOException(describe() + " is not open");
        }
        return channel;
    }
}
