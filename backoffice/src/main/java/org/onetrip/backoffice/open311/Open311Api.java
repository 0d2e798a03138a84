package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.Filing;
import org.onetrip.backoffice.store.BackOfficeStore.NewServiceRequest;
import org.onetrip.backoffice.store.BackOfficeStore.ServiceRequest;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.Open311Catalog;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.sync.Open311Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open311 GeoReport v2 endpoints with the profile's extensions
 * (shared/reference/open311-profile.md), JSON only. Services are public; everything about
 * requests needs a kiosk's {@code api_key} and shows that kiosk's requests only. Log lines name
 * kiosks and service request ids, never what a request says.
 */
public final class Open311Api {
    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_IDS = 100;

    private final BackOfficeStore store;
    private final ServiceCatalog catalog;
    private final boolean batch;
    private final DateTimeFormatter times;
    private final byte[] serviceList;

    public Open311Api(BackOfficeStore store, ServiceCatalog catalog, boolean batch, ZoneId zone) {
        this.store = store;
        this.catalog = catalog;
        this.batch = batch;
        this.times = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(zone);
        ArrayNode list = Jsons.MAPPER.createArrayNode();
        catalog.services().forEach(s -> list.add(Open311Catalog.serviceListEntry(s, batch ? "batch" : "realtime")));
        this.serviceList = Jsons.bytes(list);
    }

    public void services(Context ctx) {
        Jsons.send(ctx, 200, serviceList);
    }

    public void serviceDefinition(Context ctx) {
        String code = jsonName(ctx.pathParam("file"));
        ServiceDefinition s = catalog.service(code).orElseThrow(() -> new ApiError(404, "service_code: no such service"));
        Jsons.send(ctx, 200, Open311Catalog.serviceDefinition(s));
    }

