package org.onetrip.backoffice.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onetrip.backoffice.staff.StaffViews.Bar;
import org.onetrip.backoffice.staff.StaffViews.BarList;
import org.onetrip.backoffice.staff.StaffViews.Chart;
import org.onetrip.backoffice.staff.StaffViews.DashboardView;
import org.onetrip.backoffice.staff.StaffViews.FleetView;
import org.onetrip.backoffice.staff.StaffViews.HandlingRow;
import org.onetrip.backoffice.staff.StaffViews.KioskRow;
import org.onetrip.backoffice.staff.StaffViews.Option;
import org.onetrip.backoffice.staff.StaffViews.Row;
import org.onetrip.backoffice.staff.StaffViews.Tick;
import org.onetrip.backoffice.store.BackOfficeStore.KioskHeartbeat;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.Session;
import org.onetrip.backoffice.store.StaffStore.StatRow;
import org.onetrip.backoffice.web.Text;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * The supervisor's and admin's boards: the dashboard (requests per day, per hour of day, per window
 * and service, handling time p50/p90 per service against its limit, overdue counts, ratings, kiosk
 * uptime) with charts drawn as SVG on the server, and the fleet page (each kiosk's last heartbeat,
 * device states, paper, queue, alarms; stale when silent). Both export CSV.
 */
final class StaffBoards {
    /** Five missed heartbeats at the kiosk's default 60 s: the kiosk is marked stale. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A chart's drawing units (its viewBox): about the width it gets at 1366 px, so 10-unit text reads as 10 px. */
    private static final int CHART_WIDTH = 640;
    private static final int CHART_LEFT = 34;
    private static final int CHART_TOP = 16;
    private static final int CHART_BASE = 126;

    private final StaffPages pages;
    private final StaffStore staff;
    private final ServiceCatalog catalog;
    private final ZoneId zone;
    private final DateTimeFormatter minutes;

    StaffBoards(StaffPages pages, StaffStore staff, ServiceCatalog catalog, ZoneId zone) {
        this.pages = pages;
        this.staff = staff;
        this.catalog = catalog;
        this.zone = zone;
        this.minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(zone);
    }

    private static int days(Context ctx) {
        String d = ctx.queryParam("days");
        return "7".equals(d) ? 7 : "14".equals(d) ? 14 : "90".equals(d) ? 90 : 30;
    }

    /** The figures of the dashboard, in one place for the page and its CSV. */
    record Figures(int days, List<StatRow> rows, Map<String, long[]> perService, Map<String, List<Long>> handled,
            long open, long overdue) {
    }

    private Figures figures(int days, Set<String> scope) {
        Instant now = staff.clock().instant();
        Instant since = LocalDate.ofInstant(now, zone).minusDays(days - 1L).atStartOfDay(zone).toInstant();
        List<StatRow> rows = staff.stats(since, scope);
        Map<String, long[]> perService = new LinkedHashMap<>(); // total, open, overdue, late
        Map<String, List<Long>> handled = new LinkedHashMap<>();
        long open = 0;
        long overdue = 0;
        for (ServiceDefinition s : catalog.services()) {
            perService.put(s.code(), new long[4]);
            handled.put(s.code(), new ArrayList<>());
        }
        for (StatRow r : rows) {
            long[] c = perService.computeIfAbsent(r.serviceCode(), k -> new long[4]);
            ServiceDefinition s = catalog.service(r.serviceCode()).orElse(null);
            Duration limit = s == null ? null : s.timeLimit();
            c[0]++;
            if (!r.detail().isFinal()) {
                c[1]++;
                open++;
                if (limit != null && now.isAfter(r.requested().plus(limit))) {
                    c[2]++;
                    overdue++;
                }
            } else if (r.detail() == RequestStatus.COMPLETED) {
                long secs = Duration.between(r.requested(), r.updated()).toSeconds();
                handled.computeIfAbsent(r.serviceCode(), k -> new ArrayList<>()).add(secs);
                if (limit != null && secs > limit.toSeconds()) {
                    c[3]++;
                }
            }
        }
        return new Figures(days, rows, perService, handled, open, overdue);
    }

    void dashboard(Context ctx) {
        Session s = pages.session(ctx);
        if (!pages.access().seesStatistics(s.account())) {
            throw new StaffPages.Refused(403, "error.not-yours");
        }
        Text t = pages.text(ctx);
        int days = days(ctx);
        Figures f = figures(days, null);
        Instant now = staff.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, zone);

