package org.onetrip.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/**
 * p50/p99 of a durable submission through the filing service (validation, ticket, request,
 * personal row, history, outbox; one transaction, synchronous=FULL), beside a bare JDBC insert of
 * one row with the same PRAGMAs, interleaved so both see the same machine.
 */
public final class SubmissionBench {
    private SubmissionBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createTempDirectory("onetrip-bench");
        try (SqliteRequestQueue queue = new SqliteRequestQueue(dir.resolve("kiosk.db"), Clock.systemDefaultZone());
                Connection bare = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bare.db"))) {
            try (Statement s = bare.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
            }
            FilingService filing = new FilingService(new CatalogLoader().loadBundled(), queue, ReceiptTokens.forInstallation(dir, () -> 0L),
                    new FilingService.CentreInfo("bench", LocalizedText.of("中心", "Centre"), LocalizedText.of("", ""), "",
                            "http://127.0.0.1/status/"), Clock.systemDefaultZone());
            Submission sub = new Submission("residence-certificate", Map.of("purpose", "school", "address", "桐城街道1号",
                    "since", "2020-01-01", "housing", "owned", "copies", "1", "phone", "13800138000"),
                    FictionalCards.LAI_JIAJIA, null);
            PreparedStatement insert = bare.prepareStatement("INSERT INTO t VALUES (?, ?)");
            String body = "{\"purpose\":\"school\",\"address\":\"桐城街道1号\",\"since\":\"2020-01-01\"}";
            int warm = Math.min(50, n / 5);
            long[] kiosk = new long[n];
            long[] jdbc = new long[n];
            for (int i = -warm; i < n; i++) {
                long t0 = System.nanoTime();
                filing.file(sub, Locale.SIMPLIFIED_CHINESE, null);
                long t1 = System.nanoTime();
                insert.setString(1, java.util.UUID.randomUUID().toString());
                insert.setString(2, body);
                insert.executeUpdate(); // auto-commit: one durable transaction per row
                long t2 = System.nanoTime();
                if (i >= 0) {
                    kiosk[i] = t1 - t0;
                    jdbc[i] = t2 - t1;
                }
            }
            System.out.printf(Locale.ROOT, "durable submission (n=%d)   p50 %7.2f ms   p99 %7.2f ms%n", n,
                    Stats.median(kiosk), Stats.percentile(kiosk, 99));
            System.out.printf(Locale.ROOT, "bare JDBC insert, same PRAGMAs p50 %7.2f ms   p99 %7.2f ms%n",
                    Stats.median(jdbc), Stats.percentile(jdbc, 99));
            System.out.printf(Locale.ROOT, "ratio                          p50 %7.2f      p99 %7.2f%n",
                    Stats.median(kiosk) / Stats.median(jdbc), Stats.percentile(kiosk, 99) / Stats.percentile(jdbc, 99));
        }
    }
}
