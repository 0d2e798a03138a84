package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.open311.Jsons;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.AuditEntry;
import org.onetrip.kiosk.filing.Filing;

/**
 * The staff API under the pages' rules (issue 11): a token acts as its staff account, so window
 * staff reach their windows' requests only, the patrol brigade hazard reports, an admin none; every
 * answer that carries a request's content is written to the audit log; and status changes take the
 * steps of {@code staff/Workflow}, the same as the request page's buttons.
 */
class StaffApiAccessTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    private static HttpResponse<String> get(TestBackOffice bo, String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return bo.send(b);
    }

    private static HttpResponse<String> status(TestBackOffice bo, String token, String id, String detail) {
        return bo.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/requests/" + id + "/status"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status_detail\":\"" + detail + "\",\"status_notes\":\"备注\"}",
                        StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return Jsons.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTokenReachesOnlyTheRequestsItsAccountMayHandleAndEveryReadIsAudited(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir.resolve("bo"));
                TestKiosk kiosk = new TestKiosk(dir.resolve("kiosk"), bo.baseUrl(), bo.apiKey, Duration.ofSeconds(5))) {
            StaffStore staff = StaffFixture.accounts(bo);
            Filing residence = StaffFixture.fileResidence(kiosk);
            Filing hazard = kiosk.fileHazard(1);
            kiosk.worker.runOnce();
            StaffStore.RequestRecord home = staff.byReceiptToken(residence.filed().receiptToken()).orElseThrow();
            StaffStore.RequestRecord road = staff.byReceiptToken(hazard.filed().receiptToken()).orElseThrow();
            String li = bo.store.issueStaffToken("li", "李窗口");
            String chen = bo.store.issueStaffToken("chen", "陈窗口");
            String zhou = bo.store.issueStaffToken("zhou", "周队员");
            String zhang = bo.store.issueStaffToken("zhang", "张主任");
            String admin = bo.store.issueStaffToken("admin", "管理员");
            var before = bo.store.snapshot();

            // Not their window, or not a hazard report: the same answer as for no request at all.
            for (String token : List.of(chen, zhou)) {
                assertThat(get(bo, token, "/staff/v1/requests/" + home.serviceRequestId()).statusCode()).isEqualTo(404);
                assertThat(status(bo, token, home.serviceRequestId(), "in_progress").statusCode()).isEqualTo(404);
            }
            for (String token : List.of(li, chen)) {
                assertThat(get(bo, token, "/staff/v1/requests/" + road.serviceRequestId()).statusCode()).isEqualTo(404);
                assertThat(status(bo, token, road.serviceRequestId(), "rejected").statusCode()).isEqualTo(404);
            }
            // An admin sees the queue but handles no request, so gets no request's content.
            assertThat(get(bo, admin, "/staff/v1/requests/" + home.serviceRequestId()).statusCode()).isEqualTo(403);
            assertThat(status(bo, admin, home.serviceRequestId(), "in_progress").statusCode()).isEqualTo(403);
            // Nothing changed, nothing was read, so nothing is in the audit log.
            assertThat(bo.store.snapshot()).isEqualTo(before);

            HttpResponse<String> own = get(bo, li, "/staff/v1/requests/" + home.serviceRequestId());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(json(own).path("service_code").asText()).isEqualTo("residence-certificate");
            assertThat(get(bo, zhou, "/staff/v1/requests/" + road.serviceRequestId()).statusCode()).isEqualTo(200);
            assertThat(get(bo, zhang, "/staff/v1/requests/" + home.serviceRequestId()).statusCode()).isEqualTo(200);
            assertThat(status(bo, li, home.serviceRequestId(), "in_progress").statusCode()).isEqualTo(200);

            // Who, when, which request: each read, and the change's answer (it carries the content too).
            List<AuditEntry> audit = staff.auditOf(home.requestKey());
            assertThat(audit).extracting(AuditEntry::staffId).containsExactly("li", "zhang", "li");
            assertThat(audit).allSatisfy(e -> {
                assertThat(e.what()).isEqualTo("api-view");
                assertThat(e.at()).isNotNull();
            });
            assertThat(staff.auditOf(road.requestKey())).extracting(AuditEntry::staffId).containsExactly("zhou");

            // The fleet is for supervisors and admins, as on the pages.
            assertThat(get(bo, li, "/staff/v1/kiosks").statusCode()).isEqualTo(403);
            assertThat(get(bo, zhou, "/staff/v1/kiosks").statusCode()).isEqualTo(403);
            assertThat(get(bo, admin, "/staff/v1/kiosks").statusCode()).isEqualTo(200);
            assertThat(get(bo, zhang, "/staff/v1/kiosks").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void statusChangesTakeTheSameStepsAsTheRequestPage(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String a = bo.fileHazard("a", Map.of());
            String b = bo.fileHazard("b", Map.of("attribute[since]", "now"));
            var before = bo.store.snapshot();

            // Completing needs accepting first; nothing leads back to received.
            HttpResponse<String> skip = bo.staffStatus(a, "completed", null);
            assertThat(skip.statusCode()).isEqualTo(409);
            assertThat(json(skip).get(0).path("description").asText()).contains("received", "completed");
            assertThat(bo.staffStatus(a, "received", null).statusCode()).isEqualTo(409);
            assertThat(bo.store.snapshot()).isEqualTo(before);

            assertThat(bo.staffStatus(a, "needs_documents", "请补交照片").statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(a, "received", null).statusCode()).isEqualTo(409);
            assertThat(bo.staffStatus(a, "needs_documents", "还缺一张").statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(a, "in_progress", null).statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(a, "in_progress", null).statusCode()).isEqualTo(409);
            assertThat(bo.staffStatus(a, "completed", "已修复").statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(b, "rejected", "重复上报").statusCode()).isEqualTo(200);

            JsonNode history = json(get(bo, bo.staffToken, "/staff/v1/requests/" + a)).path("history");
            assertThat(history).extracting(h -> h.path("status_detail").asText())
                    .containsExactly("received", "needs_documents", "needs_documents", "in_progress", "completed");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTokenWithoutAnAccountOrOfADisabledAccountGetsNothing(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            StaffStore staff = StaffFixture.accounts(bo);
            String id = json(bo.postForm(bo.hazardForm(Map.of()), "a")).get(0).path("service_request_id").asText();
            // An old-style token (add-staff) of no account has no role: refused until an account is added.
            String orphan = bo.store.issueStaffToken("sun", "孙科员");
            HttpResponse<String> refused = get(bo, orphan, "/staff/v1/requests/" + id);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get(0).path("description").asText()).contains("add-account");
            assertThat(status(bo, orphan, id, "in_progress").statusCode()).isEqualTo(403);
            assertThat(get(bo, orphan, "/staff/v1/kiosks").statusCode()).isEqualTo(403);

            // Disabling an account stops its token at once (401), as it ends its sessions.
            String zhou = bo.store.issueStaffToken("zhou", "周队员");
            assertThat(get(bo, zhou, "/staff/v1/requests/" + id).statusCode()).isEqualTo(200);
            assertThat(staff.setDisabled("zhou", true)).isTrue();
            assertThat(get(bo, zhou, "/staff/v1/requests/" + id).statusCode()).isEqualTo(401);
            assertThat(status(bo, zhou, id, "in_progress").statusCode()).isEqualTo(401);
            // A token issued to a disabled account does not work either.
            String again = bo.store.issueStaffToken("zhou", "周队员");
            assertThat(get(bo, again, "/staff/v1/requests/" + id).statusCode()).isEqualTo(401);
            assertThat(get(bo, null, "/staff/v1/requests/" + id).statusCode()).isEqualTo(401);
        }
    }
}
