package org.onetrip.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.StoredRequest;
import org.onetrip.kiosk.store.SqliteRequestQueue;

/** The command line run in-process, as {@code scripts/kiosk} runs it, on the simulator profile. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL_BASE = "http://127.0.0.1:8311/status/";

    @TempDir
    Path data;

    /** Runs {@code kiosk SUBCOMMAND ARGS… --set data.dir=TEMP}, capturing stdout and stderr. */
    private CliRun kiosk(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--set");
        all.add("data.dir=" + data);
        return kioskRaw(all.toArray(String[]::new));
    }

    private static CliRun kioskRaw(String... args) {
        return CliRun.of("", args);
    }

    private static String[] hazardReport(String... more) {
        return Stream.concat(Stream.of("submit", "--service", "hazard-report",
                "--attr", "category=road_traffic", "--attr", "location=资国寺路与太姥大道路口",
                "--attr", "description=红绿灯不亮，车辆抢行", "--attr", "since=today", "--attr", "danger=no"),
                Stream.of(more)).toArray(String[]::new);
    }

    private static String[] residenceCertificate(String... more) {
        return Stream.concat(Stream.of("submit", "--service", "residence-certificate",
                "--attr", "purpose=school", "--attr", "address=福建省福鼎市桐城街道资国寺路88号",
                "--attr", "since=2020-09-01", "--attr", "housing=owned", "--attr", "copies=1",
                "--attr", "phone=13800138000"), Stream.of(more)).toArray(String[]::new);
    }

    private StoredRequest stored(String statusUrl) {
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            return q.findByToken(statusUrl.substring(URL_BASE.length())).orElseThrow();
        }
    }

    private void assertNothingStored() {
        CliRun queue = kiosk("queue", "--json");
        assertThat(queue.status()).isZero();
        queue.json().path("status").forEach(n -> assertThat(n.asLong()).isZero());
        queue.json().path("outbox").forEach(n -> assertThat(n.asLong()).isZero());
    }

    // ---- services

    @Test
    void servicesListsTheCatalogueByWindow() {
        CliRun r = kiosk("services");

        assertThat(r.status()).isZero();
        List<ServiceDefinition> services = new CatalogLoader().loadBundled().services();
        assertThat(services).hasSizeGreaterThanOrEqualTo(20);
        for (ServiceDefinition s : services) {
            assertThat(r.out()).contains(s.code()).contains(s.name().zh());
        }
        assertThat(r.out()).contains("社情民意").contains("民生保障").contains("category*:singlevaluelist");
    }

    @Test
    void servicesJsonIsAnArrayOfServiceDefinitions() {
        CliRun r = kiosk("services", "--json");

        assertThat(r.status()).isZero();
        JsonNode list = r.json();
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isGreaterThanOrEqualTo(20);
        Set<String> codes = new HashSet<>();
        JsonNode hazard = null;
        for (JsonNode s : list) {
            assertThat(s.path("service_code").isTextual()).as(s.toString()).isTrue();
            assertThat(s.path("attributes").isArray()).as(s.toString()).isTrue();
            assertThat(s.path("service_name").path("zh-CN").asText()).isNotBlank();
            assertThat(s.path("group").asText()).isIn("party", "economy", "opinion", "livelihood");
            assertThat(codes.add(s.path("service_code").asText())).as("unique codes").isTrue();
            if (s.path("service_code").asText().equals("hazard-report")) {
                hazard = s;
            }
        }
        assertThat(codes).contains("hazard-report", "residence-certificate", "house-rebuild", "minimum-living");
        assertThat(hazard).isNotNull();
        assertThat(hazard.path("identity").asText()).isEqualTo("none");
        JsonNode category = hazard.path("attributes").get(0);
        assertThat(category.path("code").asText()).isEqualTo("category");
        assertThat(category.path("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(category.path("required").asBoolean()).isTrue();
        assertThat(category.path("values").toString()).contains("road_traffic");
    }

    // ---- submit

    @Test
    void submitFilesAnAnonymousReportAndPrintsItsReceipt() {
        CliRun r = kiosk(hazardReport("--json"));

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(UUID.fromString(j.path("request_id").asText())).isNotNull();
        assertThat(j.path("ticket").asText()).isEqualTo("C-001");
        assertThat(j.path("status_url").asText()).startsWith(URL_BASE).matches(".*/[A-Za-z0-9_-]{24}");
        assertThat(j.path("printed").asBoolean()).as("the simulated printer prints").isTrue();

        StoredRequest s = stored(j.path("status_url").asText());
        assertThat(s.requestId().toString()).isEqualTo(j.path("request_id").asText());
        assertThat(s.serviceCode()).isEqualTo("hazard-report");
        assertThat(s.attributes()).containsEntry("location", "资国寺路与太姥大道路口");
    }

    @Test
    void submitWithoutPrintingSaysSo() {
        CliRun r = kiosk(hazardReport("--json", "--no-print"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().path("printed").isNull()).isTrue();
        assertThat(r.json().path("ticket").asText()).isEqualTo("C-001");
    }

    @Test
    void submitNumbersTicketsOnAcrossRuns() {
        assertThat(kiosk(hazardReport("--json", "--no-print")).json().path("ticket").asText()).isEqualTo("C-001");
        assertThat(kiosk(hazardReport("--json", "--no-print")).json().path("ticket").asText()).isEqualTo("C-002");
    }

    @Test
    void submitPrintsPlainLinesWithoutJson() {
        CliRun r = kiosk(hazardReport("--no-print"));

        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("(?m)^request_id [0-9a-f-]{36}$").containsPattern("(?m)^ticket +C-001$")
                .containsPattern("(?m)^status_url +" + java.util.regex.Pattern.quote(URL_BASE) + "[A-Za-z0-9_-]{24}$");
    }

    @Test
    void submitWithCardUsesTheSimulatedReadersDefaultCard() {
        CliRun r = kiosk(residenceCertificate("--card", "--json", "--no-print"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().path("ticket").asText()).isEqualTo("D-001");
        StoredRequest s = stored(r.json().path("status_url").asText());
        assertThat(s.maskedName()).isEqualTo("赖**");
        assertThat(s.personalDataKept()).isTrue();
        assertThat(s.attributes()).doesNotContainKeys("phone", "address");
        assertThat(r.out() + r.err()).doesNotContain("赖佳佳")
                .doesNotContain(org.onetrip.kiosk.idcard.FictionalCards.LAI_JIAJIA.idNumber());
    }

    @Test
    void aRequestIsFiledEvenWhenTheReceiptCannotBePrinted() {
        CliRun r = kiosk(hazardReport("--json", "--set", "printer.device=none"));

        assertThat(r.status()).isZero();
        assertThat(r.json().path("printed").asBoolean(true)).isFalse();
        assertThat(r.json().path("ticket").asText()).isEqualTo("C-001");
        assertThat(r.err()).contains("filed, but the receipt was not printed");
    }

    private static String[] houseRebuild(String... more) {
        return Stream.concat(Stream.of("submit", "--service", "house-rebuild",
                "--attr", "reason=dilapidated", "--attr", "old_structure=earth_wood", "--attr", "old_area=80",
                "--attr", "new_area=120", "--attr", "floors=3", "--attr", "household_size=5",
                "--attr", "land_certificate=land", "--attr", "site_location=柯岭村三组12号旁",
                "--attr", "phone=13905931234"), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void submitFilesAProxyRequestWithTheRegisteredAgent() {
        CliRun r = kiosk(houseRebuild("--agent-card", "--card", "--json", "--no-print"));

        assertThat(r.status()).as(r.err()).isZero();
        StoredRequest s = stored(r.json().path("status_url").asText());
        assertThat(s.attributes()).containsEntry("agent_registration", "KL-01").containsEntry("agent_village", "柯岭村");
        assertThat(r.out() + r.err()).doesNotContain("詹照明", org.onetrip.kiosk.idcard.FictionalCards.ZHAN_AGENT.idNumber());
    }

    @Test
    void submitRefusesAProxyRequestWhoseAgentIsNotRegistered() throws Exception {
        Path agents = data.resolve("agents.csv");
        java.nio.file.Files.createDirectories(data);
        java.nio.file.Files.writeString(agents, org.onetrip.kiosk.proxy.AgentsFile.HEADER + "\n"
                + "LM-02,resident,350982194808300041,欧阳秀英,流美社区,Liumei Community,\n");
        CliRun r = kiosk(houseRebuild("--agent-card", "--card", "--json", "--no-print", "--set", "proxy.agents-file=" + agents));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not filed").contains("not registered as a proxy agent");
        assertThat(r.out()).isEmpty();
        assertNothingStored();
    }

    @Test
    void submitRefusesAProxyRequestWithoutTheAgentsCard() {
        CliRun r = kiosk(houseRebuild("--card", "--json", "--no-print"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not filed").contains("proxy agent's ID card has not been read");
        assertNothingStored();
    }

    @Test
    void submitWithoutTheCardAServiceNeedsIsRefused() {
        CliRun r = kiosk(residenceCertificate("--json"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not filed").contains("ID card");
        assertThat(r.out()).isEmpty();
        assertNothingStored();
    }

    @Test
    void aBadAttributeExits2NamingTheFieldAndStoresNothing() {
        CliRun r = kiosk("submit", "--service", "hazard-report", "--attr", "category=aliens", "--attr", "location=路口",
                "--attr", "description=x", "--attr", "since=today", "--attr", "danger=no", "--json");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("category").contains("not one of the listed choices");
        assertThat(r.out()).isEmpty();
        assertNothingStored();
    }

    @Test
    void aMissingRequiredAttributeIsNamed() {
        CliRun r = kiosk("submit", "--service", "hazard-report", "--attr", "category=road_traffic", "--json");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("location: required").contains("description: required");
        assertNothingStored();
    }

    @Test
    void anAttributeWithoutEqualsSignIsRefused() {
        CliRun r = kiosk("submit", "--service", "hazard-report", "--attr", "category", "--json");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--attr").contains("'category'");
        assertNothingStored();
    }

    @Test
    void anUnknownServiceExits2() {
        CliRun r = kiosk("submit", "--service", "no-such-service", "--attr", "x=y", "--json");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-service");
        assertThat(r.out()).isEmpty();
        assertNothingStored();
    }

    @Test
    void submitWithoutAServiceIsAUsageError() {
        CliRun r = kiosk("submit", "--attr", "x=y");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--service");
    }

    // ---- queue

    @Test
    void queueCountsTheSubmittedRequestAsPendingAndQueued() {
        assertThat(kiosk(hazardReport("--no-print")).status()).isZero();

        CliRun r = kiosk("queue", "--json");

        assertThat(r.status()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("outbox").path("pending").asLong()).isEqualTo(1);
        assertThat(j.path("outbox").path("delivered").asLong()).isZero();
        assertThat(j.path("outbox").path("needs_attention").asLong()).isZero();
        assertThat(j.path("status").path("queued").asLong()).isEqualTo(1);
        assertThat(j.path("status").path("received").asLong()).isZero();
        assertThat(j.path("needs_attention").isArray()).isTrue();
        assertThat(j.path("needs_attention").size()).isZero();
    }

    @Test
    void queueOnAFreshStoreCountsZeroInEveryStateInPlainText() {
        CliRun r = kiosk("queue");

        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  pending +0$").containsPattern("(?m)^  queued +0$")
                .containsPattern("(?m)^  completed +0$");
        assertThat(Files.exists(data.resolve("kiosk.db"))).isTrue();
    }

    @Test
    void queueListsParkedRequestsWithTheirReasonAndPutsThemBack() {
        CliRun filed = kiosk(hazardReport("--no-print", "--json"));
        String id = filed.json().path("request_id").asText();
        try (SqliteRequestQueue q = new SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.park(java.util.UUID.fromString(id), "HTTP 404: code 404: service_code not found", java.time.Instant.now());
        }

        CliRun plain = kiosk("queue");
        assertThat(plain.out()).containsPattern("(?m)^  needs_attention +1$").contains("needs attention")
                .contains(id).contains("service_code not found");
        JsonNode j = kiosk("queue", "--json").json();
        assertThat(j.path("needs_attention").get(0).path("reason").asText()).contains("service_code not found");

        CliRun back = kiosk("queue", "--retry-parked", "--json");
        assertThat(back.err()).contains("1 parked requests put back");
        assertThat(back.json().path("outbox").path("pending").asLong()).isEqualTo(1);
        assertThat(back.json().path("needs_attention").size()).isZero();
    }

    // ---- sync

    @Test
    void syncWithoutABackOfficeSaysWhichKeyToSet() {
        CliRun r = kiosk("sync", "--once");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("backoffice.url");
    }

    @Test
    void syncOnceWithTheBackOfficeDownLeavesTheRequestWaitingAndExits1() throws Exception {
        assertThat(kiosk(hazardReport("--no-print")).status()).isZero();
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        CliRun r = kiosk("sync", "--once", "--set", "backoffice.url=http://127.0.0.1:" + port + "/open311/v2/",
                "--set", "backoffice.api-key=k", "--set", "backoffice.timeout-s=2");

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("not delivered").contains("1 still pending").contains("backoffice OFFLINE/COMMUNICATION_ERROR");
        assertThat(kiosk("queue", "--json").json().path("outbox").path("pending").asLong()).isEqualTo(1);
    }

    @Test
    void syncOnceErasesPersonalDataPastRetentionLikeTheKiosk() throws Exception {
        java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofDays(31));
        java.util.UUID id = java.util.UUID.randomUUID();
        try (org.onetrip.kiosk.store.SqliteRequestQueue q =
                new org.onetrip.kiosk.store.SqliteRequestQueue(data.resolve("kiosk.db"))) {
            q.file(new org.onetrip.kiosk.request.NewRequest(id, "sim-kiosk-01", "hazard-report", "public-opinion", 'C',
                    java.time.LocalDate.ofInstant(old, java.time.ZoneOffset.UTC), old,
                    org.onetrip.kiosk.filing.ReceiptTokens.forInstallation(data, () -> 0L).next(),
                    java.util.Map.of("category", "road_traffic", "description", "我的身份证号350982199001010025"),
                    java.util.Map.of(), org.onetrip.kiosk.idcard.FictionalCards.OUYANG_ELDER, null));
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        CliRun r = kiosk("sync", "--once", "--set", "backoffice.url=http://127.0.0.1:" + port + "/open311/v2/",
                "--set", "backoffice.api-key=k", "--set", "backoffice.timeout-s=2", "--set", "privacy.retention-days=30");

        assertThat(r.out()).as(r.out() + r.err()).contains("erased the personal data of 1 requests past retention");
        assertThat(kiosk("queue", "--json").json().path("personal_data").path("erased").path("pending").asLong()).isEqualTo(1);
    }

    // ---- selftest

    @Test
    void selftestOnTheSimulatorIsAllOnline() {
        CliRun r = kiosk("selftest", "--json");

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        JsonNode j = r.json();
        for (String device : List.of("idcard", "printer", "scanner", "store")) {
            assertThat(j.path(device).path("state").asText()).as(device).isEqualTo("ONLINE");
        }
        assertThat(j.path("ok").asBoolean()).isTrue();
    }

    /** Switched off in the profile is not offline (issue 10): listed as DISABLED, not counted. */
    @Test
    void selftestListsAPrinterSwitchedOffWithoutFailing() {
        CliRun r = kiosk("selftest", "--json", "--set", "printer.device=none");

        assertThat(r.status()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("printer").path("state").asText()).isEqualTo("OFFLINE");
        assertThat(j.path("printer").path("detail").asText()).isEqualTo("DISABLED");
        assertThat(j.path("idcard").path("state").asText()).isEqualTo("ONLINE");
        assertThat(j.path("store").path("state").asText()).isEqualTo("ONLINE");
        assertThat(j.path("ok").asBoolean()).isTrue();
    }

    @Test
    void selftestInPlainTextSaysWhatIsOffline() {
        CliRun off = kiosk("selftest", "--set", "scanner.device=none");
        assertThat(off.status()).isZero();
        assertThat(off.out()).containsPattern("(?m)^scanner +OFFLINE/DISABLED").contains("not counted");

        CliRun r = kiosk("selftest", "--settle-ms", "1000", "--set", "idcard.device=serial:" + data.resolve("ttyUSB9"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^idcard +OFFLINE").contains("something is offline");
    }

    // ---- configuration errors

    @Test
    void aBadConfigurationValueExits2WithTheKeyInTheMessage() {
        for (String sub : List.of("selftest", "services", "queue", "submit")) {
            List<String> args = new ArrayList<>(List.of(sub, "--set", "printer.paper-width-mm=70"));
            if (sub.equals("submit")) {
                args.addAll(List.of("--service", "hazard-report"));
            }
            CliRun r = kiosk(args.toArray(String[]::new));

            assertThat(r.status()).as(sub).isEqualTo(2);
            assertThat(r.err()).as(sub).contains("printer.paper-width-mm").contains("'70'").contains("58 | 80");
            assertThat(r.out()).as(sub).isEmpty();
        }
    }

    @Test
    void anUnknownKeyExits2() {
        CliRun r = kiosk("selftest", "--set", "printer.devcie=sim");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("printer.devcie");
    }

    @Test
    void aMissingConfigFileExits2() {
        Path missing = data.resolve("nowhere.properties");

        CliRun r = kioskRaw("selftest", "--config", missing.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--config").contains(missing.toString());
    }

    @Test
    void aProfileFileIsUsedWithConfig() throws Exception {
        String profile;
        try (var in = getClass().getResourceAsStream("/profiles/simulator.properties")) {
            profile = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("data.dir=data", "data.dir=" + data.toString().replace("\\", "\\\\"))
                    .replace("status.url-base=http://127.0.0.1:8311/status/",
                            "status.url-base=https://kiosk.example.gov.cn/s/");
        }
        Path file = Files.writeString(data.resolve("kiosk.properties"), profile);

        CliRun r = kioskRaw(hazardReport("--json", "--no-print", "--config", file.toString()));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().path("status_url").asText()).startsWith("https://kiosk.example.gov.cn/s/");
    }
}
