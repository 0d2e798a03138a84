package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.filing.Filing;

/** The resident's phone page over HTTP: headers, the calm answer, the rate limit, ratings only after completion. */
class PhonePageTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> get(TestBackOffice bo, String path) {
        return bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + path)).header("Accept-Language", "zh-CN"));
    }

    @Test
    void aFiledRequestShowsWithoutPersonalDataOrScriptAndIsNeverCached() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            HttpResponse<String> r = get(bo, "/status/" + f.filed().receiptToken());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
            assertThat(r.body()).contains(f.filed().ticket(), "居住证明", "民生保障", "赖**", "已收到")
                    .doesNotContain("赖佳佳", "3509821992", "13800138000", "<script");
            // A label's colon as each language writes it: full width in Chinese, no space after.
            assertThat(r.body()).contains("窗口：民生保障", "申请人：<span id=\"name\">赖**").doesNotContain("窗口: ", "申请人: ");
            assertThat(get(bo, "/status/" + f.filed().receiptToken() + "?lang=en").body())
                    .contains("Window: Livelihood", "Filed by: <span id=\"name\">");
            // The ticket travelled from the kiosk, so staff can find the request by it.
            assertThat(new StaffStore(bo.store, java.time.Clock.systemUTC()).request(
                    new StaffStore(bo.store, java.time.Clock.systemUTC()).byReceiptToken(f.filed().receiptToken()).orElseThrow()
                            .requestKey()).orElseThrow().ticket()).isEqualTo(f.filed().ticket());
        }
    }

    @Test
    void anUnknownOrMalformedTokenGetsOneCalmAnswer() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            HttpResponse<String> unknown = get(bo, "/status/AAAAAAAAAAAAAAAAAAAAAAAA");
            HttpResponse<String> malformed = get(bo, "/status/%3Cscript%3E");
            HttpResponse<String> tooLong = get(bo, "/status/" + "A".repeat(500));
            for (HttpResponse<String> r : java.util.List.of(unknown, malformed, tooLong)) {
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(r.body()).isEqualTo(unknown.body()).contains("没有找到这张回执");
            }
        }
    }

    @Test
    void oneAddressAskingTooOftenIsToldToWait() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = get(bo, "/status/AAAAAAAAAAAAAAAAAAAAAAA" + (char) ('A' + i % 26));
                if (r.statusCode() == 429) {
                    limited++;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } else {
                    assertThat(r.statusCode()).isEqualTo(404);
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(10);
            assertThat(retryAfter).matches("\\d+");
        }
    }

    @Test
    void aRatingIsRefusedBeforeCompletion() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            HttpResponse<String> r = bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/status/"
                    + f.filed().receiptToken())).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("rating=satisfied", StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(bo.store.snapshot().get("ratings")).isEmpty();
        }
    }

    /**
     * What to bring follows the state, as on the kiosk's status screen (screens review, finding 3):
     * the page listed the service's documents under "要带的材料" for a request just received, as if
     * to come now, and under the staff's own note asking for something else. Only while staff ask
     * for documents is there something to bring: their note first, the usual list after it as such.
     */
    @Test
    void whatToBringFollowsTheRequestsState() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            Filing f = StaffFixture.fileResidence(kiosk);
            kiosk.worker.runOnce();
            String path = "/status/" + f.filed().receiptToken();
            StaffStore staff = new StaffStore(bo.store, java.time.Clock.systemUTC());
            String key = staff.byReceiptToken(f.filed().receiptToken()).orElseThrow().requestKey();

            String received = get(bo, path).body();
            assertThat(received).as("received").contains("现在不用带材料来")
                    .doesNotContain("房产证或租赁合同", "要带的材料", "要补的材料", "id=\"bring\"");

            staff.step(key, org.onetrip.backoffice.staff.Workflow.ASK_DOCUMENTS.from(),
                    org.onetrip.kiosk.request.RequestStatus.NEEDS_DOCUMENTS, "请补充：户口簿。", "li");
            String asked = get(bo, path).body();
            assertThat(asked).as("documents asked").contains("要补的材料", "请补充：户口簿。", "办这件事一般要这些材料", "房产证或租赁合同")
                    .doesNotContain("现在不用带材料来");
            assertThat(asked.indexOf("请补充：户口簿。")).as("the staff's note before the usual list")
                    .isLessThan(asked.indexOf("办这件事一般要这些材料"));

            staff.step(key, org.onetrip.backoffice.staff.Workflow.COMPLETE.from(),
                    org.onetrip.kiosk.request.RequestStatus.COMPLETED, "请到民生保障窗口领取。", "li");
            String done = get(bo, path).body();
            assertThat(done).as("completed").contains("请到民生保障窗口领取。")
                    .doesNotContain("房产证或租赁合同", "要带的材料", "要补的材料", "请补充：户口簿。", "现在不用带材料来");

            // A suggestion has no documents at all: "for now" would promise a list to come.
            Filing suggestion = kiosk.filing.file(new org.onetrip.kiosk.filing.Submission("suggestion",
                    java.util.Map.of("topic", "community", "content", "楼道的灯坏了"), null, null),
                    java.util.Locale.SIMPLIFIED_CHINESE, null);
            kiosk.worker.runOnce();
            assertThat(get(bo, "/status/" + suggestion.filed().receiptToken()).body()).as("a suggestion")
                    .contains("已收到").doesNotContain("现在不用带材料来", "要补的材料");
        }
    }
}
