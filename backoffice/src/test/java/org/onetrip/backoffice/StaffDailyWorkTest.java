package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.staff.Workflow;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.Location;
import org.onetrip.backoffice.store.BackOfficeStore.NewServiceRequest;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.request.RequestStatus;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What staff do every day, in a real browser on SQLite and PostgreSQL: find a request by its
 * receipt token or its request id, assign it to a colleague and to a department, reject it with a
 * reason, read the time left to the catalogue's limit; and the supervisor's figures (dashboard,
 * fleet, their CSV) from requests and heartbeats seeded at known times, so every number is asserted.
 */
class StaffDailyWorkTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    /** Requests and heartbeats written at chosen times (the server itself runs on the real clock). */
    static final class Seed {
        final PageScreenshots.SetClock clock = new PageScreenshots.SetClock(Instant.now());
        final BackOfficeStore store;
        final StaffStore staff;

        Seed(TestBackOffice bo) {
            store = new BackOfficeStore(bo.db, TestBackOffice.CIPHER, clock);
            staff = new StaffStore(store, clock);
        }

        String file(String serviceCode, String ticket, Instant filed) {
            ServiceDefinition s = TestBackOffice.CATALOG.service(serviceCode).orElseThrow();
            clock.now = filed;
            boolean anonymous = serviceCode.equals("hazard-report");
            Map<String, String> attrs = anonymous ? Map.of("category", "road_traffic", "location", "资国寺路1号",
                    "description", "路灯不亮") : Map.of("purpose", "school");
            Map<String, String> personal = anonymous ? Map.of() : Map.of("resident_name", "林国强");
            return store.file(TestBackOffice.KIOSK, "seed-" + ticket, "h-" + ticket, new NewServiceRequest(s.code(),
                    s.name().zh(), null, null, null, null, anonymous ? null : "林国强", null, null, Location.NONE, null,
                    TestBackOffice.KIOSK, null, attrs, personal, "tok-" + ticket + "-0123456789abcdef", ticket, filed), false)
                    .requestKey();
        }

        void step(String key, Workflow w, RequestStatus to, Instant at) {
            clock.now = at;
            staff.step(key, w.from(), to, null, "li");
        }

        void heartbeat(String kiosk, Instant at, String body) {
            clock.now = at;
            store.heartbeat(kiosk, body);
        }
    }

    private static WebElement row(Browser b, String table, String contains) {
        return b.all(table + " tbody tr").stream().filter(r -> r.getText().contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + contains + " in " + b.text(table)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void staffFindAssignRejectAndSeeTheTimeLeftToTheCataloguesLimit(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5));
                Browser b = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffStore staff = StaffFixture.accounts(bo);
            staff.putAccount("wu", "吴窗口", "window", Set.of("livelihood"), StaffFixture.HASH);
            Filing first = StaffFixture.fileResidence(kiosk);
            Filing second = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            String token = first.filed().receiptToken();
            StaffStore.RequestRecord firstRecord = staff.byReceiptToken(token).orElseThrow();
            String key = firstRecord.requestKey();
            StaffStore.RequestRecord secondRecord = staff.byReceiptToken(second.filed().receiptToken()).orElseThrow();

            // Search by the receipt's token, then by the request id: each finds its request only.
            b.signIn("li", StaffFixture.PASSWORD);
            assertThat(b.text("#queue-count")).contains("2");
            b.type("#f-search", token);
            b.click("#f-apply");
            b.waitText("#queue-count", "1");
            assertThat(b.text("#queue tbody")).contains(first.filed().ticket()).doesNotContain(second.filed().ticket());
            b.type("#f-search", secondRecord.serviceRequestId());
            b.click("#f-apply");
            b.waitText("#queue tbody", second.filed().ticket());
            assertThat(b.text("#queue-count")).contains("1");
            assertThat(b.text("#queue tbody")).doesNotContain(first.filed().ticket());

            // Assign to a colleague: the page and the history say so, and the colleague finds it in the queue.
            b.open("/staff/requests/" + key);
            b.selectByValue("#assignee", "wu");
            b.click("#do-assign");
            b.waitText("#message", "已转派");
            assertThat(b.text("#assigned")).isEqualTo("吴窗口");
            assertThat(b.text("#history")).contains("转派给吴窗口", "Reassigned to 吴窗口", "李窗口");
            assertThat(staff.request(key).orElseThrow().assignedTo()).isEqualTo("wu");

            b.driver.manage().deleteAllCookies();
            b.signIn("wu", StaffFixture.PASSWORD);
            assertThat(row(b, "#queue", first.filed().ticket()).getText()).contains("吴窗口");
            // The colleague passes it on to a department, with a note.
            b.open("/staff/requests/" + key);
            b.selectByValue("#assignee", "");
            b.selectByValue("#department", "governance");
            b.find("form input[name=action][value=assign] ~ label input[name=note]").sendKeys("涉及邻里纠纷");
            b.click("#do-assign");
            b.waitText("#message", "已转派");
            assertThat(b.text("#assigned")).isEqualTo("社会治理办公室");
            // In both languages (staff read either), then the note as typed.
            assertThat(b.text("#history")).contains("转派给吴窗口", "转派（社会治理办公室）",
                    "Reassigned (Social governance office)", "涉及邻里纠纷", "吴窗口");
            assertThat(staff.request(key).orElseThrow().department()).isEqualTo("governance");
            assertThat(staff.request(key).orElseThrow().detail()).isEqualTo(RequestStatus.RECEIVED);
            // An assignment's note is for staff: its field says so, and the resident's page never shows it.
            assertThat(b.find("form input[name=action][value=assign] ~ label input[name=note]")
                    .findElement(org.openqa.selenium.By.xpath("..")).getText()).contains("仅工作人员可见");
            b.open("/status/" + token);
            assertThat(b.text("body")).doesNotContain("涉及邻里纠纷", "社会治理办公室");

            // Reject: without a reason the page refuses and nothing changes; with one, the phone page shows it.
            b.open("/staff/requests/" + secondRecord.requestKey());
            b.click("#do-reject");
            b.waitText("#error", "不予办理需要写明原因");
            assertThat(b.text("#status")).isEqualTo("已收到");
            assertThat(staff.request(secondRecord.requestKey()).orElseThrow().detail()).isEqualTo(RequestStatus.RECEIVED);
            b.selectByValue("#reject-template", "0");
            b.find("form input[name=action][value=reject] ~ label textarea[name=note]").sendKeys("请到区民政局");
            b.click("#do-reject");
            b.waitText("#status", "不予办理");
            assertThat(b.text("#notes")).contains("不属于本街道办理范围", "请到区民政局");
            b.open("/status/" + second.filed().receiptToken());
            assertThat(b.text("#status")).isEqualTo("不予办理");
            assertThat(b.text("#notes")).contains("不属于本街道办理范围", "请到区民政局");

            // Time left, from the catalogue's time_limit_hours (a hazard report: 2 h), and overdue marked.
            Duration limit = TestBackOffice.CATALOG.service("hazard-report").orElseThrow().timeLimit();
            assertThat(limit).isEqualTo(Duration.ofHours(2));
            Seed seed = new Seed(bo);
            Instant now = Instant.now();
            // Half a minute of slack each way, so the minutes shown do not depend on the test's speed.
            seed.file("hazard-report", "T-801", now.minus(Duration.ofMinutes(30)).plusSeconds(30));
            seed.file("hazard-report", "T-802", now.minus(limit).minus(Duration.ofMinutes(90)).minusSeconds(30));
            b.driver.manage().deleteAllCookies();
            b.signIn("zhou", StaffFixture.PASSWORD);
            WebElement fresh = row(b, "#queue", "T-801");
            assertThat(fresh.getText()).contains("剩 1小时30分");
            assertThat(fresh.getAttribute("class")).doesNotContain("overdue");
            WebElement late = row(b, "#queue", "T-802");
            assertThat(late.getText()).contains("超时 1小时30分");
            assertThat(late.getAttribute("class")).contains("overdue");
            b.open("/staff/queue?overdue=1");
            assertThat(b.text("#queue tbody")).contains("T-802").doesNotContain("T-801");
        }
    }

    @org.junit.jupiter.api.Test
    void onAPhoneTheQueueIsACardPerRequestWithTheNameOnOneLine() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5));
                Browser phone = new Browser("http://127.0.0.1:" + bo.port(), 390, 844)) {
            StaffFixture.accounts(bo);
            Filing filing = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            phone.signIn("li", StaffFixture.PASSWORD);
            WebElement card = row(phone, "#queue", filing.filed().ticket());
            WebElement name = card.findElements(org.openqa.selenium.By.cssSelector("td")).stream()
                    .filter(td -> td.getText().equals("赖**")).findFirst().orElseThrow();
            WebElement service = card.findElements(org.openqa.selenium.By.cssSelector("td")).stream()
                    .filter(td -> td.getText().equals("居住证明")).findFirst().orElseThrow();
            // One line each (a 15 px font), not a character per line; nothing wider than the phone.
            assertThat(name.getSize().getHeight()).isLessThan(30);
            assertThat(service.getSize().getHeight()).isLessThan(30);
            assertThat(card.getText()).contains(filing.filed().ticket(), "居住证明", "已收到", "剩", "赖**")
                    .doesNotContain(TestBackOffice.KIOSK);
            assertThat(card.getSize().getHeight()).as("two lines and padding").isLessThan(80);
            assertThat(((Number) phone.driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(390);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void inEnglishTemplatesAndDocumentsAreEnglishAndTheResidentReadsBothLanguages(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5));
                Browser b = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffStore staff = StaffFixture.accounts(bo);
            Filing filing = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            String token = filing.filed().receiptToken();
            String key = staff.byReceiptToken(token).orElseThrow().requestKey();
            ServiceDefinition residence = TestBackOffice.CATALOG.service("residence-certificate").orElseThrow();
            org.onetrip.kiosk.catalog.LocalizedText document = residence.documents().get(1);
            org.onetrip.backoffice.web.Text en = org.onetrip.backoffice.web.Text.EN;

            b.signIn("li", StaffFixture.PASSWORD);
            b.open("/staff/requests/" + key + "?lang=en");
            b.click("#do-accept");
            b.waitText("#status", en.get("status.in_progress"));
            List<String> templates = new Select(b.find("#complete-template")).getOptions().stream().map(WebElement::getText).toList();
            assertThat(templates).contains("The certificate is ready; collect it at the livelihood window with your ID card.",
                    "Done; thank you for waiting.");
            assertThat(String.join("", templates)).doesNotContain("已办结", "居住证明");
            assertThat(new Select(b.find("#reject-template")).getOptions().get(1).getText())
                    .isEqualTo("Not handled by this subdistrict; please go to the department in charge.");

            // The request does not say the resident's language: the note is Chinese, then English.
            b.find("input[name=document][value='1']").click();
            b.find("form input[name=action][value=ask_documents] ~ label input[name=note]").sendKeys("Bring the originals");
            b.click("#do-ask");
            b.waitText("#status", en.get("status.needs_documents"));
            assertThat(b.text("#notes")).isEqualTo("请补充：" + document.zh() + "。\nPlease bring: " + document.en()
                    + ".\nBring the originals");
            b.click("#do-accept");
            b.waitText("#status", en.get("status.in_progress"));
            b.selectByValue("#complete-template", "0");
            b.click("#do-complete");
            b.waitText("#status", en.get("status.completed"));
            assertThat(b.text("#notes")).isEqualTo("居住证明已开具，请带身份证到民生保障窗口领取。\n"
                    + "The certificate is ready; collect it at the livelihood window with your ID card.");
            b.open("/status/" + token + "?lang=en");
            assertThat(b.text("#notes")).contains("居住证明已开具", "The certificate is ready");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDashboardFleetAndTheirCsvShowFiguresFromKnownData(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                Browser b = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffFixture.accounts(bo);
            Seed seed = new Seed(bo);
            Instant now = Instant.now();
            // Ten residence certificates completed in 10, 20, … 100 minutes: p50 50 min, p90 90 min.
            for (int i = 1; i <= 10; i++) {
                Instant filed = now.minus(Duration.ofDays(2)).plus(Duration.ofHours(i));
                String k = seed.file("residence-certificate", "D-" + (100 + i), filed);
                seed.step(k, Workflow.ACCEPT, RequestStatus.IN_PROGRESS, filed.plus(Duration.ofMinutes(5)));
                seed.step(k, Workflow.COMPLETE, RequestStatus.COMPLETED, filed.plus(Duration.ofMinutes(10L * i)));
            }
            // Three hazard reports open: filed 5 h and 3 h ago are over their 2 h, 30 min ago is not.
            seed.file("hazard-report", "T-201", now.minus(Duration.ofHours(5)));
            seed.file("hazard-report", "T-202", now.minus(Duration.ofHours(3)));
            seed.file("hazard-report", "T-203", now.minus(Duration.ofMinutes(30)));
            // kiosk-a heard in five hours, now too, low on paper and its door opened; kiosk-b silent for 10 min.
            seed.store.issueApiKey("kiosk-a");
            seed.store.issueApiKey("kiosk-b");
            for (int h = 4; h >= 0; h--) {
                seed.heartbeat("kiosk-a", now.minus(Duration.ofHours(h)), PageScreenshots.heartbeat("ONLINE", "PAPER_NEAR_END",
                        2, now.minus(Duration.ofMinutes(12)), List.of("door_opened")));
            }
            seed.heartbeat("kiosk-b", now.minus(Duration.ofMinutes(10)), PageScreenshots.heartbeat("ONLINE", "NONE", 0, null,
                    List.of()));

            b.signIn("zhang", StaffFixture.PASSWORD);
            b.open("/staff/dashboard?days=7");
            assertThat(b.text("#d-total")).isEqualTo("13");
            assertThat(b.text("#d-overdue")).isEqualTo("2");
            // Columns: service, limit, completed, p50, p90, open and overdue.
            assertThat(cells(row(b, "#handling", "居住证明"))).containsExactly("居住证明", "1天", "10", "50分钟", "1小时30分", "0");
            assertThat(cells(row(b, "#handling", "问题隐患"))).containsExactly("问题隐患上报", "2小时0分", "0", "", "", "2");
            // Uptime: hours heard over the hours of the period (7 days and the hour begun: 169).
            // The page is in Chinese: a full-width colon, as the phone page's labels.
            assertThat(b.text(".uptime")).contains("kiosk-a：" + String.format("%.1f%%", 100.0 * 5 / 169),
                    "kiosk-b：" + String.format("%.1f%%", 100.0 / 169), TestBackOffice.KIOSK + "：0.0%");

            // The charts carry their own numbers: every hour 00–23 labelled, each bar's value on it, and
            // the services one per line with their names and counts, most first.
            List<String> hourLabels = texts(b, "#chart-hour text.x");
            assertThat(hourLabels).hasSize(24).startsWith("00", "01", "02").endsWith("23");
            assertThat(texts(b, "#chart-hour text.v").stream().mapToInt(Integer::parseInt).sum()).isEqualTo(13);
            assertThat(texts(b, "#chart-day text.v").stream().mapToInt(Integer::parseInt).sum()).isEqualTo(13);
            assertThat(texts(b, "#chart-day text.x")).hasSize(7);
            assertThat(texts(b, "#chart-hour text.y")).contains("0");
            assertThat(b.all("#chart-service li").stream().map(WebElement::getText).map(x -> x.replaceAll("\\s+", " ")).toList())
                    .containsExactly("居住证明 10", "问题隐患上报 3");
            String livelihood = TestBackOffice.CATALOG.window(TestBackOffice.CATALOG.service("residence-certificate")
                    .orElseThrow().windowCode()).orElseThrow().name().zh();
            assertThat(b.all("#chart-window li").stream().map(WebElement::getText).map(x -> x.replaceAll("\\s+", " ")).toList())
                    .contains(livelihood + " 10");

            List<Map<String, String>> dash = csv(b.getWithSession("/staff/dashboard.csv?days=7"));
            Map<String, String> residence = dash.stream().filter(r -> r.get("service_code").equals("residence-certificate"))
                    .findFirst().orElseThrow();
            assertThat(residence).containsEntry("requests", "10").containsEntry("open", "0").containsEntry("completed", "10")
                    .containsEntry("p50_minutes", "50").containsEntry("p90_minutes", "90").containsEntry("limit_hours", "24");
            Map<String, String> hazard = dash.stream().filter(r -> r.get("service_code").equals("hazard-report"))
                    .findFirst().orElseThrow();
            assertThat(hazard).containsEntry("requests", "3").containsEntry("open", "3").containsEntry("overdue", "2")
                    .containsEntry("limit_hours", "2").containsEntry("p50_minutes", "");

            // The fleet: kiosk-b is stale, kiosk-a is not and is low on paper with a door alarm.
            b.open("/staff/fleet");
            WebElement a = row(b, "#fleet", "kiosk-a");
            assertThat(a.getAttribute("class")).doesNotContain("stale");
            assertThat(a.getText()).contains("纸将用完", "door_opened", "printer: ONLINE (PAPER_NEAR_END)").doesNotContain("失联");
            WebElement silent = row(b, "#fleet", "kiosk-b");
            assertThat(silent.getAttribute("class")).contains("stale");
            assertThat(silent.getText()).contains("失联");
            assertThat(row(b, "#fleet", TestBackOffice.KIOSK).getText()).contains("从未联系");

            HttpResponse<String> fleetCsv = b.getWithSession("/staff/fleet.csv");
            assertThat(fleetCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            List<Map<String, String>> fleet = csv(fleetCsv);
            Map<String, String> ka = fleet.stream().filter(r -> r.get("kiosk_id").equals("kiosk-a")).findFirst().orElseThrow();
            assertThat(ka).containsEntry("stale", "0").containsEntry("paper_low", "1").containsEntry("pending", "2")
                    .containsEntry("uptime_7d", String.format("%.1f%%", 100.0 * 5 / 169));
            assertThat(ka.get("alarms")).startsWith("door_opened");
            Map<String, String> kb = fleet.stream().filter(r -> r.get("kiosk_id").equals("kiosk-b")).findFirst().orElseThrow();
            assertThat(kb).containsEntry("stale", "1").containsEntry("paper_low", "0");

            // The same dashboard in English.
            b.open("/staff/dashboard?days=7&lang=en");
            assertThat(b.text("h1")).contains("last 7 days");
            assertThat(b.driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).startsWith("en");
            String residenceEn = TestBackOffice.CATALOG.service("residence-certificate").orElseThrow().name().en();
            assertThat(cells(row(b, "#handling", residenceEn))).containsExactly(residenceEn, "1 d", "10", "50 min",
                    "1 h 30 min", "0");
            assertThat(b.text("#handling")).doesNotContain("居住证明");

            // The accounts page, for an admin.
            b.driver.manage().deleteAllCookies();
            b.signIn("admin", StaffFixture.PASSWORD);
            b.open("/staff/accounts");
            assertThat(b.text("#accounts")).contains("张主任", "李窗口", "陈窗口", "周队员", "管理员", "经济服务");
        }
    }

    private static List<String> texts(Browser b, String css) {
        return b.all(css).stream().map(e -> e.getAttribute("textContent").strip()).toList();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(org.openqa.selenium.By.cssSelector("td")).stream().map(WebElement::getText).toList();
    }

    /** The CSV's rows by its header (RFC 4180: quotes, doubled quotes, CRLF), after the byte-order mark. */
    static List<Map<String, String>> csv(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        assertThat(cell.length()).as("the CSV ends with CRLF").isZero();
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertThat(r).hasSameSizeAs(header);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