        Map<String, Long> perDay = new LinkedHashMap<>();
        for (int i = days - 1; i >= 0; i--) {
            perDay.put(today.minusDays(i).toString().substring(5), 0L);
        }
        long[] perHour = new long[24];
        Map<String, Long> perWindow = new LinkedHashMap<>();
        catalog.windows().forEach(w -> perWindow.put(t.of(w.name()), 0L));
        for (StatRow r : f.rows()) {
            ZonedDateTime at = r.requested().atZone(zone);
            perDay.merge(at.toLocalDate().toString().substring(5), 1L, Long::sum);
            perHour[at.getHour()]++;
            catalog.service(r.serviceCode()).flatMap(x -> catalog.window(x.windowCode()))
                    .ifPresent(w -> perWindow.merge(t.of(w.name()), 1L, Long::sum));
        }
        Map<String, Long> hours = new LinkedHashMap<>();
        for (int h = 0; h < 24; h++) {
            hours.put(String.format("%02d", h), perHour[h]);
        }
        Map<String, Long> perService = new LinkedHashMap<>();
        f.perService().entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> perService.put(catalog.service(e.getKey()).map(x -> t.of(x.name())).orElse(e.getKey()),
                        e.getValue()[0]));
        List<Chart> charts = List.of(chart("chart-day", t.get("dash.per-day"), t.get("dash.unit"), perDay),
                chart("chart-hour", t.get("dash.per-hour"), t.get("dash.unit"), hours));
        List<BarList> lists = List.of(list("chart-window", t.get("dash.per-window"), perWindow),
                list("chart-service", t.get("dash.per-service"), perService));

        List<HandlingRow> handling = new ArrayList<>();
        f.perService().forEach((code, c) -> {
            if (c[0] == 0) {
                return;
            }
            ServiceDefinition sd = catalog.service(code).orElse(null);
            List<Long> h = new ArrayList<>(f.handled().getOrDefault(code, List.of()));
            h.sort(null);
            Long p50 = percentile(h, 50);
            Long p90 = percentile(h, 90);
            Duration limit = sd == null ? null : sd.timeLimit();
            handling.add(new HandlingRow(sd == null ? code : t.of(sd.name()),
                    limit == null ? "" : StaffPages.span(t, limit), h.size(),
                    p50 == null ? "" : StaffPages.span(t, Duration.ofSeconds(p50)),
                    p90 == null ? "" : StaffPages.span(t, Duration.ofSeconds(p90)), c[2],
                    p90 != null && limit != null && p90 > limit.toSeconds()));
        });

        List<Option> ratings = new ArrayList<>();
        Map<String, Long> rc = staff.ratingCounts(LocalDate.ofInstant(now, zone).minusDays(days - 1L).atStartOfDay(zone)
                .toInstant(), null);
        long ratingTotal = rc.values().stream().mapToLong(Long::longValue).sum();
        for (String r : List.of("satisfied", "fair", "unsatisfied")) {
            long n = rc.getOrDefault(r, 0L);
            ratings.add(new Option(String.valueOf(n), t.get("rating." + r),
                    false));
        }
        ratings.add(new Option(String.valueOf(ratingTotal), t.get("dash.ratings-total"), false));

        List<Option> uptime = new ArrayList<>();
        uptimes(days).forEach((k, v) -> uptime.add(new Option(v, k, false)));
        DashboardView v = new DashboardView(t.f("dash.period", days), f.rows().size(), f.open(), f.overdue(), charts,
                lists, handling, ratings, uptime, "/staff/dashboard.csv?days=" + days);
        pages.pages().render(ctx, 200, "staff/dashboard.jte", Map.of("c", pages.chrome(ctx, t, s, "dashboard"), "d", v));
    }

    /** Per kiosk, the share of hours in the period in which it was heard. */
    private Map<String, String> uptimes(int days) {
        Instant now = staff.clock().instant();
        Instant since = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
        long hours = Math.max(1, Duration.between(since, now).toHours() + 1);
        Map<String, Long> heard = staff.hoursHeard(since);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : staff.kioskIds()) {
            long h = heard.getOrDefault(k, 0L);
            out.put(k, String.format("%.1f%%", Math.min(100.0, 100.0 * h / hours)));
        }
        return out;
    }

    void dashboardCsv(Context ctx) {
        Session s = pages.session(ctx);
        if (!pages.access().seesStatistics(s.account())) {
            throw new StaffPages.Refused(403, "error.not-yours");
        }
        Text t = pages.text(ctx);
        Figures f = figures(days(ctx), null);
        Csv csv = new Csv().row(List.of("service_code", t.get("col.service"), t.get("col.window"), "requests", "open",
                "overdue", "completed_late", "completed", "p50_minutes", "p90_minutes", "limit_hours"));
        f.perService().forEach((code, c) -> {
            ServiceDefinition sd = catalog.service(code).orElse(null);
            List<Long> h = new ArrayList<>(f.handled().getOrDefault(code, List.of()));
            h.sort(null);
            Long p50 = percentile(h, 50);
            Long p90 = percentile(h, 90);
            csv.row(List.of(code, sd == null ? "" : t.of(sd.name()),
                    sd == null ? "" : catalog.window(sd.windowCode()).map(w -> t.of(w.name())).orElse(""),
                    String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]), String.valueOf(c[3]),
                    String.valueOf(h.size()), p50 == null ? "" : String.valueOf(p50 / 60), p90 == null ? "" : String.valueOf(p90 / 60),
                    sd == null || sd.timeLimit() == null ? "" : String.valueOf(sd.timeLimit().toHours())));
        });
        csv.send(ctx, "dashboard.csv");
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * A bar per entry, in order, with every value on its bar and every label under the axis (a 90-day
     * chart labels every 7th day, ending today; its values are in each bar's tooltip and the CSV).
     */
    static Chart chart(String id, String title, String unit, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int n = Math.max(1, values.size());
        double step = (double) (CHART_WIDTH - CHART_LEFT - 4) / n;
        int barWidth = (int) Math.max(2, Math.round(step * 0.7));
        // Labels turn when the widest would not fit under its bar (about 6 units a character at 11).
        int longest = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        boolean slanted = step < longest * 6.5 + 4;
        boolean valuesFit = step >= 12;
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int middle = (int) Math.round(CHART_LEFT + step * i + step / 2);
            int height = (int) Math.round((double) (CHART_BASE - CHART_TOP) * e.getValue() / max);
            boolean labelShown = n <= 31 || (n - 1 - i) % 7 == 0;
            bars.add(new Bar(e.getKey(), e.getValue(), middle - barWidth / 2, CHART_BASE - height, barWidth, height, middle,
                    valuesFit && e.getValue() > 0, labelShown));
            i++;
        }
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(CHART_BASE, "0"));
        if (max >= 4) {
            long half = max / 2;
            ticks.add(new Tick((int) Math.round(CHART_BASE - (double) (CHART_BASE - CHART_TOP) * half / max), String.valueOf(half)));
        }
        ticks.add(new Tick(CHART_TOP, String.valueOf(max)));
        return new Chart(id, title, unit, bars, ticks, slanted, CHART_WIDTH, CHART_BASE + (slanted ? 40 : 18), CHART_LEFT,
                CHART_BASE);
    }

    /** One line per entry, in order: its name, a bar as long as its share of the longest, its count. */
    static BarList list(String id, String title, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Row> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(new Row(k, v, v == 0 ? 0 : (int) Math.max(1, Math.round(100.0 * v / max)))));
        return new BarList(id, title, rows);
    }

    // ---------------------------------------------------------------------------------------------
    // Fleet

    record Kiosk(String id, KioskHeartbeat last, JsonNode body) {
    }

    private List<Kiosk> kiosks() {
        Map<String, KioskHeartbeat> beats = new LinkedHashMap<>();
        pages.store().heartbeats().forEach(h -> beats.put(h.kioskId(), h));
        List<Kiosk> out = new ArrayList<>();
        for (String id : staff.kioskIds()) {
            KioskHeartbeat h = beats.get(id);
            JsonNode body = null;
            if (h != null) {
                try {
                    body = JSON.readTree(h.body());
                } catch (java.io.IOException e) {
                    body = null;
                }
            }
            out.add(new Kiosk(id, h, body));
        }
        return out;
    }

    void fleet(Context ctx) {
        Session s = pages.session(ctx);
        if (!pages.access().seesFleet(s.account())) {
            throw new StaffPages.Refused(403, "error.not-yours");
        }
        Text t = pages.text(ctx);
        Instant now = staff.clock().instant();
        Map<String, Long> open = staff.openByKiosk();
        Map<String, String> uptime = uptimes(7);
        List<KioskRow> rows = new ArrayList<>();
        for (Kiosk k : kiosks()) {
            rows.add(row(t, k, now, open.getOrDefault(k.id(), 0L), uptime.getOrDefault(k.id(), "")));
        }
        FleetView v = new FleetView(rows, StaffPages.span(t, STALE_AFTER), "/staff/fleet.csv");
        pages.pages().render(ctx, 200, "staff/fleet.jte", Map.of("c", pages.chrome(ctx, t, s, "fleet"), "f", v));
    }

    private KioskRow row(Text t, Kiosk k, Instant now, long openInOffice, String uptime) {
        if (k.last() == null) {
            return new KioskRow(k.id(), t.get("fleet.never"), true, true, List.of(), false, "", "", "", openInOffice, uptime);
        }
        boolean stale = Duration.between(k.last().receivedAt(), now).compareTo(STALE_AFTER) > 0;
        JsonNode b = k.body() == null ? JSON.createObjectNode() : k.body();
        List<Option> devices = new ArrayList<>();
        boolean paperLow = false;
        JsonNode ds = b.path("devices");
        if (ds.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = ds.fields();
            int n = 0;
            while (it.hasNext() && n++ < 20) {
                Map.Entry<String, JsonNode> d = it.next();
                String state = short80(d.getValue().path("state").asText(""));
                String detail = short80(d.getValue().path("detail").asText(""));
                paperLow |= detail.equals("PAPER_NEAR_END") || detail.equals("PAPER_OUT");
                devices.add(new Option(state.toLowerCase(java.util.Locale.ROOT), short80(d.getKey()) + ": " + state
                        + (detail.isEmpty() || detail.equals("NONE") ? "" : " (" + detail + ")"), false));
            }
        }
        JsonNode q = b.path("queue");
        String pending = q.path("pending").canConvertToLong() ? String.valueOf(q.path("pending").asLong()) : "";
        String oldest = "";
        if (q.path("oldest_pending_filed_at").isTextual()) {
            try {
                oldest = minutes.format(Instant.parse(q.path("oldest_pending_filed_at").asText()));
            } catch (DateTimeParseException e) {
                oldest = "";
            }
        }
        List<String> alarms = new ArrayList<>();
        JsonNode as = b.path("alarms");
        if (as.isArray()) {
            for (int i = 0; i < Math.min(as.size(), 5); i++) {
                JsonNode a = as.get(i);
                String at = a.path("at").asText("");
                try {
                    at = minutes.format(Instant.parse(at));
                } catch (DateTimeParseException e) {
                    at = "";
                }
                alarms.add(short80(a.path("kind").asText("")) + (at.isEmpty() ? "" : " " + at));
            }
        }
        return new KioskRow(k.id(), minutes.format(k.last().receivedAt()), stale, false, devices, paperLow, pending, oldest,
                String.join("; ", alarms), openInOffice, uptime);
    }

    private static String short80(String s) {
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    void fleetCsv(Context ctx) {
        Session s = pages.session(ctx);
        if (!pages.access().seesFleet(s.account())) {
            throw new StaffPages.Refused(403, "error.not-yours");
        }
        Text t = pages.text(ctx);
        Instant now = staff.clock().instant();
        Map<String, Long> open = staff.openByKiosk();
        Map<String, String> uptime = uptimes(7);
        Csv csv = new Csv().row(List.of("kiosk_id", "last_heartbeat", "stale", "devices", "paper_low", "pending",
                "oldest_pending", "alarms", "open_in_office", "uptime_7d"));
        for (Kiosk k : kiosks()) {
            KioskRow r = row(t, k, now, open.getOrDefault(k.id(), 0L), uptime.getOrDefault(k.id(), ""));
            csv.row(List.of(r.id(), r.lastHeard(), r.stale() ? "1" : "0",
                    String.join("; ", r.devices().stream().map(Option::label).toList()), r.paperLow() ? "1" : "0",
                    r.pending(), r.oldestPending(), r.alarms(), String.valueOf(r.openInOffice()), r.uptime()));
        }
        csv.send(ctx, "fleet.csv");
    }
}
