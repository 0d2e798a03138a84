package org.onetrip.kiosk.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * systemd's notification protocol (sd_notify(3)): one datagram of {@code KEY=VALUE} lines to the
 * unix socket named by {@code $NOTIFY_SOCKET}, a path or, with a leading {@code @}, a name in the
 * abstract namespace.
 *
 * <p>Java 17 opens unix sockets only as streams (JEP 380), and the notify socket is a datagram
 * socket, so this calls libc's {@code socket} and {@code sendto} through JNA. Running
 * {@code systemd-notify} instead is unreliable: the message comes from a process that has often
 * exited before systemd reads it, and systemd then cannot tell which service sent it (systemd
 * 252, Bookworm's). Sending from the JVM's own long-lived process has no such race.
 */
public final class SdNotify {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** {@code sizeof(struct sockaddr_un)}: a 2-byte family and a 108-byte path. */
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_MAX = 108;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile LibC libc;

    private final String socket;
    private final byte[] address;
    private final int addressLength;

    /** @param socket the value of {@code $NOTIFY_SOCKET} */
    public SdNotify(String socket) {
        if (socket == null || socket.isEmpty() || !(socket.startsWith("/") || socket.startsWith("@"))) {
            throw new IllegalArgumentException("NOTIFY_SOCKET must be an absolute path or @name: " + socket);
        }
        byte[] name = socket.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = name[0] == '@';
        if (name.length >= SUN_PATH_MAX) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than a unix socket path may be: " + socket);
        }
        ByteBuffer addr = ByteBuffer.allocate(SUN_PATH_OFFSET + SUN_PATH_MAX).order(ByteOrder.nativeOrder());
        addr.putShort((short) AF_UNIX);
        addr.put(name);
        byte[] bytes = addr.array();
        if (abstractName) {
            // the abstract namespace: a leading NUL, and the length counts no terminating NUL
            bytes[SUN_PATH_OFFSET] = 0;
            this.addressLength = SUN_PATH_OFFSET + name.length;
        } else {
            this.addressLength = SUN_PATH_OFFSET + name.length + 1;
        }
        this.socket = socket;
        this.address = bytes;
    }

    /** The notifier for {@code $NOTIFY_SOCKET}, or empty when systemd did not ask for notifications. */
    public static Optional<SdNotify> fromEnvironment(Map<String, String> env) {
        String s = env.get("NOTIFY_SOCKET");
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(new SdNotify(s));
    }

    public String socket() {
        return socket;
    }

    /** Sends {@code state} ("READY=1", "WATCHDOG=1\nSTATUS=…") as one datagram. */
    public void send(String state) throws IOException {
        byte[] msg = state.getBytes(StandardCharsets.UTF_8);
        LibC c;
        try {
            c = libc();
        } catch (LinkageError e) {
            throw new IOException("cannot load libc through JNA to notify systemd", e);
        }
        int fd;
        try {
            fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM) failed: " + e.getMessage(), e);
        }
        try {
            long sent = c.sendto(fd, msg, new NativeLong(msg.length), 0, address, addressLength).longValue();
            if (sent != msg.length) {
                throw new IOException("sent " + sent + " of " + msg.length + " bytes to " + socket);
            }
        } catch (LastErrorException e) {
            throw new IOException("sendto " + socket + " failed: " + e.getMessage(), e);
        } finally {
            try {
                c.close(fd);
            } catch (LastErrorException ignored) {
                // a datagram socket's close cannot lose data
            }
        }
    }

    private static LibC libc() {
        LibC c = libc;
        if (c == null) {
            c = Native.load("c", LibC.class);
            libc = c;
        }
        return c;
    }
}
