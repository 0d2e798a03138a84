package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.web.Text;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * Several back-office instances on one PostgreSQL behind a load balancer (backoffice/README.md,
 * "Several instances"): whichever instance a call reaches, it gets the same answer, and a retry
 * that lands on the other instance is still filed once; a staff session, its CSRF token and the
 * phone page work whichever instance a call reaches.
 */
class ScaleOutTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse 42";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void twoInstancesOnOnePostgresqlGiveTheSameAnswers() throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        // The discovery document names the URL the load balancer answers on, the same for both.
        BackOfficeServer.Settings settings = new BackOfficeServer.Settings("127.0.0.1", 0, 64 * 1024,
                java.time.ZoneId.of("Asia/Shanghai"), false, null, java.util.Set.of(),
                new Open311Api.Discovery("https://open311.example.org/open311/v2", "centre", true));
        try (Database dbA = Database.postgres(url, 4); Database dbB = Database.postgres(url, 4)) {
            BackOfficeStore a = new BackOfficeStore(dbA, TestBackOffice.CIPHER, Clock.systemUTC());
            BackOfficeStore b = new BackOfficeStore(dbB, TestBackOffice.CIPHER, Clock.systemUTC());
            String apiKey = a.issueApiKey(TestBackOffice.KIOSK);
            String staff = b.issueStaffToken("wang", "王科员");
            new StaffStore(a, Clock.systemUTC()).putAccount("wang", "王科员", "supervisor", java.util.Set.of(), "!");
            try (BackOfficeServer one = new BackOfficeServer(a, TestBackOffice.CATALOG, settings, null).start();
                    BackOfficeServer two = new BackOfficeServer(b, TestBackOffice.CATALOG, settings, null).start()) {
                List<BackOfficeServer> both = List.of(one, two);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    BackOfficeServer to = both.get(i % 2);
                    String form = TestBackOffice.form(Map.of("api_key", apiKey, "service_code", "hazard-report",
                            "attribute[category]", "road_traffic", "attribute[location]", "路口" + i,
                            "attribute[description]", "路灯不亮", "attribute[since]", "today", "attribute[danger]", "no",
                            "attribute[ticket]", "D-00" + i, "lat", "27.3" + i, "long", "120.2"));
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(to.baseUrl() + "requests.json"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", "key-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    // The kiosk's retry reaches the other instance: the same filing, not a second one.
                    HttpResponse<String> retry = send(HttpRequest.newBuilder(URI.create(both.get((i + 1) % 2).baseUrl()
                                    + "requests.json")).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Idempotency-Key", "key-" + i).POST(HttpRequest.BodyPublishers.ofString(form)));
                    assertThat(retry.statusCode()).isEqualTo(200);
                    assertThat(retry.body()).isEqualTo(r.body());
                    ids.add(r.body().replaceAll(".*\"service_request_id\":\"(\\d+)\".*", "$1"));
                }
                assertThat(ids).doesNotHaveDuplicates();
                assertThat(a.count()).isEqualTo(6);
                // A status set through one instance (accepted, then completed: the steps of staff/Workflow).
                assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + two.port()
                                + "/staff/v1/requests/" + ids.get(1) + "/status")).header("Authorization", "Bearer " + staff)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status_detail\":\"in_progress\"}"))).statusCode())
                        .isEqualTo(200);
                HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + one.port()
                                + "/staff/v1/requests/" + ids.get(1) + "/status")).header("Authorization", "Bearer " + staff)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status_detail\":\"completed\",\"status_notes\":\"已修复\"}")));
                assertThat(changed.statusCode()).isEqualTo(200);

                String key = URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
                List<String> calls = new ArrayList<>(List.of("discovery.json", "discovery.xml", "services.json", "services.xml",
                        "services/hazard-report.json", "services/hazard-report.xml", "requests.json", "requests.xml",
                        "requests.json?status=closed", "requests.xml?service_code=hazard-report&status=open",
                        "requests.json?service_request_id=" + String.join(",", ids) + "&extensions=true&api_key=" + key,
                        "requests/" + ids.get(1) + ".json", "requests/" + ids.get(1) + ".xml?api_key=" + key,
                        "requests/999999.json", "services/none.xml"));
                for (String call : calls) {
                    HttpResponse<String> x = send(HttpRequest.newBuilder(URI.create(one.baseUrl() + call)).GET());
                    HttpResponse<String> y = send(HttpRequest.newBuilder(URI.create(two.baseUrl() + call)).GET());
                    assertThat(y.statusCode()).as(call).isEqualTo(x.statusCode());
                    assertThat(y.body()).as(call).isEqualTo(x.body());
                    assertThat(y.headers().firstValue("Content-Type")).as(call).isEqualTo(x.headers().firstValue("Content-Type"));
                }
                assertThat(send(HttpRequest.newBuilder(URI.create(two.baseUrl() + "requests.json?status=closed")).GET()).body())
                        .contains(ids.get(1)).contains("已修复");
            }
        } finally {
            TestDatabases.dropSchema(url);
        }
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).map(h -> h.split(";")[0])
                .findFirst().orElse(null);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a form with its CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> page(BackOfficeServer to, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .header("Accept-Language", "zh-CN");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.GET());
    }

    private HttpResponse<String> postForm(BackOfficeServer to, String path, String cookie, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    /**
     * The staff pages and the phone page behind a balancer that sends each call anywhere: a session
     * made on one instance is known to the other (it lives in the database), its CSRF token too, and
     * the resident's phone page on one shows what staff did on the other.
     */
    @Test
    void aStaffSessionItsCsrfTokenAndThePhonePageCrossInstances(@TempDir Path dir) throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        BackOfficeServer.Settings settings = BackOfficeServer.Settings.loopback(0);
        try (Database dbA = Database.postgres(url, 4); Database dbB = Database.postgres(url, 4)) {
            BackOfficeStore a = new BackOfficeStore(dbA, TestBackOffice.CIPHER, Clock.systemUTC());
            BackOfficeStore b = new BackOfficeStore(dbB, TestBackOffice.CIPHER, Clock.systemUTC());
            StaffStore staff = new StaffStore(b, Clock.systemUTC());
            staff.putAccount("zhou", "周队员", "patrol", Set.of(), Passwords.hash(PASSWORD));
            String apiKey = a.issueApiKey(TestBackOffice.KIOSK);
            try (BackOfficeServer one = new BackOfficeServer(a, TestBackOffice.CATALOG, settings, null).start();
                    BackOfficeServer two = new BackOfficeServer(b, TestBackOffice.CATALOG, settings, null).start();
                    TestKiosk kiosk = new TestKiosk(dir, one.baseUrl(), apiKey, Duration.ofSeconds(5))) {
                Filing filed = kiosk.fileHazard(7);
                kiosk.worker.runOnce();
                String receipt = filed.filed().receiptToken();
                String key = staff.byReceiptToken(receipt).orElseThrow().requestKey();

                // Signed in on one.
                HttpResponse<String> form = page(one, "/staff/signin", null);
                HttpResponse<String> signedIn = postForm(one, "/staff/signin", cookie(form, "onetrip_signin"),
                        "_csrf=" + csrf(form) + "&staff_id=zhou&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
                assertThat(signedIn.statusCode()).isEqualTo(303);
                String session = cookie(signedIn, "onetrip_staff");
                assertThat(session).isNotNull();

                assertThat(page(two, "/status/" + receipt, null).body()).contains(Text.ZH.get("phone.next.received"));
                // The session is valid on two; the CSRF token one's page carries is accepted by two.
                assertThat(page(two, "/staff/queue", session).statusCode()).isEqualTo(200);
                String token = csrf(page(one, "/staff/requests/" + key, session));
                assertThat(postForm(two, "/staff/requests/" + key, session, "_csrf=forged&action=accept").statusCode())
                        .isEqualTo(403);
                HttpResponse<String> accepted = postForm(two, "/staff/requests/" + key, session, "_csrf=" + token + "&action=accept");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
                assertThat(staff.request(key).orElseThrow().detail()).isEqualTo(RequestStatus.IN_PROGRESS);

                // The phone page on one shows what staff did on two, and the other way round.
                assertThat(page(one, "/status/" + receipt, null).body()).contains(Text.ZH.get("phone.next.in_progress"));
                HttpResponse<String> completed = postForm(one, "/staff/requests/" + key, session, "_csrf=" + token
                        + "&action=complete&note=" + URLEncoder.encode("已修复", StandardCharsets.UTF_8));
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(303);
                HttpResponse<String> phone = page(two, "/status/" + receipt, null);
                assertThat(phone.statusCode()).isEqualTo(200);
                assertThat(phone.body()).contains(Text.ZH.get("phone.next.completed"), Text.ZH.get("status.completed"));
            }
        } finally {
            TestDatabases.dropSchema(url);
        }
    }
}
