package org.onetrip.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.web.Text;

/** Sign-in over plain HTTP: cookies, the sign-in form's own CSRF token, lockout, disabling, the command line. */
class StaffSignInTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            if (h.startsWith(name + "=")) {
                return h;
            }
        }
        return null;
    }

    /** Signs in as a browser would (GET the form for its token and cookie, POST it); the answer to the POST. */
    private HttpResponse<String> signIn(TestBackOffice bo, String id, String password) {
        return signIn(bo, id, password, "http");
    }

    /** {@code proto}: what a reverse proxy in front says in X-Forwarded-Proto. */
    private HttpResponse<String> signIn(TestBackOffice bo, String id, String password, String proto) {
        String base = "http://127.0.0.1:" + bo.port();
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/staff/signin")).header("Accept-Language", "zh-CN")
                .header("X-Forwarded-Proto", proto));
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        String token = cookie(form, "onetrip_signin").split(";")[0];
        return send(HttpRequest.newBuilder(URI.create(base + "/staff/signin")).header("Cookie", token)
                .header("X-Forwarded-Proto", proto)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&staff_id=" + id + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    private HttpResponse<String> queue(TestBackOffice bo, String sessionCookie) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/queue"))
                .header("Cookie", sessionCookie.split(";")[0]));
    }

    @Test
    void aSessionCookieIsHttpOnlyStrictAndTheSessionLivesInTheDatabase() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            StaffFixture.accounts(bo);
            HttpResponse<String> ok = signIn(bo, "li", StaffFixture.PASSWORD);
            assertThat(ok.statusCode()).isEqualTo(303);
            String session = cookie(ok, "onetrip_staff");
            assertThat(session).contains("HttpOnly", "SameSite=Strict", "Path=/staff").doesNotContain("Secure");
            assertThat(queue(bo, session).statusCode()).isEqualTo(200);
            // A restart (or another instance on the same database) knows the session.
            bo.restart();
            assertThat(queue(bo, session).statusCode()).isEqualTo(200);
            assertThat(bo.store.snapshot().get("staff_sessions")).hasSize(1).noneMatch(row -> row.contains(
                    session.split(";")[0].substring("onetrip_staff=".length())));
        }
    }

    @Test
    void behindATrustedProxyThatEndsTlsTheSessionCookieIsSecureAndAStrangersHeaderIsIgnored() {
        BackOfficeServer.Settings behindProxy = BackOfficeServer.Settings.loopback(0).withTrustedProxies(Set.of("127.0.0.1"));
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("proxied"), behindProxy, null)) {
            StaffFixture.accounts(bo);
            HttpResponse<String> ok = signIn(bo, "li", StaffFixture.PASSWORD, "https");
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(cookie(ok, "onetrip_staff")).contains("Secure", "HttpOnly", "SameSite=Strict");
        }
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir.resolve("direct"))) {
            StaffFixture.accounts(bo);
            HttpResponse<String> ok = signIn(bo, "li", StaffFixture.PASSWORD, "https");
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(cookie(ok, "onetrip_staff")).doesNotContain("Secure");
        }
    }

    @Test
    void theSignInFormNeedsItsOwnToken() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            StaffFixture.accounts(bo);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=abc&staff_id=li&password=" + StaffFixture.PASSWORD)));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(cookie(r, "onetrip_staff")).isNull();
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndADisabledAccountLosesItsSessions() {
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir)) {
            StaffStore staff = StaffFixture.accounts(bo);
            String session = cookie(signIn(bo, "chen", StaffFixture.PASSWORD), "onetrip_staff");
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = signIn(bo, "li", "wrong password " + i);
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.body()).contains(Text.ZH.get("signin.wrong"));
            }
            HttpResponse<String> locked = signIn(bo, "li", StaffFixture.PASSWORD);
            assertThat(locked.statusCode()).isEqualTo(401);
            assertThat(locked.body()).contains(Text.ZH.get("signin.locked"));
            assertThat(cookie(locked, "onetrip_staff")).isNull();
            // An unknown account gets the same words as a wrong password.
            assertThat(signIn(bo, "nobody", "whatever 123").body()).contains(Text.ZH.get("signin.wrong"));

            assertThat(queue(bo, session).statusCode()).isEqualTo(200);
            assertThat(staff.setDisabled("chen", true)).isTrue();
            assertThat(queue(bo, session).statusCode()).isEqualTo(303);
            assertThat(signIn(bo, "chen", StaffFixture.PASSWORD).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void accountsAreMadeDisabledAndTheirSessionsRevokedFromTheCommandLine() throws Exception {
        Path data = dir.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int added;
        try {
            added = BackOfficeCommand.run("add-account", "wu", "吴窗口", "--role", "window", "--windows", "livelihood,economy",
                    "--data", data.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(added).isZero();
        String password = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(password).hasSize(16);
        assertThat(BackOfficeCommand.run("add-account", "x", "X", "--role", "window", "--data", data.toString())).isEqualTo(2);
        assertThat(BackOfficeCommand.run("add-account", "x", "X", "--role", "boss", "--data", data.toString())).isEqualTo(2);
        try (Database db = Database.sqlite(data.resolve("backoffice.db"))) {
            StaffStore s = new StaffStore(db, Clock.systemUTC());
            StaffStore.Account a = s.account("wu").orElseThrow();
            assertThat(a.role()).isEqualTo("window");
            assertThat(a.windows()).containsExactly("livelihood", "economy");
            assertThat(org.onetrip.backoffice.staff.Passwords.verify(password, a.passwordHash())).isTrue();
            s.createSession("wu", Duration.ofHours(1));
            s.createSession("wu", Duration.ofHours(1));
        }
        assertThat(BackOfficeCommand.run("revoke-sessions", "wu", "--data", data.toString())).isZero();
        try (Database db = Database.sqlite(data.resolve("backoffice.db"))) {
            Integer sessions = db.read("count", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM staff_sessions")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(sessions).isZero();
            new StaffStore(db, Clock.systemUTC()).createSession("wu", Duration.ofHours(1));
        }
        assertThat(BackOfficeCommand.run("disable-account", "wu", "--data", data.toString())).isZero();
        assertThat(BackOfficeCommand.run("disable-account", "nobody", "--data", data.toString())).isEqualTo(1);
        try (Database db = Database.sqlite(data.resolve("backoffice.db"))) {
            StaffStore s = new StaffStore(db, Clock.systemUTC());
            assertThat(s.account("wu").orElseThrow().disabled()).isTrue();
            assertThat(s.revokeSessions("wu")).isZero();
        }
    }

    /** A wrong sign-in from {@code client} (as a trusted proxy names it in X-Forwarded-For). */
    private HttpResponse<String> signInFrom(TestBackOffice bo, String client, String id, String password) {
        String base = "http://127.0.0.1:" + bo.port();
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/staff/signin"))
                .header("X-Forwarded-For", client).header("Accept-Language", "zh-CN"));
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        return send(HttpRequest.newBuilder(URI.create(base + "/staff/signin"))
                .header("Cookie", cookie(form, "onetrip_signin").split(";")[0]).header("X-Forwarded-For", client)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&staff_id=" + id + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    @Test
    void wrongSignInsFromOneAddressAreAnswered429WithRetryAfterEvenWithTheRightPassword() {
        BackOfficeServer.Settings behindProxy = BackOfficeServer.Settings.loopback(0).withTrustedProxies(Set.of("127.0.0.1"));
        try (TestBackOffice bo = new TestBackOffice("sqlite", dir, behindProxy, null)) {
            StaffFixture.accounts(bo);
            // Ten wrong sign-ins, each for another unknown id: no account's own lockout is reached.
            for (int i = 0; i < 10; i++) {
                assertThat(signInFrom(bo, "203.0.113.7", "nobody" + i, "wrong password").statusCode()).as("try " + i)
                        .isEqualTo(401);
            }
            HttpResponse<String> limited = signInFrom(bo, "203.0.113.7", "li", StaffFixture.PASSWORD);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                    assertThat(Long.parseLong(v)).isBetween(1L, 15 * 60L));
            assertThat(limited.body()).contains(Text.ZH.get("signin.too-many"));
            assertThat(cookie(limited, "onetrip_staff")).isNull();
            // Per address: another client signs in as usual, and li's account is not locked.
            HttpResponse<String> other = signInFrom(bo, "203.0.113.8", "li", StaffFixture.PASSWORD);
            assertThat(other.statusCode()).isEqualTo(303);
            assertThat(cookie(other, "onetrip_staff")).isNotNull();
        }
    }

    private HttpResponse<String> fleet(TestBackOffice bo, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bo.port() + "/staff/v1/kiosks"))
                .header("Authorization", "Bearer " + token));
    }

    @Test
    void theCommandLineEndsARunningServersSessionsAndStopsADisabledAccountsTokenAtOnce() {
        Path data = dir.resolve("data");
        try (TestBackOffice bo = new TestBackOffice(Database.sqlite(data.resolve("backoffice.db")),
                BackOfficeServer.Settings.loopback(0), null)) {
            StaffFixture.accounts(bo);
            String token = bo.store.issueStaffToken("zhang", "张主任");
            String session = cookie(signIn(bo, "zhang", StaffFixture.PASSWORD), "onetrip_staff");
            assertThat(queue(bo, session).statusCode()).isEqualTo(200);
            assertThat(fleet(bo, token).statusCode()).isEqualTo(200);

            // revoke-sessions (a lost phone): the session ends now; the account signs in again.
            assertThat(BackOfficeCommand.run("revoke-sessions", "zhang", "--data", data.toString())).isZero();
            assertThat(queue(bo, session).statusCode()).isEqualTo(303);
            assertThat(fleet(bo, token).statusCode()).as("sessions only; the API token is disable-account's").isEqualTo(200);
            String again = cookie(signIn(bo, "zhang", StaffFixture.PASSWORD), "onetrip_staff");
            assertThat(queue(bo, again).statusCode()).isEqualTo(200);

            // disable-account: the token answers 401 on the very next call, the new session is gone too.
            assertThat(BackOfficeCommand.run("disable-account", "zhang", "--data", data.toString())).isZero();
            assertThat(fleet(bo, token).statusCode()).isEqualTo(401);
            assertThat(queue(bo, again).statusCode()).isEqualTo(303);
            assertThat(signIn(bo, "zhang", StaffFixture.PASSWORD).statusCode()).isEqualTo(401);
            // Enabled again, it signs in with its password; the revoked token stays revoked (add-staff makes a new one).
            assertThat(BackOfficeCommand.run("enable-account", "zhang", "--data", data.toString())).isZero();
            assertThat(fleet(bo, token).statusCode()).isEqualTo(401);
            assertThat(signIn(bo, "zhang", StaffFixture.PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void bothLanguagesHaveTheSameWords() {
        assertThat(Text.EN.all().keySet()).isEqualTo(Text.ZH.all().keySet());
        assertThat(Set.copyOf(List.of(Text.ZH.get("status.completed"), Text.EN.get("status.completed"))))
                .containsExactlyInAnyOrder("已办结", "Completed");
    }
}
