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
import org.junit.jupiter.api.Test;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;

/**
 * Several back-office instances on one PostgreSQL behind a load balancer (backoffice/README.md,
 * "Several instances"): whichever instance a call reaches, it gets the same answer, and a retry
 * that lands on the other instance is still filed once.
 */
class ScaleOutTest {
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
}
