package org.onetrip.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.SamDeviceSimulator;
import org.onetrip.kiosk.idcard.SamIdCardReader;
import org.onetrip.kiosk.idcard.SerialSamTransport;
import org.onetrip.kiosk.idcard.sam.SamCommand;
import org.onetrip.kiosk.idcard.sam.SamFrames;
import org.onetrip.kiosk.idcard.sam.SimulatedSam;

/**
 * Time from a card placed on a simulated SAM (bytes paced at 115200 baud over a socat pty pair)
 * to the identity in the application, beside the wire time of the same exchange
 * (find → select → read: bytes × 10 / baud). The reader polls, so a placement waits on average
 * half a poll interval before the first find; both ratios are printed.
 */
public final class IdCardBench {
    private IdCardBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int pollMs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int baud = 115200;
        Path dir = Files.createTempDirectory("onetrip-idbench");
        SimulatedSam sam = new SimulatedSam();
        try (SocatPty pty = new SocatPty(dir).start();
                SamDeviceSimulator device = new SamDeviceSimulator(pty.b().toString(), sam, true)) {
            device.start();
            LinkedBlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            SamIdCardReader reader = new SamIdCardReader(new SerialSamTransport(pty.a().toString()),
                    SamIdCardReader.Settings.defaults().withBaud(baud).withPollInterval(Duration.ofMillis(pollMs)));
            reader.setCardListener(events::offer);
            reader.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!reader.status().isOnline() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Wire bytes of one read cycle: find (command + "card found"), select (+ serial), read (+ 1295 byte body).
            int cmd = SamCommand.FIND_CARD.frame().length;
            int bytes = cmd + 15 + cmd + 19 + cmd + (7 + 1295);
            double wireMs = SamFrames.wireMicros(bytes, baud) / 1000.0;
            long[] lat = new long[n];
            java.util.Random random = new java.util.Random(42);
            for (int i = -2; i < n; i++) {
                // A resident's hand does not follow the poll: place at a random point of the cycle.
                Thread.sleep(random.nextInt(pollMs));
                events.clear();
                long t0 = System.nanoTime();
                sam.place(FictionalCards.LAI_JIAJIA);
                CardEvent e;
                do {
                    e = events.poll(10, TimeUnit.SECONDS);
                } while (e != null && !(e instanceof CardEvent.Presented));
                if (e == null) {
                    throw new IllegalStateException("no card read; reader " + reader.status());
                }
                long t1 = System.nanoTime();
                if (i >= 0) {
                    lat[i] = t1 - t0;
                }
                sam.remove();
                while (!(events.poll(10, TimeUnit.SECONDS) instanceof CardEvent.Removed)) {
                    // wait for the reader to see it go
                }
            }
            reader.close();
            double p50 = Stats.median(lat);
            System.out.printf(Locale.ROOT, "wire time of find+select+read   %7.1f ms  (%d bytes at %d baud)%n", wireMs, bytes, baud);
            System.out.printf(Locale.ROOT, "placement → identity (n=%d)    p50 %7.1f ms   p90 %7.1f ms   poll interval %d ms%n",
                    n, p50, Stats.percentile(lat, 90), pollMs);
            System.out.printf(Locale.ROOT, "ratio p50 / wire                %7.2f%n", p50 / wireMs);
            System.out.printf(Locale.ROOT, "ratio (p50 − poll/2) / wire     %7.2f   (aim < 1.25: what remains after the mean wait for a poll)%n",
                    (p50 - pollMs / 2.0) / wireMs);
            System.out.printf(Locale.ROOT, "ratio p50 / (wire + poll)       %7.2f%n", p50 / (wireMs + pollMs));
        }
    }
}
