package org.onetrip.backoffice.phone;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onetrip.backoffice.security.ClientAddress;
import org.onetrip.backoffice.security.RateLimiter;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.HistoryStep;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.RequestRecord;
import org.onetrip.backoffice.web.Pages;
import org.onetrip.backoffice.web.Text;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.privacy.Masking;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * The page a resident's phone opens from the receipt's QR code ({@code status.url-base} + the
 * receipt token, {@code /status/{token}}): ticket, service, window, status with its timeline, what
 * to bring, the next step and the masked name, in Chinese or English, without JavaScript. After
 * completion the resident may rate the handling once.
 *
 * <p>The token is the kiosk's signed receipt token; the back office cannot check the signature (the
 * secret stays on the kiosk) and so finds the request by the whole token, which the kiosk sent with
 * the request ({@code attribute[receipt_token]}). A token of the wrong shape and a token nobody
 * filed get the same calm answer, and every hit counts against the client address's rate limit
 * (429 with Retry-After). Nothing here is logged with the token. Staff-internal notes
 * (assignments) never show: only status changes and the status notes meant for the resident.
 */
public final class PhonePage {
    public record Step(String at, String status, String statusClass) {
    }

    public record View(Text t, String langHref, String action, String ticket, String service, String window, String status,
            String statusClass, String notes, List<Step> timeline, List<String> bring, String next, String name,
            boolean canRate, String rated, boolean thanks, boolean documentsAsked, boolean nothingToBring) {
    }

    static final List<String> RATINGS = List.of("satisfied", "fair", "unsatisfied");
    private static final int MAX_REASON = 200;

    private final BackOfficeStore store;
    private final StaffStore staff;
    private final ServiceCatalog catalog;
    private final Pages pages;
    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final DateTimeFormatter minutes;

    public PhonePage(BackOfficeStore store, StaffStore staff, ServiceCatalog catalog, Pages pages, ZoneId zone,
            RateLimiter limiter, ClientAddress clients) {
        this.store = store;
        this.staff = staff;
        this.catalog = catalog;
        this.pages = pages;
        this.limiter = limiter;
        this.clients = clients;
        this.minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(zone);
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/status/{token}", this::show);
        config.routes.post("/status/{token}", this::rate);
    }

    private Text text(Context ctx) {
        return Text.forRequest(ctx.queryParam("lang"), null, ctx.header("Accept-Language"));
    }

    /** Counts the hit; false (and a 429 page sent) when this address asked too often. */
    private boolean allowed(Context ctx, Text t) {
        RateLimiter.Decision d = limiter.tryAcquire(clients.of(ctx));
        if (!d.allowed()) {
            ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
            pages.render(ctx, 429, "phone/calm.jte", Map.of("t", t, "title", t.get("phone.busy-title"),
                    "message", t.get("phone.busy")));
            return false;
        }
        return true;
    }

    private Optional<RequestRecord> find(String token) {
        if (token == null || token.length() != ReceiptTokens.LENGTH || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return staff.byReceiptToken(token);
    }

    private void notFound(Context ctx, Text t) {
        pages.render(ctx, 404, "phone/calm.jte", Map.of("t", t, "title", t.get("phone.unknown-title"),
                "message", t.get("phone.unknown")));
    }

    private void show(Context ctx) {
        Text t = text(ctx);
        if (!allowed(ctx, t)) {
            return;
        }
        Optional<RequestRecord> r = find(ctx.pathParam("token"));
        if (r.isEmpty()) {
            notFound(ctx, t);
            return;
        }
        pages.render(ctx, 200, "phone/status.jte", Map.of("v", view(ctx, t, r.get(), "1".equals(ctx.queryParam("rated")))));
    }

    private View view(Context ctx, Text t, RequestRecord r, boolean thanks) {
        Optional<ServiceDefinition> s = catalog.service(r.serviceCode());
        List<Step> timeline = new ArrayList<>();
        RequestStatus previous = null;
        for (HistoryStep h : store.history(r.requestKey())) {
            if (h.detail() != previous) {
                timeline.add(new Step(minutes.format(h.at()), t.get("status." + h.detail().wire()), h.detail().wire()));
                previous = h.detail();
            }
        }
        // What to bring follows the state, as on the kiosk's status screen: only while staff ask for
        // documents, their note first and the service's usual list after it, as such. Waiting or in
        // progress there is nothing to bring (the list read "come now with these"); done, nothing.
        boolean asked = org.onetrip.kiosk.status.StatusReport.documentsAsked(r.detail());
        List<String> bring = new ArrayList<>();
        if (asked) {
            s.ifPresent(x -> x.documents().forEach(d -> bring.add(t.of(d))));
        }
        String window = s.flatMap(x -> catalog.window(x.windowCode())).map(w -> t.of(w.name())).orElse("");
        String next = switch (r.detail()) {
            case RECEIVED, QUEUED -> t.get("phone.next.received");
            case IN_PROGRESS -> t.get("phone.next.in_progress");
            case NEEDS_DOCUMENTS -> t.f("phone.next.needs_documents", window);
            case COMPLETED -> t.get("phone.next.completed");
            case REJECTED -> t.get("phone.next.rejected");
        };
        String name = r.personalAttributes().getOrDefault("resident_name", r.lastName());
        Optional<StaffStore.Rating> rating = staff.rating(r.requestKey());
        String token = ctx.pathParam("token");
        String langHref = "/status/" + token + "?lang=" + t.other();
        return new View(t, langHref, "/status/" + token + "?lang=" + t.lang(), r.ticket() == null ? "" : r.ticket(),
                s.map(x -> t.of(x.name())).orElse(r.serviceName()), window, t.get("status." + r.detail().wire()),
                r.detail().wire(), r.notes() == null ? "" : r.notes(), timeline, bring, next,
                name == null ? "" : Masking.name(name), r.detail() == RequestStatus.COMPLETED && rating.isEmpty(),
                rating.map(g -> t.get("rating." + g.rating())).orElse(""), thanks, asked,
                org.onetrip.kiosk.status.StatusReport.nothingToBringForNow(r.detail(),
                        s.map(x -> !x.documents().isEmpty()).orElse(false)));
    }

    /** {@code POST /status/{token}}: the resident's rating, once, after completion. */
    private void rate(Context ctx) {
        Text t = text(ctx);
        if (!allowed(ctx, t)) {
            return;
        }
        Optional<RequestRecord> found = find(ctx.pathParam("token"));
        if (found.isEmpty()) {
            notFound(ctx, t);
            return;
        }
        RequestRecord r = found.get();
        String rating = ctx.formParam("rating");
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (r.detail() != RequestStatus.COMPLETED || rating == null || !RATINGS.contains(rating)
                || reason.codePointCount(0, reason.length()) > MAX_REASON
                || reason.chars().anyMatch(Character::isISOControl)) {
            pages.render(ctx, 400, "phone/status.jte", Map.of("v", view(ctx, t, r, false)));
            return;
        }
        if (!staff.rate(r.requestKey(), rating, reason.isEmpty() ? null : reason)) {
            // Rated before: once per request, the first rating stands.
            pages.render(ctx, 409, "phone/status.jte", Map.of("v", view(ctx, t, r, false)));
            return;
        }
        Pages.headers(ctx);
        ctx.redirect("/status/" + ctx.pathParam("token") + "?lang=" + t.lang() + "&rated=1", HttpStatus.SEE_OTHER);
    }
}
