package org.onetrip.backoffice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.onetrip.backoffice.security.FieldCipher;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.backoffice.staff.Workflow;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.Filing;
import org.onetrip.backoffice.store.BackOfficeStore.Location;
import org.onetrip.backoffice.store.BackOfficeStore.NewServiceRequest;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * Draws the README's pictures of the staff pages and the phone page from the running code
 * ({@code scripts/screenshot-backoffice}): a back office on a fresh SQLite database with two weeks of
 * fictional requests (names from the kiosk's fictional cards' style), kiosks with heartbeats, then
 * headless Chromium at 1366x768 (the office screen) and 390x844 (a phone).
 *
 * <p>Usage: {@code PageScreenshots OUT_DIR}.
 */
public final class PageScreenshots {
    /** A clock the seeding moves by hand, so requests, steps and heartbeats get their own times. */
    static final class SetClock extends Clock {
        Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final String[] NAMES = {"赖佳佳", "詹照明", "欧阳秀英", "林国强", "陈美玲", "王建华", "郑丽娟", "吴志远", "黄秋月", "蔡文斌"};
    private static final String[] TOKEN_CHARS = {"A", "b", "C", "d", "E", "f", "G", "h", "1", "2", "3", "-", "_"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Path tmp = Files.createTempDirectory("onetrip-shots");
        ServiceCatalog catalog = TestBackOffice.CATALOG;
        Instant now = Instant.now();
        try (Database db = Database.sqlite(tmp.resolve("backoffice.db"))) {
            FieldCipher cipher = FieldCipher.random();
            SetClock clock = new SetClock(now.minus(Duration.ofDays(14)));
            BackOfficeStore seeding = new BackOfficeStore(db, cipher, clock);
            for (String k : List.of("tongcheng-centre-01", "tongcheng-centre-02", "zhuyang-village-01")) {
                seeding.issueApiKey(k);
            }
            StaffStore seedStaff = new StaffStore(seeding, clock);
            String hash = Passwords.hash(StaffFixture.PASSWORD);
            seedStaff.putAccount("zhang", "张主任", "supervisor", Set.of(), hash);
            seedStaff.putAccount("li", "李晓梅", "window", Set.of("livelihood"), hash);
            seedStaff.putAccount("chen", "陈志强", "window", Set.of("economy"), hash);
            seedStaff.putAccount("zhou", "周海峰", "patrol", Set.of(), hash);

            Random random = new Random(20261205);
            List<ServiceDefinition> services = catalog.services();
            Map<Character, Integer> tickets = new HashMap<>();
            String phoneToken = null;
            String requestKey = null;
            for (int i = 0; i < 260; i++) {
                ServiceDefinition s = services.get(random.nextInt(services.size()));
                if (random.nextInt(4) == 0) {
                    s = catalog.service("hazard-report").orElseThrow();
                }
                // Filed over two weeks, some of it at night: the point of a 24-hour kiosk.
                int hour = random.nextInt(10) < 7 ? 8 + random.nextInt(10) : random.nextInt(24);
                Instant filed = now.minus(Duration.ofDays(random.nextInt(14))).atZone(ZoneId.of("Asia/Shanghai"))
                        .withHour(hour).withMinute(random.nextInt(60)).toInstant();
                if (filed.isAfter(now)) {
                    filed = now.minus(Duration.ofMinutes(20 + random.nextInt(300)));
                }
                char letter = catalog.window(s.windowCode()).orElseThrow().letter();
                int n = tickets.merge(letter, 1, Integer::sum);
                String ticket = letter + "-" + String.format("%03d", n);
                String name = NAMES[random.nextInt(NAMES.length)];
                StringBuilder token = new StringBuilder();
                for (int c = 0; c < 24; c++) {
                    token.append(TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)]);
                }
                boolean anonymous = s.code().equals("hazard-report");
                Map<String, String> attrs = new HashMap<>();
                attrs.put("kiosk_filed_at", filed.toString());
                if (s.code().equals("residence-certificate")) {
                    attrs.put("purpose", "school");
                    attrs.put("since", "2019-09-01");
                    attrs.put("housing", "rented");
                    attrs.put("copies", "2");
                }
                if (anonymous) {
                    attrs.put("category", "road_traffic");
                    attrs.put("location", "资国寺路" + (1 + random.nextInt(90)) + "号");
                    attrs.put("description", "路灯不亮");
                }
                Map<String, String> personal = new HashMap<>();
                if (!anonymous) {
                    personal.put("resident_name", name);
                    personal.put("phone", "138" + String.format("%08d", random.nextInt(100_000_000)));
                }
                if (s.code().equals("residence-certificate")) {
                    personal.put("address", "桐城街道资国寺路" + (1 + random.nextInt(90)) + "号");
                }
                String kiosk = random.nextInt(5) == 0 ? "zhuyang-village-01"
                        : random.nextBoolean() ? "tongcheng-centre-01" : "tongcheng-centre-02";
                clock.now = filed.plusSeconds(5);
                Filing f = seeding.file(kiosk, "seed-" + i, "h" + i, new NewServiceRequest(s.code(), s.name().zh(), null, null,
                        null, null, anonymous ? null : name, null, null, Location.NONE, null, kiosk, null, attrs, personal,
                        token.toString(), ticket, filed), false);
                // Most older requests are handled, some late; the newest wait in the queue.
                long ageHours = Duration.between(filed, now).toHours();
                if (ageHours > 6 && random.nextInt(10) < 9) {
                    long limit = s.timeLimit() == null ? 48 : s.timeLimit().toHours();
                    clock.now = filed.plus(Duration.ofMinutes(10 + random.nextInt(60)));
                    seedStaff.step(f.requestKey(), Workflow.ACCEPT.from(), RequestStatus.IN_PROGRESS, null, "li");
                    Instant done = filed.plus(Duration.ofMinutes((long) (limit * 60 * (0.2 + random.nextDouble() * 1.1))));
                    if (done.isBefore(now)) {
                        clock.now = done;
                        boolean reject = random.nextInt(12) == 0;
                        seedStaff.step(f.requestKey(), Workflow.COMPLETE.from(), reject ? RequestStatus.REJECTED
                                : RequestStatus.COMPLETED, reject ? "不属于本街道办理范围，请到相关部门办理。" : "已办结。", "li");
                        if (!reject && random.nextInt(3) == 0) {
                            seedStaff.rate(f.requestKey(), List.of("satisfied", "satisfied", "satisfied", "fair", "unsatisfied")
                                    .get(random.nextInt(5)), null);
                        }
                    }
                }
            }
            // The request shown: a residence certificate filed this afternoon.
            Instant filed = now.minus(Duration.ofMinutes(200));
            clock.now = filed.plusSeconds(5);
            phoneToken = "Xk3pQ9vLm2Rt7Yw1Zc5Nb8Hd";
            requestKey = seeding.file("tongcheng-centre-02", "seed-shown", "shown", new NewServiceRequest("residence-certificate",
                    "居住证明", null, null, null, null, "赖佳佳", null, null, Location.NONE, null, "tongcheng-centre-02", null,
                    Map.of("purpose", "school", "since", "2019-09-01", "housing", "rented", "copies", "2",
                            "kiosk_filed_at", filed.toString()),
                    Map.of("resident_name", "赖佳佳", "resident_id_number", "350982199203140025", "phone", "13905938812",
                            "address", "桐城街道资国寺路88号"),
                    phoneToken, "D-" + String.format("%03d", tickets.merge('D', 1, Integer::sum)), filed), false).requestKey();
            // It is taken in, assigned on, and needs a document.
            StaffStore.RequestRecord shown = seedStaff.request(requestKey).orElseThrow();
            clock.now = shown.requested().plus(Duration.ofMinutes(25));
            if (shown.detail() == RequestStatus.RECEIVED) {
                seedStaff.step(requestKey, Workflow.ACCEPT.from(), RequestStatus.IN_PROGRESS, null, "li");
            }
            clock.now = shown.requested().plus(Duration.ofMinutes(40));
            seedStaff.assign(requestKey, "li", "public-service", "转派给李晓梅（公共服务办公室）\nReassigned to 李晓梅 (Public services office)", "li");
            if (seedStaff.request(requestKey).orElseThrow().detail() == RequestStatus.IN_PROGRESS) {
                clock.now = shown.requested().plus(Duration.ofMinutes(55));
                seedStaff.step(requestKey, Workflow.ASK_DOCUMENTS.from(), RequestStatus.NEEDS_DOCUMENTS,
                        "请补充：房产证或租赁合同。\nPlease bring: Property certificate or lease.\n原件带来核对。", "li");
            }