    public void postRequest(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!contentType.startsWith(FORM)) {
            throw new ApiError(400, "the body must be " + FORM);
        }
        Map<String, List<String>> form;
        try {
            if (!wellFormedPercentEncoding(ctx.body())) {
                throw new ApiError(400, "the body is not valid form encoding");
            }
            form = ctx.formParamMap();
        } catch (ApiError | io.javalin.http.HttpResponseException e) {
            throw e; // a body over the limit stays a 413
        } catch (RuntimeException e) {
            throw new ApiError(400, "the body is not valid form encoding");
        }
        String kioskId = kiosk(first(form, "api_key"));
        String deviceId = first(form, "device_id");
        if (deviceId != null && !deviceId.equals(kioskId)) {
            throw new ApiError(403, "device_id: not the kiosk this api_key belongs to");
        }
        String idempotencyKey = ctx.header("Idempotency-Key");
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw new ApiError(400, "Idempotency-Key: 1 to 128 visible ASCII characters");
        }
        RequestForm.Checked checked = RequestForm.check(form, catalog);
        ServiceDefinition s = checked.service();
        Map<String, String> attributes = new TreeMap<>(checked.attributes());
        String receiptToken = attributes.remove(Open311Form.RECEIPT_TOKEN);
        NewServiceRequest r = new NewServiceRequest(s.code(), s.name().zh(),
                catalog.window(s.windowCode()).map(w -> w.name().zh()).orElse(null), notice(s),
                checked.get("description"), checked.get("first_name"), checked.get("last_name"), checked.get("phone"),
                checked.get("email"), checked.get("address_string"), deviceId, checked.get("account_id"), attributes,
                receiptToken);
        Filing f = store.file(kioskId, idempotencyKey, bodyHash(form), r, batch);
        if (f.replayed() && !f.sameBody()) {
            // IETF draft "The Idempotency-Key HTTP Header Field": a key reused for another request.
            throw new ApiError(422, "Idempotency-Key: already used for a different request");
        }
        ObjectNode answer = Jsons.MAPPER.createObjectNode();
        // A replay answers what the first POST answered: in batch intake the token, even once the
        // request has its id (the kiosk learns the id from tokens/{token}.json).
        if (f.serviceRequestId() != null && !batch) {
            answer.put("service_request_id", f.serviceRequestId());
        } else {
            answer.put("token", f.token());
        }
        answer.put("service_notice", notice(s));
        answer.putNull("account_id");
        if (!f.replayed()) {
            log.info("kiosk {} filed {} ({})", kioskId, f.serviceRequestId() != null ? f.serviceRequestId() : "a batch request",
                    s.code());
        }
        Jsons.send(ctx, f.replayed() ? 200 : 201, Jsons.MAPPER.createArrayNode().add(answer));
    }

    public void getRequests(Context ctx) {
        String kioskId = kiosk(ctx.queryParam("api_key"));
        boolean extensions = "true".equals(ctx.queryParam("extensions"));
        String ids = ctx.queryParam("service_request_id");
        List<ServiceRequest> found;
        if (ids == null || ids.isBlank()) {
            found = store.recent(kioskId, 50);
        } else {
            List<String> list = Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (list.size() > MAX_IDS || list.stream().anyMatch(x -> x.length() > 64)) {
                throw new ApiError(400, "service_request_id: at most " + MAX_IDS + " ids of at most 64 characters");
            }
            found = store.find(list, kioskId);
        }
        ArrayNode out = Jsons.MAPPER.createArrayNode();
        found.forEach(r -> out.add(requestObject(r, extensions)));
        Jsons.send(ctx, 200, out);
    }

    public void getRequest(Context ctx) {
        String kioskId = kiosk(ctx.queryParam("api_key"));
        String id = jsonName(ctx.pathParam("file"));
        List<ServiceRequest> found = store.find(List.of(id), kioskId);
        if (found.isEmpty()) {
            throw new ApiError(404, "service_request_id: not found");
        }
        Jsons.send(ctx, 200, Jsons.MAPPER.createArrayNode().add(requestObject(found.get(0),
                "true".equals(ctx.queryParam("extensions")))));
    }

    public void getToken(Context ctx) {
        String kioskId = kiosk(ctx.queryParam("api_key"));
        String token = jsonName(ctx.pathParam("file"));
        ServiceRequest r = store.byToken(token, kioskId).orElseThrow(() -> new ApiError(404, "token: not found"));
        ObjectNode o = Jsons.MAPPER.createObjectNode();
        o.put("token", token);
        if (r.serviceRequestId() != null) {
            o.put("service_request_id", r.serviceRequestId());
        } else {
            o.putNull("service_request_id");
        }
        Jsons.send(ctx, 200, Jsons.MAPPER.createArrayNode().add(o));
    }

    /** Extension 3: the kiosk's health for the fleet view; kept as sent, minus the api key. */
    public void heartbeat(Context ctx) {
        JsonNode body = Jsons.parseObject(ctx.bodyAsBytes());
        String kioskId = kiosk(body.path("api_key").isTextual() ? body.path("api_key").asText() : null);
        if (!kioskId.equals(ctx.pathParam("kiosk"))) {
            throw new ApiError(403, "api_key: not this kiosk's");
        }
        ((ObjectNode) body).remove("api_key");
        store.heartbeat(kioskId, new String(Jsons.bytes(body), StandardCharsets.UTF_8));
        ObjectNode ok = Jsons.MAPPER.createObjectNode();
        ok.put("received", times.format(Instant.now()));
        Jsons.send(ctx, 200, ok);
    }

    public ObjectNode requestObject(ServiceRequest r, boolean extensions) {
        ObjectNode o = Jsons.MAPPER.createObjectNode();
        o.put("service_request_id", r.serviceRequestId());
        o.put("status", r.detail().isFinal() ? "closed" : "open");
        o.put("status_notes", r.notes());
        o.put("service_name", r.serviceName());
        o.put("service_code", r.serviceCode());
        o.put("agency_responsible", r.agencyResponsible());
        o.put("service_notice", r.serviceNotice());
        o.put("requested_datetime", times.format(r.requested()));
        o.put("updated_datetime", times.format(r.updated()));
        o.putNull("expected_datetime");
        if (extensions) {
            o.putObject("extended_attributes").put("status_detail", r.detail().wire());
        }
        return o;
    }

    private String kiosk(String apiKey) {
        return store.kioskFor(apiKey).orElseThrow(() -> new ApiError(403, "api_key: not valid"));
    }

    /** What the resident must bring, as the service notice Open311 has a field for. */
    private static String notice(ServiceDefinition s) {
        if (s.documents().isEmpty()) {
            return null;
        }
        return "请携带：" + s.documents().stream().map(LocalizedText::zh).collect(Collectors.joining("、"));
    }

    /** {@code 100012.json} → {@code 100012}; anything else is not a resource here. */
    private static String jsonName(String file) {
        if (file == null || !file.endsWith(".json") || file.length() <= 5) {
            throw new ApiError(404, "not found (JSON only: …/NAME.json)");
        }
        return file.substring(0, file.length() - 5);
    }

    /**
     * Every {@code %} starts two hex digits (WHATWG URL, application/x-www-form-urlencoded). Decoders
     * differ on what they make of {@code %zz} (keep it, drop it, fail); a request that ambiguous is refused.
     */
    static boolean wellFormedPercentEncoding(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '%') {
                if (i + 2 >= body.length() || Character.digit(body.charAt(i + 1), 16) < 0
                        || Character.digit(body.charAt(i + 2), 16) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The request's content without the api key, in a fixed order: what a replay must match. */
    private static String bodyHash(Map<String, List<String>> form) {
        Map<String, List<String>> sorted = new TreeMap<>(form);
        sorted.remove("api_key");
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + "=" + String.join("\u0000", v)));
        return BackOfficeStore.hash(String.join("\u0001", parts));
    }
}
