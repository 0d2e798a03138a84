package org.onetrip.backoffice.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onetrip.backoffice.open311.ApiError;
import org.onetrip.backoffice.open311.Jsons;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.HistoryStep;
import org.onetrip.backoffice.store.BackOfficeStore.ServiceRequest;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.store.StaffStore.Account;
import org.onetrip.kiosk.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's API: change a request's status with notes, read a request with its history, see the
 * kiosks' last heartbeats. Every call needs a staff token ({@code Authorization: Bearer TOKEN}),
 * and a token acts as the staff account of the same id, under the pages' rules ({@link Access}):
 * a request the account may not see is not found (404), one it sees but may not handle (an admin)
 * is refused (403), and every answer that carries a request's content is written to the audit log.
 * Status changes take the steps of {@link Workflow}, as the request page's buttons do (409 when
 * the request is not in a status that allows the step). A token without an account (made by
 * {@code add-staff} alone) has no role and is refused (403) until {@code add-account} gives it one;
 * a disabled account's token is not valid (401). Every change is kept with who made it and when.
 */
public final class StaffApi {
    private static final Logger log = LoggerFactory.getLogger(StaffApi.class);
    static final Set<String> DETAILS = Set.of("received", "in_progress", "needs_documents", "completed", "rejected");
    private static final int MAX_NOTES = 1000;
    /** What the audit log says for a view through this API (the pages write "view"). */
    public static final String AUDIT_VIEW = "api-view";

    private final BackOfficeStore store;
    private final StaffStore staff;
    private final Access access;
    private final Open311Api open311;
    private final DateTimeFormatter times;

    public StaffApi(BackOfficeStore store, StaffStore staff, Access access, Open311Api open311, ZoneId zone) {
        this.store = store;
        this.staff = staff;
        this.access = access;
        this.open311 = open311;
        this.times = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(zone);
    }

    public void changeStatus(Context ctx) {
        Account a = account(ctx);
        JsonNode body = Jsons.parseObject(ctx.bodyAsBytes());
        String detail = body.path("status_detail").asText("");
        if (!DETAILS.contains(detail)) {
            throw new ApiError(400, "status_detail: one of " + String.join(", ", DETAILS.stream().sorted().toList()));
        }
        String notes = body.path("status_notes").isTextual() ? body.path("status_notes").asText().strip() : null;
        if (notes != null && (notes.codePointCount(0, notes.length()) > MAX_NOTES
                || notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
            throw new ApiError(400, "status_notes: at most " + MAX_NOTES + " characters, no control characters");
        }
        String id = ctx.pathParam("id");
        ServiceRequest r = handled(a, id);
        RequestStatus to = RequestStatus.ofWire(detail);
        Workflow step = Workflow.toward(to);
        if (r.detail().isFinal()) {
            throw closed();
        }
        if (step == null || !step.allowedFrom(r.detail())) {
            throw new ApiError(409, "status_detail: no step from " + r.detail().wire() + " to " + detail + " (the steps: "
                    + steps() + ")");
        }
        try {
            staff.step(r.requestKey(), step.from(), step.to(), notes == null || notes.isEmpty() ? null : notes, a.staffId());
        } catch (StaffStore.StepRefused e) {
            // Another change came first (the UPDATE checks the status itself).
            ServiceRequest now = find(id).orElse(r);
            throw now.detail().isFinal() ? closed() : new ApiError(409, "status_detail: the request is now "
                    + now.detail().wire() + "; no step from there to " + detail);
        }
        ServiceRequest after = find(id).orElseThrow();
        log.info("staff {} took step {} on request {}", a.staffId(), step.wire(), after.serviceRequestId());
        Jsons.send(ctx, 200, withHistory(a, after));
    }

    public void getRequest(Context ctx) {
        Account a = account(ctx);
        Jsons.send(ctx, 200, withHistory(a, handled(a, ctx.pathParam("id"))));
    }

    public void kiosks(Context ctx) {
        Account a = account(ctx);
        if (!access.seesFleet(a)) {
            throw new ApiError(403, "the fleet is for supervisors and admins");
        }
        ArrayNode out = Jsons.MAPPER.createArrayNode();
        for (var h : store.heartbeats()) {
            ObjectNode o = out.addObject();
            o.put("kiosk_id", h.kioskId());
            o.put("received", times.format(h.receivedAt()));
            try {
                o.set("heartbeat", Jsons.MAPPER.readTree(h.body()));
            } catch (java.io.IOException e) {
                o.putNull("heartbeat");
            }
        }
        Jsons.send(ctx, 200, out);
    }

    /** By service_request_id, or by token (batch intake, before staff first act). */
    private Optional<ServiceRequest> find(String id) {
        List<ServiceRequest> found = store.find(List.of(id), null);
        return found.isEmpty() ? store.byToken(id, null) : Optional.of(found.get(0));
    }

    /** The request, if {@code a} may handle it: not seen is not found (as on the pages), seen only is refused. */
    private ServiceRequest handled(Account a, String id) {
        ServiceRequest r = find(id).orElseThrow(() -> new ApiError(404, "service_request_id: not found"));
        if (!access.maySee(a, r.serviceCode())) {
            log.info("staff {} was refused request {} through the API (not their window)", a.staffId(), r.serviceRequestId());
            throw new ApiError(404, "service_request_id: not found");
        }
        if (!access.mayHandle(a, r.serviceCode())) {
            throw new ApiError(403, "this account's role does not handle requests, so it sees none of their content");
        }
        return r;
    }

    private static ApiError closed() {
        return new ApiError(409, "status_detail: the request is completed or rejected and is not reopened");
    }

    private static String steps() {
        StringBuilder sb = new StringBuilder();
        for (Workflow w : Workflow.values()) {
            if (w.to() != null) {
                sb.append(sb.length() == 0 ? "" : "; ").append(w.to().wire()).append(" from ")
                        .append(w.from().stream().map(RequestStatus::wire).sorted().collect(Collectors.joining(", ")));
            }
        }
        return sb.toString();
    }

    /** The request's content and history for {@code a}, who may handle it: written to the audit log first. */
    private ObjectNode withHistory(Account a, ServiceRequest r) {
        staff.audit(a.staffId(), r.requestKey(), AUDIT_VIEW);
        ObjectNode o = open311.requestObject(r, true);
        o.put("kiosk_id", r.kioskId());
        o.put("token", r.token());
        o.set("attributes", Jsons.MAPPER.valueToTree(r.attributes()));
        ArrayNode history = o.putArray("history");
        for (HistoryStep s : store.history(r.requestKey())) {
            history.addObject().put("at", times.format(s.at())).put("status_detail", s.detail().wire())
                    .put("status_notes", s.notes()).put("changed_by", s.changedBy());
        }
        return o;
    }

    /** The enabled staff account the bearer token belongs to. */
    private Account account(Context ctx) {
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
        String staffId = store.staffFor(token).orElseThrow(StaffApi::unauthorized);
        Account a = staff.account(staffId).orElseThrow(() -> new ApiError(403, "the token of " + staffId + " has no staff "
                + "account, so no role: add one (backoffice add-account " + staffId + " NAME --role ROLE)"));
        if (a.disabled()) {
            throw unauthorized();
        }
        if (Role.ofWire(a.role()).isEmpty()) {
            throw new ApiError(403, "the account " + staffId + " has no known role");
        }
        return a;
    }

    private static ApiError unauthorized() {
        return new ApiError(401, "a valid staff token is needed (Authorization: Bearer …)");
    }
}
