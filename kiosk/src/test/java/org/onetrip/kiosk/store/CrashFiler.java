package org.onetrip.kiosk.store;

import java.nio.file.Path;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.FiledRequest;

/**
 * Run in its own JVM by {@link SqliteRequestQueueCrashTest}: files requests until killed, printing
 * each ticket as soon as {@code file()} returns, the moment a resident would see it.
 */
public final class CrashFiler {
    private CrashFiler() {
    }

    public static void main(String[] args) {
        try (SqliteRequestQueue queue = new SqliteRequestQueue(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            // Bounded so that a child the test failed to kill ends by itself.
            for (int i = 0; i < 20_000; i++) {
                FiledRequest filed = queue.file(TestRequests.request()
                        .resident(FictionalCards.LAI_JIAJIA).agent(FictionalCards.ZHAN_AGENT).build());
                System.out.println("TICKET " + filed.ticket() + " " + filed.requestId());
                System.out.flush();
            }
        }
    }
}
