package org.onetrip.kiosk.sync;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * Reads what an Open311 back office answers. Pure: status code, headers and body in, values out.
 * Error texts are cut short and never quote a body that is not an Open311 error array, since a
 * server may echo what the resident typed.
 */
public final class Open311Responses {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final int MAX_REASON = 300;

    private Open311Responses() {
    }

    /** What a {@code POST requests.json} answer means for the outbox. */
    public static SubmitOutcome submitAnswer(int status, String body, String retryAfterHeader) {
        if (status == 200 || status == 201) {
            JsonNode first = firstOf(body);
            if (first != null && first.path("service_request_id").isValueNode()
                    && !first.path("service_request_id").asText("").isEmpty()) {
                return new SubmitOutcome.Accepted(first.path("service_request_id").asText(), null, status == 200);
            }
            if (first != null && first.path("token").isValueNode() && !first.path("token").asText("").isEmpty()) {
                return new SubmitOutcome.Accepted(null, first.path("token").asText(), status == 200);
            }
            // It may well have been filed: asking again with the same Idempotency-Key is safe.
            return new SubmitOutcome.Retry("HTTP " + status + " without a service_request_id or token", null);
        }
        String errors = errors(body);
        if (status == 401 || status == 403) {
            return new SubmitOutcome.Misconfigured(status, "HTTP " + status + (errors == null
                    ? ": refused; is backoffice.api-key right for this kiosk?" : ": " + errors));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new SubmitOutcome.Retry("HTTP " + status + (errors == null ? "" : ": " + errors),
                    retryAfter(retryAfterHeader));
        }
        if (errors != null && (status == 400 || status == 404 || status == 409 || status == 413 || status == 422)) {
            return new SubmitOutcome.Refused(status, "HTTP " + status + ": " + errors);
        }
        if (status == 400 || status == 413 || status == 422) {
            return new SubmitOutcome.Refused(status, "HTTP " + status + " (no Open311 error text)");
        }
        // A 404 or 405 without an Open311 error array, a redirect: the URL is not the endpoint.
        return new SubmitOutcome.Misconfigured(status, "HTTP " + status
                + " without an Open311 error: is backoffice.url the GeoReport v2 endpoint (…/open311/v2/)?");
    }

    /** {@code code N: description; …} of an Open311 error array, or null when the body is none. */
    public static String errors(String body) {
        JsonNode n = parse(body);
        if (n == null || !n.isArray() || n.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isObject() || !e.has("description")) {
                return null;
            }
            parts.add((e.path("code").isValueNode() ? "code " + e.path("code").asText() + ": " : "")
                    + e.path("description").asText());
        }
        String s = String.join("; ", parts);
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
    }

    /** The request objects of {@code GET requests.json}; entries without an id are skipped. */
    public static List<RemoteStatus> requests(String body) {
        JsonNode n = parse(body);
        if (n == null || !n.isArray()) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "requests answer is not a JSON array");
        }
        List<RemoteStatus> out = new ArrayList<>();
        for (JsonNode r : n) {
            String id = r.path("service_request_id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            RequestStatus detail = null;
            String d = r.path("extended_attributes").path("status_detail").asText("");
            if (!d.isEmpty()) {
                try {
                    detail = RequestStatus.ofWire(d);
                } catch (IllegalArgumentException e) {
                    detail = null; // a detail this kiosk does not know: fall back to open/closed
                }
                if (detail == RequestStatus.QUEUED) {
                    detail = null; // the kiosk's own state; no server may set it
                }
            }
            boolean closed = "closed".equals(r.path("status").asText("").toLowerCase(Locale.ROOT));
            String notes = r.path("status_notes").isTextual() ? r.path("status_notes").asText() : null;
            out.add(new RemoteStatus(id, detail, closed, notes, instant(r.path("updated_datetime").asText(""))));
        }
        return out;
    }

    /** Token → service_request_id for the tokens that have one. */
    public static Map<String, String> tokens(String body) {
        JsonNode n = parse(body);
        if (n == null || !n.isArray()) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "tokens answer is not a JSON array");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode t : n) {
            String token = t.path("token").asText("");
            String id = t.path("service_request_id").isValueNode() && !t.path("service_request_id").isNull()
                    ? t.path("service_request_id").asText("") : "";
            if (!token.isEmpty() && !id.isEmpty()) {
                out.put(token, id);
            }
        }
        return out;
    }

    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    private static Instant instant(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode firstOf(String body) {
        JsonNode n = parse(body);
        if (n != null && n.isArray() && !n.isEmpty()) {
            return n.get(0);
        }
        return n != null && n.isObject() ? n : null;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
