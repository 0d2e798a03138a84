package org.onetrip.backoffice;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.onetrip.backoffice.open311.ApiError;
import org.onetrip.backoffice.open311.Jsons;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * A flaky back office, for the exactly-once tests: around the real {@code POST requests.json} it
 * answers 503 or 500 before filing, 500 after filing (the answer lies), drops the connection after
 * filing (the answer is lost), or is slower than the kiosk waits (the kiosk gives up and sends
 * again while the first attempt is still being filed). Seeded, so a failure can be replayed.
 */
final class Faults implements Consumer<JavalinConfig> {
    final double busy;
    final double failBefore;
    final double failAfter;
    final double drop;
    final double slow;
    final long slowMillis;
    volatile boolean enabled = true;
    final AtomicInteger busyCount = new AtomicInteger();
    final AtomicInteger failBeforeCount = new AtomicInteger();
    final AtomicInteger failAfterCount = new AtomicInteger();
    final AtomicInteger dropCount = new AtomicInteger();
    final AtomicInteger slowCount = new AtomicInteger();
    private final SplittableRandom random;

    Faults(long seed, double busy, double failBefore, double failAfter, double drop, double slow, long slowMillis) {
        this.random = new SplittableRandom(seed);
        this.busy = busy;
        this.failBefore = failBefore;
        this.failAfter = failAfter;
        this.drop = drop;
        this.slow = slow;
        this.slowMillis = slowMillis;
    }

    private synchronized double next() {
        return random.nextDouble();
    }

    private boolean applies(Context ctx) {
        return enabled && "POST".equals(ctx.method().name());
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.before(BackOfficeServer.OPEN311 + "/requests.json", ctx -> {
            if (!applies(ctx)) {
                return;
            }
            double r = next();
            if (r < busy) {
                busyCount.incrementAndGet();
                throw new ApiError(503, "injected: busy");
            }
            if (r < busy + failBefore) {
                failBeforeCount.incrementAndGet();
                throw new ApiError(500, "injected: failed before filing");
            }
            if (r < busy + failBefore + slow) {
                slowCount.incrementAndGet();
                Thread.sleep(slowMillis);
            }
        });
        config.routes.after(BackOfficeServer.OPEN311 + "/requests.json", ctx -> {
            if (!applies(ctx) || ctx.statusCode() >= 300) {
                return;
            }
            double r = next();
            if (r < drop) {
                dropCount.incrementAndGet();
                // Filed and committed; the kiosk never hears of it.
                ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                        .getEndPoint().close();
            } else if (r < drop + failAfter) {
                failAfterCount.incrementAndGet();
                Jsons.error(ctx, 500, java.util.List.of("injected: failed after filing"));
            }
        });
    }
}