            // Kiosks: heard every hour but for a gap; one low on paper with a door alarm; one silent.
            for (int h = 14 * 24; h >= 0; h--) {
                clock.now = now.minus(Duration.ofHours(h));
                seeding.heartbeat("tongcheng-centre-01", heartbeat("ONLINE", "NONE", 0, null, List.of()));
                if (h > 30 || h < 20) {
                    seeding.heartbeat("tongcheng-centre-02", heartbeat("ONLINE", "PAPER_NEAR_END", 2,
                            clock.now.minus(Duration.ofMinutes(12)), List.of("door_opened")));
                }
                if (h > 3) {
                    seeding.heartbeat("zhuyang-village-01", heartbeat("OFFLINE", "NONE", 5,
                            clock.now.minus(Duration.ofHours(2)), List.of()));
                }
            }

            BackOfficeStore store = new BackOfficeStore(db, cipher, Clock.systemUTC());
            try (BackOfficeServer server = new BackOfficeServer(store, catalog, BackOfficeServer.Settings.loopback(0), null).start()) {
                String base = "http://127.0.0.1:" + server.port();
                try (Browser b = new Browser(base, 1366, 768)) {
                    b.signIn("zhang", StaffFixture.PASSWORD);
                    b.viewport(1366, 768);
                    b.open("/staff/queue");
                    b.find("#queue");
                    b.screenshot(out.resolve("staff-queue.png"));
                    // The request and the dashboard are longer than a screen: drawn whole.
                    b.open("/staff/requests/" + requestKey);
                    b.find("#history");
                    b.screenshotFullPage(out.resolve("staff-request.png"));
                    b.open("/staff/dashboard?days=14");
                    b.find("#handling");
                    b.screenshotFullPage(out.resolve("staff-dashboard.png"));
                    b.open("/staff/fleet");
                    b.find("#fleet");
                    b.screenshot(out.resolve("staff-fleet.png"));
                    // The request as a member of staff working in English reads it (last: the choice sticks).
                    b.open("/staff/requests/" + requestKey + "?lang=en");
                    b.find("#history");
                    b.screenshotFullPage(out.resolve("staff-request-en.png"));
                }
                try (Browser phone = new Browser(base, 390, 844)) {
                    phone.open("/status/" + phoneToken);
                    phone.find("#timeline");
                    phone.screenshotFullPage(out.resolve("phone-status.png"));
                    phone.signIn("li", StaffFixture.PASSWORD);
                    phone.viewport(390, 844);
                    phone.open("/staff/queue");
                    phone.find("#queue");
                    phone.screenshot(out.resolve("staff-queue-phone.png"));
                    phone.open("/staff/requests/" + requestKey);
                    phone.find("#history");
                    phone.screenshotFullPage(out.resolve("staff-request-phone.png"));
                }
            }
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("wrote " + out.resolve("staff-queue.png") + ", staff-request.png, staff-dashboard.png, "
                + "staff-fleet.png, staff-request-en.png, phone-status.png, staff-queue-phone.png, staff-request-phone.png");
    }

    static String heartbeat(String scannerState, String printerDetail, long pending, Instant oldest, List<String> alarms) {
        StringBuilder a = new StringBuilder();
        for (String kind : alarms) {
            a.append(a.length() == 0 ? "" : ",").append("{\"at\":\"").append(Instant.now().minus(Duration.ofMinutes(30)))
                    .append("\",\"kind\":\"").append(kind).append("\"}");
        }
        return "{\"kiosk_id\":\"x\",\"app_version\":\"0.1.0\",\"at\":\"" + Instant.now() + "\",\"devices\":{"
                + "\"idcard\":{\"state\":\"ONLINE\",\"detail\":\"NONE\",\"message\":\"\"},"
                + "\"printer\":{\"state\":\"ONLINE\",\"detail\":\"" + printerDetail + "\",\"message\":\"\"},"
                + "\"scanner\":{\"state\":\"" + scannerState + "\",\"detail\":\"NONE\",\"message\":\"\"}},"
                + "\"alarms\":[" + a + "],\"queue\":{\"pending\":" + pending + ",\"needs_attention\":0,"
                + "\"oldest_pending_filed_at\":" + (oldest == null ? "null" : "\"" + oldest + "\"") + "}}";
    }
}
