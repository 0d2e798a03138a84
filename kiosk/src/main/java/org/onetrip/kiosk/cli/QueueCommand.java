package org.onetrip.kiosk.cli;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.onetrip.kiosk.request.ErasureSummary;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk queue}: the store's requests counted by delivery state and by status. */
@Command(name = "queue", description = "Count the stored requests by outbox state and status; list parked ones.")
public final class QueueCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--retry-parked", description = "Put the requests the back office refused back in the outbox "
            + "(after the cause is fixed, e.g. the service exists at the back office now).")
    boolean retryParked;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        var c = options.load();
        try (RequestQueue q = new SqliteRequestQueue(c.dataDir().resolve("kiosk.db"), Clock.systemDefaultZone())) {
            if (retryParked) {
                int n = q.requeueParked(java.time.Instant.now());
                System.err.println("queue: " + n + " parked requests put back in the outbox");
            }
            Map<String, Long> outbox = new LinkedHashMap<>();
            q.countsByOutboxState().forEach((k, v) -> outbox.put(k.name().toLowerCase(Locale.ROOT), v));
            Map<String, Long> status = new LinkedHashMap<>();
            q.countsByStatus().forEach((k, v) -> status.put(k.wire(), v));
            var parked = q.parked();
            ErasureSummary erased = q.erasureSummary();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("outbox", outbox);
                out.put("status", status);
                out.put("needs_attention", parked.stream().map(p -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("request_id", p.requestId().toString());
                    m.put("ticket", p.ticket());
                    m.put("service_code", p.serviceCode());
                    m.put("reason", p.reason());
                    m.put("parked_at", String.valueOf(p.at()));
                    return m;
                }).toList());
                out.put("personal_data", personalData(erased, c.retentionDays()));
                System.out.println(Json.write(out));
            } else {
                System.out.println("outbox:");
                for (OutboxState s : OutboxState.values()) {
                    System.out.printf("  %-16s %d%n", s.name().toLowerCase(Locale.ROOT), outbox.get(s.name().toLowerCase(Locale.ROOT)));
                }
                System.out.println("status:");
                for (RequestStatus s : RequestStatus.values()) {
                    System.out.printf("  %-16s %d%n", s.wire(), status.get(s.wire()));
                }
                if (!parked.isEmpty()) {
                    System.out.println("needs attention (refused by the back office; fix, then --retry-parked):");
                }
                for (var p : parked) {
                    System.out.println("  " + p.ticket() + "  " + p.serviceCode() + "  " + p.requestId() + "  " + p.at()
                            + "  " + p.reason());
                }
                System.out.println("personal data (names, ID numbers, card details, personal fields, free text), erased "
                        + c.retentionDays() + " days after delivery or, never delivered, after filing:");
                System.out.printf("  %-16s %d%s%n", "kept", erased.kept(), erased.oldestKeptFiledAt() == null ? ""
                        : "  (oldest filed " + erased.oldestKeptFiledAt().truncatedTo(ChronoUnit.SECONDS) + ")");
                System.out.printf("  %-16s %d  (delivered %d, refused %d, parked %d, pending %d)%n", "erased",
                        erased.erased(), erased.delivered(), erased.refused(), erased.parked(), erased.pending());
                if (!erased.erasedByMonthFiled().isEmpty()) {
                    System.out.println("  erased by month filed: " + erased.erasedByMonthFiled().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                    System.out.println("  last erased      " + erased.lastErasedAt().truncatedTo(ChronoUnit.SECONDS));
                }
            }
            return 0;
        }
    }

    private static Map<String, Object> personalData(ErasureSummary e, int retentionDays) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("retention_days", retentionDays);
        m.put("kept", e.kept());
        m.put("oldest_kept_filed_at", e.oldestKeptFiledAt() == null ? null : e.oldestKeptFiledAt().toString());
        Map<String, Long> erased = new LinkedHashMap<>();
        erased.put("total", e.erased());
        erased.put("delivered", e.delivered());
        erased.put("refused", e.refused());
        erased.put("parked", e.parked());
        erased.put("pending", e.pending());
        m.put("erased", erased);
        m.put("erased_by_month_filed", e.erasedByMonthFiled());
        m.put("last_erased_at", e.lastErasedAt() == null ? null : e.lastErasedAt().toString());
        return m;
    }
}
