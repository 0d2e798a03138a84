package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.onetrip.backoffice.security.ClientAddress;
import org.onetrip.backoffice.security.RateLimiter;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.BackOfficeStore.Filing;
import org.onetrip.backoffice.store.BackOfficeStore.Location;
import org.onetrip.backoffice.store.BackOfficeStore.NewServiceRequest;
import org.onetrip.backoffice.store.BackOfficeStore.Query;
import org.onetrip.backoffice.store.BackOfficeStore.ServiceRequest;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.Open311Catalog;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.sync.Open311Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open311 GeoReport v2 endpoints (wiki.open311.org/GeoReport_v2), in JSON and XML, with the
 * profile's extensions (shared/reference/open311-profile.md).
 *
 * <p>Who sees what: services, the discovery document and request reads are public, as the standard
 * expects; a stranger gets the public fields of a request only (service, status, times), and the
 * content and location only of anonymous reports (services that take no ID card, such as hazard
 * reports: what FixMyStreet publishes too). With its {@code api_key}, a kiosk reads its own
 * requests in full (a key never narrows what is shown, it only widens it to the kiosk's own);
 * names, phones and ID numbers never leave through Open311. Filing and heartbeats need the
 * kiosk's key; wrong keys are rate-limited per client address (429 with {@code Retry-After}).
 * Log lines name kiosks and service request ids, never what a request says.
 */
public final class Open311Api {
    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);
    static final String FORM = "application/x-www-form-urlencoded";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this server's GeoReport v2 interface last changed (the discovery's changeset). */
    static final String CHANGESET = "2026-12-05T00:00:00Z";
    private static final int MAX_IDS = 100;
    /** GeoReport v2, GET requests: "may not span more than 90 days", default the last 90 days, at most 1000. */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

    /** How this API presents itself in discovery; {@code publicUrl} null: the URL the client used. */
    public record Discovery(String publicUrl, String contact, boolean production) {
        public static final Discovery DEFAULT = new Discovery(null, "the service centre's back office", true);
    }

    private final BackOfficeStore store;
    private final ServiceCatalog catalog;
    private final boolean batch;
    private final DateTimeFormatter times;
    private final ZoneId zone;
    private final ArrayNode serviceList;
    private final RateLimiter failedKeys;
    private final ClientAddress clients;
    private final Discovery discovery;

    public Open311Api(BackOfficeStore store, ServiceCatalog catalog, boolean batch, ZoneId zone, RateLimiter failedKeys,
            ClientAddress clients, Discovery discovery) {
        this.store = store;
        this.catalog = catalog;
        this.batch = batch;
        this.zone = zone;
        this.times = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(zone);
        this.failedKeys = failedKeys;
        this.clients = clients;
        this.discovery = discovery;
        this.serviceList = Jsons.MAPPER.createArrayNode();
        catalog.services().forEach(s -> serviceList.add(Open311Catalog.serviceListEntry(s, batch ? "batch" : "realtime")));
    }

    public void discovery(Context ctx, Format format) {
        String url = discovery.publicUrl() != null ? discovery.publicUrl()
                : ctx.scheme() + "://" + ctx.host() + ctx.path().substring(0, ctx.path().lastIndexOf('/'));
        ObjectNode d = Jsons.MAPPER.createObjectNode();
        d.put("changeset", CHANGESET);
        d.put("contact", discovery.contact());
        d.put("key_service", "api keys are issued per kiosk by the centre's technician (backoffice add-kiosk)");
        ObjectNode e = d.putArray("endpoints").addObject();
        e.put("specification", SPECIFICATION);
        e.put("url", url);
        e.put("changeset", CHANGESET);
        e.put("type", discovery.production() ? "production" : "test");
        e.putArray("formats").add("text/xml").add("application/json");
        format.send(ctx, 200, "discovery", d);
    }

    public void services(Context ctx, Format format) {
        format.send(ctx, 200, "services", serviceList);
    }

    public void serviceDefinition(Context ctx) {
        Format.Named n = Format.of(ctx.pathParam("file"));
        ServiceDefinition s = catalog.service(n.name()).orElseThrow(() -> new ApiError(404, "service_code: no such service"));
        n.format().send(ctx, 200, "service_definition", Open311Catalog.serviceDefinition(s));
    }

    public void postRequest(Context ctx, Format format) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!contentType.startsWith(FORM)) {
            throw new ApiError(400, "the body must be " + FORM);
        }
        Map<String, List<String>> form = RequestForm.parse(ctx.body());
        List<String> keys = form.getOrDefault("api_key", List.of());
        String kioskId = kiosk(ctx, keys.size() == 1 ? keys.get(0) : null);
        String deviceId = first(form, "device_id");
        if (deviceId != null && !deviceId.isEmpty() && !deviceId.equals(kioskId)) {
            throw new ApiError(403, "device_id: not the kiosk this api_key belongs to");
        }
        String idempotencyKey = ctx.header("Idempotency-Key");
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw new ApiError(400, "Idempotency-Key: 1 to 128 visible ASCII characters");
        }
        RequestForm.Checked checked = RequestForm.check(form, catalog);
        ServiceDefinition s = checked.service();
        Map<String, String> attributes = new TreeMap<>();
        Map<String, String> personal = new TreeMap<>();
        checked.attributes().forEach((code, value) -> {
            Attribute a = s.attribute(code);
            if ((a != null && a.personal()) || code.startsWith("resident_") || code.startsWith("agent_")) {
                personal.put(code, value);
            } else {
                attributes.put(code, value);
            }
        });
        String receiptToken = attributes.remove(Open311Form.RECEIPT_TOKEN);
        String filedAt = attributes.remove(Open311Form.KIOSK_FILED_AT);
        String ticket = attributes.remove(Open311Form.TICKET);
        NewServiceRequest r = new NewServiceRequest(s.code(), s.name().zh(),
                catalog.window(s.windowCode()).map(w -> w.name().zh()).orElse(null), notice(s),
                checked.get("description"), checked.get("first_name"), checked.get("last_name"), checked.get("phone"),
                checked.get("email"), new Location(checked.get("lat"), checked.get("long"), checked.get("address_string"),
                        checked.get("address_id")), checked.get("media_url"), deviceId, checked.get("account_id"),
                attributes, personal, receiptToken, ticket, filedAt == null ? null : Instant.parse(filedAt));
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
        format.send(ctx, f.replayed() ? 200 : 201, "service_requests", Jsons.MAPPER.createArrayNode().add(answer));
    }

    /**
     * GeoReport v2 {@code GET requests}: by {@code service_request_id} (the other filters are then
     * ignored, as the standard says), or by {@code start_date}, {@code end_date}, {@code status}
     * and {@code service_code}, the last 90 days by default, newest first, at most 1000.
     */
    public void getRequests(Context ctx, Format format) {
        String kioskId = optionalKiosk(ctx);
        boolean extensions = "true".equals(ctx.queryParam("extensions"));
        String ids = ctx.queryParam("service_request_id");
        List<ServiceRequest> found;
        if (ids != null && !ids.isBlank()) {
            List<String> list = Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (list.size() > MAX_IDS || list.stream().anyMatch(x -> x.length() > 64)) {
                throw new ApiError(400, "service_request_id: at most " + MAX_IDS + " ids of at most 64 characters");
            }
            found = store.find(list, null);
        } else {
            found = store.list(query(ctx));
        }
        ArrayNode out = Jsons.MAPPER.createArrayNode();
        found.forEach(r -> out.add(requestObject(r, extensions, r.kioskId().equals(kioskId))));
        format.send(ctx, 200, "service_requests", out);
    }

    private Query query(Context ctx) {
        List<String> problems = new ArrayList<>();
        Instant start = date(ctx.queryParam("start_date"), "start_date", problems);
        Instant end = date(ctx.queryParam("end_date"), "end_date", problems);
        Set<RequestStatus> details = EnumSet.noneOf(RequestStatus.class);
        String status = ctx.queryParam("status");
        if (status != null && !status.isBlank()) {
            for (String st : status.split(",")) {
                switch (st.strip()) {
                    case "open" -> details.addAll(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS,
                            RequestStatus.NEEDS_DOCUMENTS));
                    case "closed" -> details.addAll(EnumSet.of(RequestStatus.COMPLETED, RequestStatus.REJECTED));
                    default -> problems.add("status: open, closed or both (open,closed)");
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        String serviceCode = ctx.queryParam("service_code");
        if (serviceCode != null && !serviceCode.isBlank()) {
            Arrays.stream(serviceCode.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(codes::add);
            if (codes.size() > 100 || codes.stream().anyMatch(c -> c.length() > 64)) {
                problems.add("service_code: at most 100 codes of at most 64 characters");
            }
        }
        if (problems.isEmpty()) {
            if (start == null && end == null) {
                end = Instant.now();
                start = end.minus(MAX_SPAN);
            } else if (start == null) {
                start = end.minus(MAX_SPAN);
            } else if (end == null) {
                end = start.plus(MAX_SPAN);
            }
            if (start.isAfter(end)) {
                problems.add("start_date: after end_date");
            } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                problems.add("start_date, end_date: may not span more than 90 days");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems);
        }
        return new Query(start, end, details, codes, null, MAX_RESULTS);
    }

    /**
     * An ISO 8601 date-time ({@code 2026-12-01T00:00:00Z}, {@code …+08:00}), a local one or a date
     * (read in the office's zone). A {@code +} sent unescaped in a query arrives as a space.
     */
    private Instant date(String v, String field, List<String> problems) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(s).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    problems.add(field + ": an ISO 8601 date-time (2026-12-01T00:00:00+08:00)");
                    return null;
                }
            }
        }
    }

    public void getRequest(Context ctx) {
        Format.Named n = Format.of(ctx.pathParam("file"));
        String kioskId = optionalKiosk(ctx);
        List<ServiceRequest> found = store.find(List.of(n.name()), null);
        if (found.isEmpty()) {
            throw new ApiError(404, "service_request_id: not found");
        }
        ServiceRequest r = found.get(0);
        n.format().send(ctx, 200, "service_requests", Jsons.MAPPER.createArrayNode().add(requestObject(r,
                "true".equals(ctx.queryParam("extensions")), r.kioskId().equals(kioskId))));
    }

    /** GeoReport v2 {@code GET tokens/{token}}: public, as the standard has it (a token is a random UUID). */
    public void getToken(Context ctx) {
        Format.Named n = Format.of(ctx.pathParam("file"));
        optionalKiosk(ctx);
        ServiceRequest r = store.byToken(n.name(), null).orElseThrow(() -> new ApiError(404, "token: not found"));
        ObjectNode o = Jsons.MAPPER.createObjectNode();
        if (r.serviceRequestId() != null) {
            o.put("service_request_id", r.serviceRequestId());
        } else {
            o.putNull("service_request_id");
        }
        o.put("token", n.name());
        n.format().send(ctx, 200, "service_requests", Jsons.MAPPER.createArrayNode().add(o));
    }

    /**
     * Extension 3: the kiosk's health for the fleet view; kept, minus the api key, only when it
     * fits {@link HeartbeatSchema}.
     */
    public void heartbeat(Context ctx) {
        JsonNode body = HeartbeatSchema.parse(ctx.bodyAsBytes());
        String kioskId = kiosk(ctx, body.path("api_key").isTextual() ? body.path("api_key").asText() : null);
        if (!kioskId.equals(ctx.pathParam("kiosk"))) {
            throw new ApiError(403, "api_key: not this kiosk's");
        }
        ((ObjectNode) body).remove("api_key");
        List<String> problems = HeartbeatSchema.problems(body);
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems.size() > 10 ? problems.subList(0, 10) : problems);
        }
        store.heartbeat(kioskId, new String(Jsons.bytes(body), StandardCharsets.UTF_8));
        ObjectNode ok = Jsons.MAPPER.createObjectNode();
        ok.put("received", times.format(Instant.now()));
        Jsons.send(ctx, 200, ok);
    }

    /** The request object in full (the filing kiosk's view, and the staff's). */
    public ObjectNode requestObject(ServiceRequest r, boolean extensions) {
        return requestObject(r, extensions, true);
    }

    /**
     * GeoReport v2's request object. {@code full} false: a stranger's view, without status notes,
     * description, location and media unless the service is an anonymous report.
     */
    public ObjectNode requestObject(ServiceRequest r, boolean extensions, boolean full) {
        boolean content = full || catalog.service(r.serviceCode()).map(s -> s.identity() == IdentityRequirement.NONE)
                .orElse(false);
        ObjectNode o = Jsons.MAPPER.createObjectNode();
        o.put("service_request_id", r.serviceRequestId());
        o.put("status", r.detail().isFinal() ? "closed" : "open");
        o.put("status_notes", content ? r.notes() : null);
        o.put("service_name", r.serviceName());
        o.put("service_code", r.serviceCode());
        o.put("description", content ? r.description() : null);
        o.put("agency_responsible", r.agencyResponsible());
        o.put("service_notice", r.serviceNotice());
        o.put("requested_datetime", times.format(r.requested()));
        o.put("updated_datetime", times.format(r.updated()));
        o.putNull("expected_datetime");
        Location l = content ? r.location() : Location.NONE;
        o.put("address", l.address());
        o.put("address_id", l.addressId());
        o.putNull("zipcode");
        if (l.lat() != null) {
            o.put("lat", new BigDecimal(l.lat()));
            o.put("long", new BigDecimal(l.lon()));
        } else {
            o.putNull("lat");
            o.putNull("long");
        }
        o.put("media_url", content ? r.mediaUrl() : null);
        if (extensions) {
            o.putObject("extended_attributes").put("status_detail", r.detail().wire());
        }
        return o;
    }

    /** The kiosk {@code apiKey} belongs to; 403 when none, 429 after too many wrong keys from this client. */
    private String kiosk(Context ctx, String apiKey) {
        String client = clients.of(ctx);
        failedKeys.blocked(client).ifPresent(wait -> {
            throw ApiError.tooManyRequests("too many wrong api keys from this address; try again later", wait);
        });
        return store.kioskFor(apiKey).orElseThrow(() -> {
            failedKeys.failure(client);
            log.warn("a wrong api_key from {}", client);
            return new ApiError(403, "api_key: not valid");
        });
    }

    /** Reads need no key; a key given must be right (then the kiosk sees its own requests in full). */
    private String optionalKiosk(Context ctx) {
        String key = ctx.queryParam("api_key");
        return key == null || key.isEmpty() ? null : kiosk(ctx, key);
    }

    /** What the resident must bring, as the service notice Open311 has a field for. */
    private static String notice(ServiceDefinition s) {
        if (s.documents().isEmpty()) {
            return null;
        }
        return "请携带：" + s.documents().stream().map(LocalizedText::zh).collect(Collectors.joining("、"));
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
