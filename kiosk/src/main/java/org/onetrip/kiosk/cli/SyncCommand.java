package org.onetrip.kiosk.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.privacy.RetentionEraser;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.sync.OutboxWorker;
import org.onetrip.kiosk.sync.SyncListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk sync [--once]}: the outbox worker in the foreground, printing one line per thing it
 * does (request ids and service request ids only, nothing personal). Without {@code --once} it runs
 * like the kiosk's own sync until interrupted. With {@code --once} it sends everything now, ignoring
 * backoff waits, refreshes statuses, sends a heartbeat, fetches the catalogue and exits:
 * 0 when nothing is left to send, 1 when requests still wait (the back office is out of reach),
 * 2 for a configuration error (no back office configured, or it refused the api key). Like the
 * kiosk, it erases personal data past {@code privacy.retention-days} (once with {@code --once},
 * hourly otherwise): the one eraser, {@link RetentionEraser}.
 */
@Command(name = "sync", description = "Send the outbox to the back office and fetch statuses, in the foreground.")
public final class SyncCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--once", description = "One pass now, then exit (0 all sent, 1 some still waiting, 2 configuration error).")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        if (config.backOfficeUrl().isEmpty()) {
            System.err.println("kiosk sync: no back office configured: set " + KioskConfig.BACKOFFICE_URL
                    + " (and " + KioskConfig.BACKOFFICE_API_KEY + ")");
            return 2;
        }
        try (Kiosk kiosk = Wiring.wire(config, Clock.systemDefaultZone());
                RetentionEraser eraser = Wiring.retentionEraser(kiosk)) {
            OutboxWorker sync = kiosk.backOfficeSync().orElseThrow();
            sync.addListener(new Printer(System.out));
            if (once) {
                int erased = eraser.runOnce();
                if (erased > 0) {
                    System.out.println("erased the personal data of " + erased + " requests past retention");
                }
                OutboxWorker.Report r = sync.runOnce();
                System.out.printf("sync: %d delivered, %d parked, %d failed, %d tokens resolved, %d statuses changed, %d still pending%n",
                        r.delivered(), r.parked(), r.failed(), r.tokensResolved(), r.statusesChanged(), r.stillPending());
                System.out.println("backoffice " + sync.status());
                return r.stopped() ? 2 : r.stillPending() > 0 ? 1 : 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            sync.addListener(new SyncListener() {
                @Override
                public void stopped(String reason) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sync-shutdown"));
            eraser.start();
            sync.start();
            System.out.println("sync: running; Ctrl-C to stop");
            System.out.flush();
            stopped.await();
            return sync.isStopped() ? 2 : 0;
        }
    }

    /** One line per event, flushed at once so a supervisor (or a test) reads it as it happens. */
    static final class Printer implements SyncListener {
        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        private void line(String s) {
            out.println(s);
            out.flush();
        }

        @Override
        public void delivered(UUID requestId, String serviceRequestId, String token, boolean replayed) {
            line("delivered " + requestId + (serviceRequestId != null ? " as " + serviceRequestId : " as token " + token)
                    + (replayed ? " (filed before)" : ""));
        }

        @Override
        public void parked(UUID requestId, String reason) {
            line("parked " + requestId + ": " + reason);
        }

        @Override
        public void retrying(UUID requestId, String reason, Instant nextAttempt) {
            line("not delivered " + requestId + ": " + reason + "; next try " + nextAttempt.truncatedTo(ChronoUnit.SECONDS));
        }

        @Override
        public void stopped(String reason) {
            line("stopped: " + reason);
        }

        @Override
        public void tokenResolved(UUID requestId, String serviceRequestId) {
            line("resolved " + requestId + " as " + serviceRequestId);
        }

        @Override
        public void statusChanged(UUID requestId, RequestStatus from, RequestStatus to) {
            line("status " + requestId + " " + from.wire() + " -> " + to.wire());
        }

        @Override
        public void heartbeat(boolean sent, String note) {
            line(sent ? "heartbeat sent" : "heartbeat: " + note);
        }

        @Override
        public void catalogue(int services, String note) {
            line("catalogue: " + services + " services cached" + (note.isEmpty() ? "" : " (" + note + ")")
                    + "; the kiosk uses it from its next start");
        }
    }
}
