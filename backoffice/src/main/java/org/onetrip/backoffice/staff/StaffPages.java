package org.onetrip.backoffice.staff;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onetrip.backoffice.security.ClientAddress;
import org.onetrip.backoffice.security.RateLimiter;
import org.onetrip.backoffice.staff.StaffViews.Actions;
import org.onetrip.backoffice.staff.StaffViews.Audit;
import org.onetrip.backoffice.staff.StaffViews.Chrome;
import org.onetrip.backoffice.staff.StaffViews.Field;
import org.onetrip.backoffice.staff.StaffViews.Option;
import org.onetrip.backoffice.staff.StaffViews.QueueView;
import org.onetrip.backoffice.staff.StaffViews.RequestView;
import org.onetrip.backoffice.staff.StaffViews.Step;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.Account;
import org.onetrip.backoffice.store.StaffStore.QueuePage;
import org.onetrip.backoffice.store.StaffStore.QueueQuery;
import org.onetrip.backoffice.store.StaffStore.RequestRecord;
import org.onetrip.backoffice.store.StaffStore.Session;
import org.onetrip.backoffice.web.Pages;
import org.onetrip.backoffice.web.Text;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.AttributeValue;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.privacy.Masking;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.sync.Open311Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff workspace under {@code /staff/}: sign-in, the work queue, a request's page with its
 * actions, and (in {@link StaffBoards}) the dashboard and the fleet. Server-rendered, no script.
 *
 * <p>Sessions live in the database ({@link StaffStore}), named by an HttpOnly, SameSite=Strict
 * cookie (Secure when the request came over TLS, ours or a trusted proxy's). Every form carries the session's CSRF token and
 * a POST without it is refused; the sign-in form, before any session, carries a token that must
 * match a cookie of its own (double submit). Five wrong passwords in a row lock an account for 15
 * minutes; wrong passwords from one address are also rate-limited (429, Retry-After).
 */
public final class StaffPages {
    private static final Logger log = LoggerFactory.getLogger(StaffPages.class);
    static final String SESSION_COOKIE = "onetrip_staff";
    static final String SIGNIN_COOKIE = "onetrip_signin";
    static final String LANG_COOKIE = "onetrip_lang";
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int PAGE_SIZE = 50;
    private static final int MAX_NOTES = 1000;

    /** Thrown to send the browser elsewhere (a page that needs a session, after a POST). */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(null, null, false, false);
            this.location = location;
        }
    }

    /** Thrown to answer with a calm error page: the status and the words' key. */
    static final class Refused extends RuntimeException {
        final int status;
        final String key;

        Refused(int status, String key) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
        }
    }

    private final BackOfficeStore store;
    private final StaffStore staff;
    private final ServiceCatalog catalog;
    private final Access access;
    private final Responses responses = new Responses();
    private final Pages pages;
    private final ZoneId zone;
    private final DateTimeFormatter minutes;
    private final RateLimiter signInFailures;
    private final ClientAddress clients;
    private final StaffBoards boards;

    public StaffPages(BackOfficeStore store, StaffStore staff, ServiceCatalog catalog, Pages pages, ZoneId zone,
            RateLimiter signInFailures, ClientAddress clients) {
        this.store = store;
        this.staff = staff;
        this.catalog = catalog;
        this.access = new Access(catalog);
        this.pages = pages;
        this.zone = zone;
        this.minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(zone);
        this.signInFailures = signInFailures;
        this.clients = clients;
        this.boards = new StaffBoards(this, staff, catalog, zone);
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/staff", ctx -> ctx.redirect("/staff/queue"));
        config.routes.get("/staff/", ctx -> ctx.redirect("/staff/queue"));
        config.routes.get("/staff/signin", this::signInPage);
        config.routes.post("/staff/signin", this::signIn);
        config.routes.post("/staff/signout", this::signOut);
        config.routes.get("/staff/queue", this::queue);
        config.routes.get("/staff/queue.csv", this::queueCsv);
        config.routes.get("/staff/requests/{ref}", this::request);
        config.routes.post("/staff/requests/{ref}", this::act);
        config.routes.get("/staff/dashboard", boards::dashboard);
        config.routes.get("/staff/dashboard.csv", boards::dashboardCsv);
        config.routes.get("/staff/fleet", boards::fleet);
        config.routes.get("/staff/fleet.csv", boards::fleetCsv);
        config.routes.get("/staff/accounts", this::accounts);
        config.routes.post("/staff/accounts/{id}", this::account);
        config.routes.exception(Redirect.class, (e, ctx) -> {
            Pages.headers(ctx);
            ctx.redirect(e.location, io.javalin.http.HttpStatus.SEE_OTHER);
        });
        config.routes.exception(Refused.class, (e, ctx) -> {
            Text t = text(ctx);
            pages.render(ctx, e.status, "staff/refused.jte", Map.of("c", chrome(ctx, t, null, ""), "message", t.get(e.key)));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Sign-in

    private void signInPage(Context ctx) {
        Text t = text(ctx);
        String token = BackOfficeStore.secret();
        ctx.cookie(cookie(ctx, SIGNIN_COOKIE, token, -1));
        pages.render(ctx, 200, "staff/signin.jte", Map.of("c", chrome(ctx, t, null, ""), "csrf", token,
                "next", safeNext(ctx.queryParam("next")), "error", ""));
    }

    private void signIn(Context ctx) {
        Text t = text(ctx);
        String formToken = ctx.formParam("_csrf");
        String cookieToken = ctx.cookie(SIGNIN_COOKIE);
        if (!same(formToken, cookieToken)) {
            throw new Refused(403, "error.csrf");
        }
        String client = clients.of(ctx);
        Optional<Duration> wait = signInFailures.blocked(client);
        if (wait.isPresent()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            throw new Refused(429, "signin.too-many");
        }
        String id = ctx.formParam("staff_id") == null ? "" : ctx.formParam("staff_id").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        Optional<Account> account = id.length() > 64 ? Optional.empty() : staff.account(id);
        Instant now = staff.clock().instant();
        String error = null;
        if (account.isEmpty()) {
            Passwords.verify(password, Passwords.DUMMY); // the same time as a real check
            error = "signin.wrong";
        } else if (account.get().disabled()) {
            Passwords.verify(password, Passwords.DUMMY);
            error = "signin.wrong";
        } else if (account.get().lockedUntil() != null && now.isBefore(account.get().lockedUntil())) {
            error = "signin.locked";
        } else if (!Passwords.verify(password, account.get().passwordHash())) {
            staff.signInFailed(id, MAX_FAILURES, LOCKOUT);
            error = "signin.wrong";
        }
        if (error != null) {
            signInFailures.failure(client);
            log.info("staff sign-in refused for an account ({})", error.equals("signin.locked") ? "locked" : "wrong id or password");
            String token = BackOfficeStore.secret();
            ctx.cookie(cookie(ctx, SIGNIN_COOKIE, token, -1));
            pages.render(ctx, 401, "staff/signin.jte", Map.of("c", chrome(ctx, t, null, ""), "csrf", token,
                    "next", safeNext(ctx.formParam("next")), "error", t.get(error)));
            return;
        }
        staff.signInSucceeded(id);
        StaffStore.NewSession s = staff.createSession(id, SESSION_LIFETIME);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, s.sessionId(), (int) SESSION_LIFETIME.toSeconds()));
        ctx.removeCookie(SIGNIN_COOKIE, "/staff");
        log.info("staff {} signed in", id);
        throw new Redirect(safeNext(ctx.formParam("next")));
    }

    private void signOut(Context ctx) {
        Session s = session(ctx);
        checkCsrf(ctx, s);
        staff.endSession(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0));
        log.info("staff {} signed out", s.account().staffId());
        throw new Redirect("/staff/signin");
    }

    /** Only our own pages after sign-in: a path under /staff/, never another site. */
    private static String safeNext(String next) {
        if (next != null && next.startsWith("/staff/") && !next.startsWith("//") && next.length() < 500
                && next.chars().noneMatch(c -> c < 0x21 || c == '\\')) {
            return next;
        }
        return "/staff/queue";
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/staff", maxAge, clients.secure(ctx), true, null, SameSite.STRICT);
    }

    /** The signed-in session, or a redirect to the sign-in page (GET) / a refusal (POST). */
    Session session(Context ctx) {
        Optional<Session> s = staff.session(ctx.cookie(SESSION_COOKIE), SESSION_IDLE);
        if (s.isEmpty()) {
            if (ctx.method() == io.javalin.http.HandlerType.GET) {
                String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                throw new Redirect("/staff/signin?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
            }
            throw new Refused(403, "error.signed-out");
        }
        return s.get();
    }

    void checkCsrf(Context ctx, Session s) {
        if (!same(ctx.formParam("_csrf"), s.csrfToken())) {
            log.info("staff {}: a form without its CSRF token was refused", s.account().staffId());
            throw new Refused(403, "error.csrf");
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    Text text(Context ctx) {
        String q = ctx.queryParam("lang");
        if ("en".equals(q) || "zh".equals(q)) {
            ctx.cookie(new Cookie(LANG_COOKIE, q, "/", 365 * 24 * 3600, clients.secure(ctx), true, null, SameSite.LAX));
        }
        return Text.forRequest(q, ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    }

    Chrome chrome(Context ctx, Text t, Session s, String nav) {
        String qs = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)lang=[a-z]*", "");
        if (qs.startsWith("&")) {
            qs = qs.substring(1);
        }
        String langHref = ctx.path() + "?" + (qs.isEmpty() ? "" : qs + "&") + "lang=" + t.other();
        if (s == null) {
            return new Chrome(t, null, null, "", nav, false, false, false, langHref);
        }
        Account a = s.account();
        return new Chrome(t, a.name(), t.get("role." + a.role()), s.csrfToken(), nav, access.seesStatistics(a),
                access.seesFleet(a), access.managesAccounts(a), langHref);
    }

    Access access() {
        return access;
    }

    Pages pages() {
        return pages;
    }

    BackOfficeStore store() {
        return store;
    }

    // ---------------------------------------------------------------------------------------------
    // Accounts (admin): who may sign in, disable and enable, end sessions. New accounts and
    // passwords come from the command line, where a first password is shown once.

    private void accounts(Context ctx) {
        Session s = session(ctx);
        if (!access.managesAccounts(s.account())) {
            throw new Refused(403, "error.not-yours");
        }
        Text t = text(ctx);
        Instant now = staff.clock().instant();
        List<StaffViews.AccountRow> rows = new ArrayList<>();
        for (Account a : staff.accounts()) {
            String state = a.disabled() ? t.get("accounts.disabled")
                    : a.lockedUntil() != null && now.isBefore(a.lockedUntil()) ? t.get("accounts.locked") : t.get("accounts.active");
            String windows = a.windows().stream().map(w -> catalog.window(w).map(x -> t.of(x.name())).orElse(w))
                    .collect(Collectors.joining("、"));
            rows.add(new StaffViews.AccountRow(a.staffId(), a.name(), t.get("role." + a.role()), windows, state, a.disabled(),
                    a.staffId().equals(s.account().staffId()), "/staff/accounts/" + URLEncoder.encode(a.staffId(),
                            StandardCharsets.UTF_8)));
        }
        String done = ctx.queryParam("done");
        String message = done != null && done.matches("disable|enable|revoke") ? t.get("accounts.done." + done) : "";
        pages.render(ctx, 200, "staff/accounts.jte", Map.of("c", chrome(ctx, t, s, "accounts"), "rows", rows,
                "message", message));
    }

    private void account(Context ctx) {
        Session s = session(ctx);
        checkCsrf(ctx, s);
        if (!access.managesAccounts(s.account())) {
            throw new Refused(403, "error.not-yours");
        }
        String id = ctx.pathParam("id");
        if (staff.account(id).isEmpty()) {
            throw new Refused(404, "error.no-account");
        }
        String action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
        if (id.equals(s.account().staffId()) && !action.equals("revoke")) {
            throw new Refused(400, "error.own-account");
        }
        switch (action) {
            case "disable" -> staff.setDisabled(id, true);
            case "enable" -> staff.setDisabled(id, false);
            case "revoke" -> staff.revokeSessions(id);
            default -> throw new Refused(400, "error.bad-action");
        }
        log.info("staff {}: {} account {}", s.account().staffId(), action, id);
        throw new Redirect("/staff/accounts?done=" + action);
    }

    // ---------------------------------------------------------------------------------------------
    // The work queue

    /** The filters of a queue page, read from its query string; bad values are ignored, not guessed. */
    record Filters(String window, String service, String status, String kiosk, LocalDate from, LocalDate to, String search,
            boolean overdue, int page) {

        static Filters of(Context ctx) {
            return new Filters(param(ctx, "window"), param(ctx, "service"), param(ctx, "status"), param(ctx, "kiosk"),
                    date(param(ctx, "from")), date(param(ctx, "to")), param(ctx, "q"), "1".equals(ctx.queryParam("overdue")),
                    page(param(ctx, "page")));
        }

        private static String param(Context ctx, String name) {
            String v = ctx.queryParam(name);
            return v == null || v.isBlank() || v.length() > 100 ? null : v.strip();
        }

        private static LocalDate date(String v) {
            try {
                return v == null ? null : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static int page(String v) {
            return v != null && v.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(v)) : 1;
        }

        String query(int pageNo) {
            List<String> p = new ArrayList<>();
            add(p, "window", window);
            add(p, "service", service);
            add(p, "status", status);
            add(p, "kiosk", kiosk);
            add(p, "from", from == null ? null : from.toString());
            add(p, "to", to == null ? null : to.toString());
            add(p, "q", search);
            if (overdue) {
                p.add("overdue=1");
            }
            if (pageNo > 1) {
                p.add("page=" + pageNo);
            }
            return String.join("&", p);
        }

        private static void add(List<String> p, String name, String v) {
            if (v != null) {
                p.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
    }

    static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS,
            RequestStatus.NEEDS_DOCUMENTS);

    QueueQuery queueQuery(Account a, Filters f, int offset, int limit) {
        Set<String> services = access.visibleServices(a);
        if (f.window() != null) {
            Set<String> ofWindow = catalog.servicesOf(f.window()).stream().map(ServiceDefinition::code).collect(Collectors.toSet());
            services = services == null ? ofWindow : intersect(services, ofWindow);
        }
        if (f.service() != null) {
            Set<String> one = catalog.service(f.service()).isPresent() ? Set.of(f.service()) : Set.of();
            services = services == null ? one : intersect(services, one);
        }
        Set<RequestStatus> statuses;
        if (f.status() == null || f.status().equals("open")) {
            statuses = OPEN;
        } else if (f.status().equals("all")) {
            statuses = null;
        } else {
            statuses = EnumSet.noneOf(RequestStatus.class);
            for (RequestStatus s : RequestStatus.values()) {
                if (s != RequestStatus.QUEUED && s.wire().equals(f.status())) {
                    statuses.add(s);
                }
            }
            if (statuses.isEmpty()) {
                statuses = OPEN;
            }
        }
        Map<String, Instant> overdueBefore = null;
        if (f.overdue()) {
            Instant now = staff.clock().instant();
            overdueBefore = new LinkedHashMap<>();
            for (ServiceDefinition s : catalog.services()) {
                if (s.timeLimit() != null && (services == null || services.contains(s.code()))) {
                    overdueBefore.put(s.code(), now.minus(s.timeLimit()));
                }
            }
        }
        Instant from = f.from() == null ? null : f.from().atStartOfDay(zone).toInstant();
        Instant to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone).toInstant();
        return new QueueQuery(services, statuses, f.kiosk(), from, to, f.search(), overdueBefore, offset, limit);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private void queue(Context ctx) {
        Session s = session(ctx);
        Text t = text(ctx);
        Account a = s.account();
        Filters f = Filters.of(ctx);
        QueuePage page = staff.queue(queueQuery(a, f, (f.page() - 1) * PAGE_SIZE, PAGE_SIZE));
        Instant now = staff.clock().instant();
        List<StaffViews.QueueRow> rows = new ArrayList<>();
        for (StaffStore.QueueRow r : page.rows()) {
            Optional<ServiceDefinition> service = catalog.service(r.serviceCode());
            TimeLeft left = timeLeft(t, service.orElse(null), r.detail(), r.requested(), r.updated(), now);
            rows.add(new StaffViews.QueueRow("/staff/requests/" + r.requestKey(), nz(r.ticket()), nz(r.serviceRequestId()),
                    service.map(x -> t.of(x.name())).orElse(r.serviceCode()), windowName(t, service.orElse(null)),
                    t.get("status." + r.detail().wire()), r.detail().wire(), minutes.format(r.requested()), left.text(),
                    left.overdue(), assigned(t, r.assignedTo(), r.department()), Masking.name(r.name()), r.kioskId()));
        }
        int first = page.total() == 0 ? 0 : (f.page() - 1) * PAGE_SIZE + 1;
        int last = (f.page() - 1) * PAGE_SIZE + rows.size();
        String base = "/staff/queue?";
        String total = page.more() ? page.total() + "+" : String.valueOf(page.total());
        QueueView v = new QueueView(rows, total, first, last, windowOptions(t, a, f.window()),
                serviceOptions(t, a, f.service()), statusOptions(t, f.status()), kioskOptions(t, f.kiosk()),
                f.from() == null ? "" : f.from().toString(), f.to() == null ? "" : f.to().toString(), nz(f.search()),
                f.overdue(), f.page() > 1 ? base + f.query(f.page() - 1) : null,
                last < page.total() || page.more() ? base + f.query(f.page() + 1) : null, "/staff/queue.csv?" + f.query(1));
        pages.render(ctx, 200, "staff/queue.jte", Map.of("c", chrome(ctx, t, s, "queue"), "q", v));
    }

    /** The queue's rows as CSV, with the same filters, up to 10,000 rows; names masked. */
    private void queueCsv(Context ctx) {
        Session s = session(ctx);
        Text t = text(ctx);
        Filters f = Filters.of(ctx);
        QueuePage page = staff.queue(queueQuery(s.account(), f, 0, 10_000));
        Instant now = staff.clock().instant();
        Csv csv = new Csv().row(List.of("service_request_id", "ticket", "service_code", t.get("col.service"),
                t.get("col.window"), "status_detail", t.get("col.filed"), t.get("col.updated"), t.get("col.time-left"),
                "overdue", t.get("col.assigned"), t.get("col.name"), "kiosk_id"));
        for (StaffStore.QueueRow r : page.rows()) {
            ServiceDefinition service = catalog.service(r.serviceCode()).orElse(null);
            TimeLeft left = timeLeft(t, service, r.detail(), r.requested(), r.updated(), now);
            csv.row(List.of(nz(r.serviceRequestId()), nz(r.ticket()), r.serviceCode(), service == null ? "" : t.of(service.name()),
                    windowName(t, service), r.detail().wire(), minutes.format(r.requested()), minutes.format(r.updated()),
                    left.text(), left.overdue() ? "1" : "0", assigned(t, r.assignedTo(), r.department()),
                    Masking.name(r.name()), r.kioskId()));
        }
        csv.send(ctx, "queue.csv");
    }

    private List<Option> windowOptions(Text t, Account a, String selected) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", t.get("filter.all-windows"), selected == null));
        Set<String> visible = access.visibleServices(a);
        catalog.windows().forEach(w -> {
            boolean any = visible == null || catalog.servicesOf(w.code()).stream().anyMatch(x -> visible.contains(x.code()));
            if (any) {
                out.add(new Option(w.code(), t.of(w.name()), w.code().equals(selected)));
            }
        });
        return out;
    }

    private List<Option> serviceOptions(Text t, Account a, String selected) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", t.get("filter.all-services"), selected == null));
        catalog.services().stream().filter(x -> access.maySee(a, x.code()))
                .forEach(x -> out.add(new Option(x.code(), t.of(x.name()), x.code().equals(selected))));
        return out;
    }

    private List<Option> statusOptions(Text t, String selected) {
        String sel = selected == null ? "open" : selected;
        List<Option> out = new ArrayList<>();
        for (String s : List.of("open", "all", "received", "in_progress", "needs_documents", "completed", "rejected")) {
            out.add(new Option(s, t.get("status." + s), s.equals(sel)));
        }
        return out;
    }

    private List<Option> kioskOptions(Text t, String selected) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", t.get("filter.all-kiosks"), selected == null));
        staff.kioskIds().forEach(k -> out.add(new Option(k, k, k.equals(selected))));
        return out;
    }

    record TimeLeft(String text, boolean overdue) {
    }

    TimeLeft timeLeft(Text t, ServiceDefinition service, RequestStatus detail, Instant requested, Instant updated, Instant now) {
        if (detail.isFinal()) {
            return new TimeLeft(t.f("time.took", span(t, Duration.between(requested, updated))), false);
        }
        if (service == null || service.timeLimit() == null) {
            return new TimeLeft("", false);
        }
        Duration left = Duration.between(now, requested.plus(service.timeLimit()));
        if (left.isNegative()) {
            return new TimeLeft(t.f("time.overdue", span(t, left.negated())), true);
        }
        return new TimeLeft(t.f("time.left", span(t, left)), false);
    }

    static String span(Text t, Duration d) {
        long m = Math.max(0, d.toMinutes());
        long days = m / (24 * 60);
        long hours = (m / 60) % 24;
        long mins = m % 60;
        if (days > 0) {
            return hours == 0 ? t.f("span.d", days) : t.f("span.dh", days, hours);
        }
        if (hours > 0) {
            return t.f("span.hm", hours, mins);
        }
        return t.f("span.m", mins);
    }

    String windowName(Text t, ServiceDefinition s) {
        return s == null ? "" : catalog.window(s.windowCode()).map(w -> t.of(w.name())).orElse(s.windowCode());
    }

    private String assigned(Text t, String assignee, String department) {
        List<String> parts = new ArrayList<>();
        if (assignee != null) {
            parts.add(staff.account(assignee).map(Account::name).orElse(assignee));
        }
        if (department != null) {
            Responses.Department d = responses.department(department);
            parts.add(d == null ? department : t.of(d.name()));
        }
        return String.join(" · ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------------------------------------
    // A request

    /** The request, if this account may see it; otherwise the same answer as for no request at all. */
    private RequestRecord visibleRequest(Context ctx, Account a) {
        RequestRecord r = staff.request(ctx.pathParam("ref")).orElseThrow(() -> new Refused(404, "error.no-request"));
        if (!access.maySee(a, r.serviceCode())) {
            log.info("staff {} was refused request {} (not their window)", a.staffId(), r.serviceRequestId());
            throw new Refused(404, "error.no-request");
        }
        return r;
    }

    private void request(Context ctx) {
        Session s = session(ctx);
        Text t = text(ctx);
        RequestRecord r = visibleRequest(ctx, s.account());
        String message = ctx.queryParam("done") == null ? "" : t.get("done." + ctx.queryParam("done").replaceAll("[^a-z_]", ""));
        renderRequest(ctx, t, s, r, 200, message, "");
    }

    private void renderRequest(Context ctx, Text t, Session s, RequestRecord r, int status, String message, String error) {
        Account a = s.account();
        boolean handles = access.mayHandle(a, r.serviceCode());
        Optional<ServiceDefinition> service = catalog.service(r.serviceCode());
        List<Field> fields = fields(t, r, service.orElse(null), handles);
        if (handles && fields.stream().anyMatch(Field::personal)) {
            staff.audit(a.staffId(), r.requestKey(), "view");
        }
        Instant now = staff.clock().instant();
        TimeLeft left = timeLeft(t, service.orElse(null), r.detail(), r.requested(), r.updated(), now);
        List<Step> history = store.history(r.requestKey()).stream().map(h -> new Step(minutes.format(h.at()),
                t.get("status." + h.detail().wire()), h.detail().wire(), nz(h.notes()),
                h.changedBy().equals(BackOfficeStore.SYSTEM) ? t.get("history.kiosk")
                        : staff.account(h.changedBy()).map(Account::name).orElse(h.changedBy()))).toList();
        List<Audit> audit = Access.role(a) == Role.SUPERVISOR || Access.role(a) == Role.ADMIN
                ? staff.auditOf(r.requestKey()).stream().map(e -> new Audit(minutes.format(e.at()),
                        staff.account(e.staffId()).map(Account::name).orElse(e.staffId()),
                        t.has("audit." + e.what()) ? t.get("audit." + e.what()) : e.what())).toList()
                : List.of();
        Actions actions = actions(t, a, r, service.orElse(null), handles);
        String rating = staff.rating(r.requestKey()).map(g -> t.get("rating." + g.rating())
                + (g.reason() == null ? "" : " — " + g.reason())).orElse("");
        RequestView v = new RequestView(r.requestKey(), "/staff/requests/" + r.requestKey(),
                service.map(x -> t.of(x.name())).orElse(r.serviceName()), nz(r.ticket()), nz(r.serviceRequestId()),
                service.map(x -> t.of(x.name())).orElse(r.serviceName()), windowName(t, service.orElse(null)), r.kioskId(),
                t.get("status." + r.detail().wire()), r.detail().wire(), minutes.format(r.requested()), left.text(),
                left.overdue(), assigned(t, r.assignedTo(), r.department()), nz(r.notes()), fields, handles, history, audit,
                actions, rating, message, error);
        pages.render(ctx, status, "staff/request.jte", Map.of("c", chrome(ctx, t, s, "queue"), "r", v));
    }

    /** Every field of the request in the catalogue's order, then the kiosk's; personal ones only for a handler. */
    private List<Field> fields(Text t, RequestRecord r, ServiceDefinition service, boolean handles) {
        List<Field> out = new ArrayList<>();
        Map<String, String> attrs = new LinkedHashMap<>(r.attributes());
        attrs.putAll(r.personalAttributes());
        String hidden = t.get("field.hidden");
        if (service != null) {
            for (Attribute a : service.attributes()) {
                String v = attrs.remove(a.code());
                if (v == null) {
                    continue;
                }
                String shown = valueName(t, a, v);
                boolean personal = a.personal() || r.personalAttributes().containsKey(a.code());
                out.add(new Field(t.of(a.description()), handles || !personal ? shown : hidden, personal));
            }
        }
        String residentName = attrs.remove("resident_name");
        String name = residentName != null ? residentName : r.lastName();
        if (name != null) {
            out.add(new Field(t.get("field.name"), handles ? name : Masking.name(name), true));
        }
        for (String who : List.of("resident_", "agent_")) {
            String id = attrs.remove(who + "id_number");
            if (id != null) {
                out.add(new Field(t.get("field." + who + "id_number"), handles ? id : Masking.idNumber(id), true));
            }
            String agentName = who.equals("agent_") ? attrs.remove("agent_name") : null;
            if (agentName != null) {
                out.add(new Field(t.get("field.agent_name"), handles ? agentName : Masking.name(agentName), true));
            }
            String address = attrs.remove(who + "address");
            if (address != null) {
                out.add(new Field(t.get("field." + who + "address"), handles ? address : hidden, true));
            }
        }
        if (r.phone() != null && !r.attributes().containsKey("phone")) {
            out.add(new Field(t.get("field.phone"), handles ? r.phone() : Masking.phone(r.phone()), true));
        }
        if (r.email() != null) {
            out.add(new Field(t.get("field.email"), handles ? r.email() : hidden, true));
        }
        if (r.addressString() != null) {
            out.add(new Field(t.get("field.address_string"), handles ? r.addressString() : hidden, true));
        }
        if (r.description() != null) {
            out.add(new Field(t.get("field.description"), handles ? r.description() : hidden, true));
        }
        attrs.remove(Open311Form.RECEIPT_TOKEN);
        attrs.remove(Open311Form.TICKET);
        String filedAt = attrs.remove(Open311Form.KIOSK_FILED_AT);
        if (filedAt != null) {
            try {
                out.add(new Field(t.get("field.kiosk_filed_at"), minutes.format(Instant.parse(filedAt)), false));
            } catch (DateTimeParseException e) {
                out.add(new Field(t.get("field.kiosk_filed_at"), filedAt, false));
            }
        }
        // The rest of the card (sex, birth date, ethnicity, validity…): personal, shown to a handler only.
        attrs.forEach((k, v) -> out.add(new Field(t.has("field." + k) ? t.get("field." + k) : k, handles ? v : hidden, true)));
        return out;
    }

    private static String valueName(Text t, Attribute a, String v) {
        if (a.values().isEmpty()) {
            return v;
        }
        List<String> names = new ArrayList<>();
        for (String key : v.split(",")) {
            AttributeValue av = a.value(key.strip());
            names.add(av == null ? key : t.of(av.name()));
        }
        return String.join("、", names);
    }

    private Actions actions(Text t, Account a, RequestRecord r, ServiceDefinition service, boolean handles) {
        RequestStatus d = r.detail();
        List<Option> docs = new ArrayList<>();
        List<Option> complete = new ArrayList<>();
        List<Option> reject = new ArrayList<>();
        if (service != null) {
            for (int i = 0; i < service.documents().size(); i++) {
                docs.add(new Option(String.valueOf(i), t.of(service.documents().get(i)), false));
            }
        }
        List<LocalizedText> ct = responses.templates(r.serviceCode(), "complete");
        for (int i = 0; i < ct.size(); i++) {
            complete.add(new Option(String.valueOf(i), t.of(ct.get(i)), false));
        }
        List<LocalizedText> rt = responses.templates(r.serviceCode(), "reject");
        for (int i = 0; i < rt.size(); i++) {
            reject.add(new Option(String.valueOf(i), t.of(rt.get(i)), false));
        }
        List<Option> colleagues = new ArrayList<>();
        colleagues.add(new Option("", t.get("assign.nobody"), r.assignedTo() == null));
        for (Account other : staff.accounts()) {
            if (!other.disabled() && access.mayHandle(other, r.serviceCode())) {
                colleagues.add(new Option(other.staffId(), other.name() + " (" + t.get("role." + other.role()) + ")",
                        other.staffId().equals(r.assignedTo())));
            }
        }
        List<Option> departments = new ArrayList<>();
        departments.add(new Option("", t.get("assign.no-department"), r.department() == null));
        responses.departments().forEach(dep -> departments.add(new Option(dep.code(), t.of(dep.name()),
                dep.code().equals(r.department()))));
        return new Actions(handles && Workflow.ACCEPT.allowedFrom(d), handles && Workflow.ASK_DOCUMENTS.allowedFrom(d),
                handles && Workflow.COMPLETE.allowedFrom(d), handles && Workflow.REJECT.allowedFrom(d),
                handles && Workflow.ASSIGN.allowedFrom(d), docs, complete, reject, colleagues, departments);
    }

    /** {@code POST /staff/requests/{ref}}: one action of the state machine, by a role that handles the request. */
    private void act(Context ctx) {
        Session s = session(ctx);
        checkCsrf(ctx, s);
        Text t = text(ctx);
        Account a = s.account();
        RequestRecord r = visibleRequest(ctx, a);
        if (!access.mayHandle(a, r.serviceCode())) {
            throw new Refused(403, "error.not-yours");
        }
        Workflow step = Workflow.ofWire(ctx.formParam("action"));
        if (step == null) {
            throw new Refused(400, "error.bad-action");
        }
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTES || note.chars().anyMatch(c -> Character.isISOControl(c)
                && c != '\n' && c != '\r')) {
            renderRequest(ctx, t, s, r, 400, "", t.get("error.note"));
            return;
        }
        note = note.replace("\r\n", "\n").replace('\r', '\n');
        ServiceDefinition service = catalog.service(r.serviceCode()).orElse(null);
        String notes;
        try {
            switch (step) {
                case ACCEPT -> notes = note.isEmpty() ? null : note;
                case ASK_DOCUMENTS -> {
                    List<String> zh = new ArrayList<>();
                    List<String> en = new ArrayList<>();
                    for (String i : ctx.formParams("document")) {
                        if (service != null && i.matches("\\d{1,2}") && Integer.parseInt(i) < service.documents().size()) {
                            LocalizedText d = service.documents().get(Integer.parseInt(i));
                            zh.add(d.zh());
                            en.add(d.en());
                        }
                    }
                    if (zh.isEmpty() && note.isEmpty()) {
                        renderRequest(ctx, t, s, r, 400, "", t.get("error.pick-documents"));
                        return;
                    }
                    notes = lines(zh.isEmpty() ? "" : inBothLanguages(Text.ZH.f("notes.bring", String.join("、", zh)),
                            Text.EN.f("notes.bring", String.join(", ", en))), note);
                }
                case COMPLETE -> notes = withTemplate(r.serviceCode(), "complete", ctx.formParam("template"), note);
                case REJECT -> {
                    notes = withTemplate(r.serviceCode(), "reject", ctx.formParam("template"), note);
                    if (notes == null) {
                        renderRequest(ctx, t, s, r, 400, "", t.get("error.reason"));
                        return;
                    }
                }
                case ASSIGN -> {
                    String to = ctx.formParam("assignee");
                    String dep = ctx.formParam("department");
                    to = to == null || to.isEmpty() ? null : to;
                    dep = dep == null || dep.isEmpty() ? null : dep;
                    if (to != null) {
                        Optional<Account> other = staff.account(to);
                        if (other.isEmpty() || other.get().disabled() || !access.mayHandle(other.get(), r.serviceCode())) {
                            renderRequest(ctx, t, s, r, 400, "", t.get("error.assignee"));
                            return;
                        }
                    }
                    if (dep != null && responses.department(dep) == null) {
                        renderRequest(ctx, t, s, r, 400, "", t.get("error.department"));
                        return;
                    }
                    String name = to == null ? null : staff.account(to).map(Account::name).orElse(to);
                    LocalizedText department = dep == null ? null : responses.department(dep).name();
                    String what = inBothLanguages(assigned(Text.ZH, name, department), assigned(Text.EN, name, department));
                    staff.assign(r.requestKey(), to, dep, lines(what, note), a.staffId());
                    log.info("staff {} assigned request {}", a.staffId(), r.serviceRequestId());
                    throw new Redirect("/staff/requests/" + r.requestKey() + "?done=assign");
                }
                default -> throw new Refused(400, "error.bad-action");
            }
            staff.step(r.requestKey(), step.from(), step.to(), notes, a.staffId());
        } catch (StaffStore.StepRefused e) {
            RequestRecord now = staff.request(r.requestKey()).orElse(r);
            renderRequest(ctx, t, s, now, 409, "", t.get("error.step"));
            return;
        }
        log.info("staff {} took step {} on request {}", a.staffId(), step.wire(), r.serviceRequestId());
        throw new Redirect("/staff/requests/" + r.requestKey() + "?done=" + step.wire());
    }

    /** A picked response template (for the resident, see {@link #inBothLanguages}), then the staff's own note; null when both are empty. */
    private String withTemplate(String serviceCode, String kind, String template, String note) {
        String text = "";
        List<LocalizedText> list = responses.templates(serviceCode, kind);
        if (template != null && template.matches("\\d{1,2}") && Integer.parseInt(template) < list.size()) {
            LocalizedText picked = list.get(Integer.parseInt(template));
            text = inBothLanguages(picked.zh(), picked.en());
        }
        String all = lines(text, note);
        return all.isEmpty() ? null : all;
    }

    /**
     * A text the kiosk writes for whoever reads it next, in Chinese, then in English on a line of its
     * own (one line when they are the same or English is missing): what staff pick for the resident
     * (documents, a response template), as the kiosk and the phone page show it, since a request does
     * not say its resident's language (the kiosk sends none); and the history's lines, which staff
     * read in either language. A staff member's own note follows as typed.
     */
    static String inBothLanguages(String zh, String en) {
        return en == null || en.isBlank() || en.equals(zh) ? zh : zh + "\n" + en;
    }

    /** An assignment as the history says it in {@code t}'s language: to whom, to which department. */
    static String assigned(Text t, String colleague, LocalizedText department) {
        String who = colleague == null ? t.get("history.assign") : t.f("history.assign.to", colleague);
        return department == null ? who : who + t.f("history.assign.department", t.of(department));
    }

    private static String lines(String a, String b) {
        return (a + (a.isEmpty() || b.isEmpty() ? "" : "\n") + b).strip();
    }
}
