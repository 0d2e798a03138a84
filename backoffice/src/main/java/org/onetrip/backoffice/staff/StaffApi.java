package org.onetrip.backoffice.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.onetrip.backoffice.open311.ApiError;
import org.onetrip.backoffice.open311.Jsons;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.HistoryStep;
import org.onetrip.backoffice.store.BackOfficeStore.ServiceRequest;
import org.onetrip.kiosk.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's API (the staff web pages come later and will use it): change a request's status with
 * notes, read a request with its history, see the kiosks' last heartbeats. Every call needs a staff
 * token ({@code Authorization: Bearer TOKEN}); every change is kept with who made it and when.
 */
public final class StaffApi {
    private static final Logger log = LoggerFactory.getLogger(StaffApi.class);
    static final Set<String> DETAILS = Set.of("received", "in_progress", "needs_documents", "completed", "rejected");
    private static final int MAX_NOTES = 1000;

    private final BackOfficeStore store;
    private final Open311Api open311;
    private final DateTimeFormatter times;

    public StaffApi(BackOfficeStore store, Open311Api open311, ZoneId zone) {
        this.store = store;
        this.open311 = open311;
        this.times = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(zone);
    }

    public void changeStatus(Context ctx) {
        String staff = staff(ctx);
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
        ServiceRequest r;
        try {
            r = store.changeStatus(id, RequestStatus.ofWire(detail), notes == null || notes.isEmpty() ? null : notes,
                    staff).orElseThrow(() -> new ApiError(404, "service_request_id: not found"));
        } catch (BackOfficeStore.ClosedRequest e) {
            throw new ApiError(409, "status_detail: the request is completed or rejected and is not reopened");
        }
        log.info("staff {} set {} to {}", staff, r.serviceRequestId(), detail);
        Jsons.send(ctx, 200, withHistory(r));
    }

    public void getRequest(Context ctx) {
        staff(ctx);
        String id = ctx.pathParam("id");
        List<ServiceRequest> found = store.find(List.of(id), null);
        ServiceRequest r = found.isEmpty() ? store.byToken(id, null).orElse(null) : found.get(0);
        if (r == null) {
            throw new ApiError(404, "service_request_id: not found");
        }
        Jsons.send(ctx, 200, withHistory(r));
    }

    public void kiosks(Context ctx) {
        staff(ctx);
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

    private ObjectNode withHistory(ServiceRequest r) {
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

    private String staff(Context ctx) {
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
        return store.staffFor(token).orElseThrow(() -> new ApiError(401, "a valid staff token is needed (Authorization: Bearer …)"));
    }
}
