package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StoredRequest;

/**
 * The staff workspace and the phone page in a real browser (headless Chromium), on SQLite and
 * PostgreSQL, with requests filed by a real kiosk (its filing service and outbox): sign in, work
 * the queue, ask for documents, complete, watch the phone page change, rate, export CSV; role
 * boundaries by page and by URL; forms without their CSRF token refused.
 */
class StaffWorkspaceBrowserTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void windowStaffWorkARequestFromQueueToRatingAndThePhonePageFollows(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5));
                Browser b = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffStore staff = StaffFixture.accounts(bo);
            Filing residence = StaffFixture.fileResidence(kiosk);
            Filing hazard = kiosk.fileHazard(1);
            kiosk.worker.runOnce();
            String ticket = residence.filed().ticket();
            String token = residence.filed().receiptToken();

            // Any page without a session leads to the sign-in page, and back after it.
            b.open("/staff/queue");
            assertThat(b.driver.getCurrentUrl()).contains("/staff/signin");
            b.signIn("li", StaffFixture.PASSWORD);
            assertThat(b.driver.getCurrentUrl()).endsWith("/staff/queue");

            // The queue of the 民生保障 window: its request, not the hazard report; the name masked.
            assertThat(b.text("#queue-count")).contains("1");
            assertThat(b.text("#queue tbody")).contains(ticket, "居住证明", "赖**").doesNotContain("赖佳佳", "问题隐患");
            b.type("#f-search", ticket);
            b.click("#f-apply");
            b.waitText("#queue-count", "1");
            b.click("#queue tbody a.ticket");

            // The request's page: every field, the whole identity for the window that handles it, logged.
            b.waitText("#status", "已收到");
            assertThat(b.text("#fields")).contains("赖佳佳", "35098219920314002", "13800138000", "子女入学");
            String key = b.driver.getCurrentUrl().replaceAll(".*/staff/requests/", "");
            assertThat(staff.auditOf(key)).extracting(StaffStore.AuditEntry::staffId).containsExactly("li");

            // The resident's phone: ticket, service, status, masked name only.
            b.open("/status/" + token);
            assertThat(b.text("#ticket")).isEqualTo(ticket);
            assertThat(b.text("#status")).isEqualTo("已收到");
            assertThat(b.text("#name")).isEqualTo("赖**");
            assertThat(b.driver.getPageSource()).doesNotContain("赖佳佳", "350982");

            // Accept, then ask for a document picked from the service's list.
            b.open("/staff/requests/" + key);
            b.click("#do-accept");
            b.waitText("#status", "办理中");
            b.find("input[name=document][value='1']").click();
            b.find("form input[name=action][value=ask_documents] ~ label input[name=note]").sendKeys("原件带来核对");
            b.click("#do-ask");
            b.waitText("#status", "需补材料");
            String asked = b.text("#notes");
            assertThat(asked).startsWith("请补充：").contains("原件带来核对");

            // The note reaches the kiosk's status screen…
            kiosk.worker.runOnce();
            StoredRequest atKiosk = kiosk.queue.findByToken(token).orElseThrow();
            assertThat(atKiosk.status()).isEqualTo(RequestStatus.NEEDS_DOCUMENTS);
            assertThat(atKiosk.history().get(atKiosk.history().size() - 1).note()).isEqualTo(asked);
            // …and the phone page.
            b.open("/status/" + token);
            assertThat(b.text("#status")).isEqualTo("需补材料");
            assertThat(b.text("#notes")).isEqualTo(asked);
            assertThat(b.text("#next")).contains("民生保障");
            assertThat(b.has("#rate")).isFalse();

            // Complete with the service's own response template.
            b.open("/staff/requests/" + key);
            new org.openqa.selenium.support.ui.Select(b.find("#complete-template")).selectByValue("0");
            b.click("#do-complete");
            b.waitText("#status", "已办结");
            assertThat(b.text("#notes")).contains("居住证明已开具");
            assertThat(b.has("#do-accept")).isFalse();

            // The phone page now offers a rating, once.
            b.open("/status/" + token + "?lang=en");
            assertThat(b.text("#status")).isEqualTo("Completed");
            b.find("input[name=rating][value=fair]").click();
            b.find("textarea[name=reason]").sendKeys("排队有点久");
            b.click("#rate");
            b.find("#thanks");
            assertThat(b.text("#rated")).contains("Fairly satisfied");
            assertThat(b.has("#rate")).isFalse();
            HttpResponse<String> again = b.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(b.base + "/status/" + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("rating=unsatisfied")));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(staff.rating(key).orElseThrow().rating()).isEqualTo("fair");

            // The rating on the request page; the queue's CSV export with the same filters, names masked.
            b.open("/staff/requests/" + key);
            assertThat(b.text("#rating")).contains("基本满意", "排队有点久");
            HttpResponse<String> csv = b.getWithSession("/staff/queue.csv?status=all");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
            assertThat(csv.body()).startsWith("\uFEFFservice_request_id,ticket,").contains(ticket, "completed", "赖**")
                    .doesNotContain("赖佳佳").doesNotContain(hazard.filed().ticket() + ",");

            // The supervisor's dashboard counts the rating; signing out ends the session.
            b.click("#signout");
            b.find("#signin");
            b.open("/staff/queue");
            assertThat(b.driver.getCurrentUrl()).contains("/staff/signin");
            b.signIn("zhang", StaffFixture.PASSWORD);
            b.open("/staff/dashboard");
            assertThat(b.text("#d-total")).isEqualTo("2");
            assertThat(b.text(".tiles")).contains("基本满意");
            b.open("/staff/fleet");
            assertThat(b.text("#fleet")).contains(TestBackOffice.KIOSK);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void windowStaffSeeOnlyTheirWindowByPageAndByUrlAndFormsNeedTheirCsrfToken(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5));
                Browser b = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffStore staff = StaffFixture.accounts(bo);
            Filing residence = StaffFixture.fileResidence(kiosk);
            Filing hazard = kiosk.fileHazard(1);
            kiosk.worker.runOnce();
            String hazardKey = staff.byReceiptToken(hazard.filed().receiptToken()).orElseThrow().requestKey();
            String residenceKey = staff.byReceiptToken(residence.filed().receiptToken()).orElseThrow().requestKey();

            b.signIn("li", StaffFixture.PASSWORD);
            // Not in the queue, not by search, not by URL, not by a forged form: the same answer as no request.
            b.open("/staff/queue?status=all&q=" + URLEncoder.encode(hazard.filed().ticket(), StandardCharsets.UTF_8));
            assertThat(b.text("#queue-count")).contains("0");
            b.open("/staff/requests/" + hazardKey);
            assertThat(b.text("#refused")).contains("没有找到");
            assertThat(b.driver.getPageSource()).doesNotContain("资国寺路");
            b.open("/staff/requests/" + residenceKey);
            String csrf = b.find("input[name=_csrf]").getAttribute("value");
            HttpResponse<String> forged = b.postWithSession("/staff/requests/" + hazardKey, "_csrf=" + csrf + "&action=accept");
            assertThat(forged.statusCode()).isEqualTo(404);
            assertThat(staff.request(hazardKey).orElseThrow().detail()).isEqualTo(RequestStatus.RECEIVED);
            assertThat(b.getWithSession("/staff/dashboard").statusCode()).isEqualTo(403);

            // CSRF: the right session without the form's token, or with another one, changes nothing.
            var before = bo.store.snapshot();
            assertThat(b.postWithSession("/staff/requests/" + residenceKey, "action=accept").statusCode()).isEqualTo(403);
            assertThat(b.postWithSession("/staff/requests/" + residenceKey, "_csrf=" + csrf.substring(1) + "x&action=accept")
                    .statusCode()).isEqualTo(403);
            assertThat(b.postWithSession("/staff/signout", "").statusCode()).isEqualTo(403);
            assertThat(bo.store.snapshot()).isEqualTo(before);
            // With it, the same request goes through (so the refusals above were the token's doing).
            assertThat(b.postWithSession("/staff/requests/" + residenceKey, "_csrf=" + csrf + "&action=accept").statusCode())
                    .isEqualTo(303);
            assertThat(staff.request(residenceKey).orElseThrow().detail()).isEqualTo(RequestStatus.IN_PROGRESS);

            // The patrol brigade sees hazard reports only.
            b.driver.manage().deleteAllCookies();
            b.signIn("zhou", StaffFixture.PASSWORD);
            b.open("/staff/queue");
            assertThat(b.text("#queue tbody")).contains(hazard.filed().ticket()).doesNotContain(residence.filed().ticket());
            b.open("/staff/requests/" + residenceKey);
            assertThat(b.text("#refused")).contains("没有找到");

            // An admin sees the request but not its personal data, and has no action; nothing is audited.
            int audited = staff.auditOf(residenceKey).size();
            b.driver.manage().deleteAllCookies();
            b.signIn("admin", StaffFixture.PASSWORD);
            b.open("/staff/requests/" + residenceKey);
            assertThat(b.text("#fields")).contains("无权查看", "赖**").doesNotContain("赖佳佳", "13800138000", "35098219920314002");
            assertThat(b.has("#do-complete")).isFalse();
            assertThat(staff.auditOf(residenceKey)).hasSize(audited);
        }
    }

    @org.junit.jupiter.api.Test
    void anAdminDisablesAnAccountAndItsSessionEndsAtOnce() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("bo"));
                Browser admin = new Browser("http://127.0.0.1:" + bo.port());
                Browser chen = new Browser("http://127.0.0.1:" + bo.port())) {
            StaffStore staff = StaffFixture.accounts(bo);
            chen.signIn("chen", StaffFixture.PASSWORD);
            chen.open("/staff/queue");
            chen.find("#queue");
            assertThat(chen.getWithSession("/staff/accounts").statusCode()).isEqualTo(403);

            admin.signIn("admin", StaffFixture.PASSWORD);
            admin.click("#nav-accounts");
            assertThat(admin.text("#accounts")).contains("陈窗口", "窗口人员", "经济服务");
            assertThat(admin.has("#disable-admin")).isFalse();
            admin.click("#disable-chen");
            admin.waitText("#message", "已停用");
            assertThat(staff.account("chen").orElseThrow().disabled()).isTrue();

            chen.open("/staff/queue");
            assertThat(chen.driver.getCurrentUrl()).contains("/staff/signin");
            chen.signIn("chen", StaffFixture.PASSWORD);
            assertThat(chen.text("#signin-error")).contains("不对");

            admin.click("#enable-chen");
            admin.waitText("#message", "已启用");
            chen.signIn("chen", StaffFixture.PASSWORD);
            assertThat(chen.driver.getCurrentUrl()).endsWith("/staff/queue");
        }
    }
}
