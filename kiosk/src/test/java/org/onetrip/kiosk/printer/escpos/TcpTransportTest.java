package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

    @Test
    void aPrinterThatStopsReadingEndsTheWriteInsteadOfBlockingIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpTransport t = new TcpTransport("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2),
                    Duration.ofMillis(300));
            t.open();
            try (Socket accepted = server.accept()) {
                // Never read: more than the socket buffers on both sides can hold.
                byte[] job = new byte[32 * 1024 * 1024];
                assertThatThrownBy(() -> t.write(job)).isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("took no data");
            } finally {
                t.close();
            }
        }
    }

    @Test
    void silenceIsZeroBytesAndAClosedConnectionIsAnError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpTransport t = new TcpTransport("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2),
                    Duration.ofSeconds(2));
            t.open();
            try (Socket accepted = server.accept()) {
                assertThat(t.read(new byte[4], Duration.ofMillis(50))).isZero();
                accepted.getOutputStream().write(0x12);
                accepted.getOutputStream().flush();
                byte[] buf = new byte[4];
                assertThat(t.read(buf, Duration.ofSeconds(2))).isEqualTo(1);
                assertThat(buf[0]).isEqualTo((byte) 0x12);
            }
            assertThatThrownBy(() -> t.read(new byte[4], Duration.ofSeconds(2))).isInstanceOf(IOException.class);
            t.close();
            assertThat(t.isOpen()).isFalse();
        }
    }
}
