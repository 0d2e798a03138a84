package org.onetrip.backoffice.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onetrip.kiosk.catalog.FieldError;
import org.onetrip.kiosk.catalog.FormValidator;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.sync.Open311Form;

/**
 * Reads and checks the form of {@code POST requests.json} (GeoReport v2): pure, the decoded form
 * in, a checked request or an {@link ApiError} out. The service's own fields are checked by the
 * kiosk's {@link FormValidator} against the same catalogue, so the kiosk and the back office
 * apply one set of rules. Unknown fields are refused rather than dropped: a field the office
 * never sees is worse than a request that is refused and parked on the kiosk with the reason.
 */
public final class RequestForm {
    static final Set<String> STANDARD = Set.of("api_key", "service_code", "jurisdiction_id", "lat", "long",
            "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
            "description", "media_url");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([a-z][a-z0-9_]{0,39})\\](\\[\\])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{3,20}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_URL = 2000;
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9-]{1,16}");
    private static final Pattern DEGREES = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");

    /** The checked form: the service, the standard fields and the attributes (multi-value comma-joined). */
    public record Checked(ServiceDefinition service, Map<String, String> standard, Map<String, String> attributes) {
        public String get(String field) {
            return standard.get(field);
        }
    }

    private RequestForm() {
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, in order (WHATWG URL,
     * "application/x-www-form-urlencoded parsing"): empty pieces, as a trailing {@code &} leaves,
     * are skipped; {@code +} is a space. Refuses a malformed {@code %} escape (decoders differ on
     * what they make of it) and a field without a name. Bytes that are no UTF-8 become U+FFFD,
     * which {@link #check} refuses by field name.
     */
    public static Map<String, List<String>> parse(String body) {
        if (!wellFormedPercentEncoding(body)) {
            throw new ApiError(400, "the body is not valid form encoding");
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String piece : body.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = decode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : decode(piece.substring(eq + 1));
            if (name.isEmpty()) {
                throw new ApiError(400, "the body has a value without a field name");
            }
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every {@code %} starts two hex digits. */
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

    /**
     * Checks everything but the api key (the caller checks that first, for a 403). An empty value
     * is a field not sent (clients send every field of their form, filled or not).
     */
    public static Checked check(Map<String, List<String>> form, ServiceCatalog catalog) {
        List<String> problems = new ArrayList<>();
        Map<String, String> standard = new TreeMap<>();
        Map<String, List<String>> rawAttributes = new TreeMap<>();
        Set<String> multi = new java.util.HashSet<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue().stream().filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty() && (STANDARD.contains(name) || ATTRIBUTE.matcher(name).matches())) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                rawAttributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(values);
                if (m.group(2) != null) {
                    multi.add(m.group(1));
                }
            } else if (STANDARD.contains(name)) {
                if (values.size() != 1) {
                    problems.add(name + ": given more than once");
                } else {
                    standard.put(name, values.get(0));
                }
            } else {
                problems.add("unknown field (" + printable(name) + ")");
            }
        }
        for (Map.Entry<String, String> e : standard.entrySet()) {
            String problem = checkText(e.getKey(), e.getValue(), e.getKey().equals("description") ? MAX_DESCRIPTION
                    : e.getKey().equals("media_url") ? MAX_URL : MAX_TEXT, e.getKey().equals("description"));
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (standard.containsKey("email") && !EMAIL.matcher(standard.get("email")).matches()) {
            problems.add("email: not an e-mail address");
        }
        if (standard.containsKey("phone") && !PHONE.matcher(standard.get("phone")).matches()) {
            problems.add("phone: not a phone number");
        }
        location(standard, problems);
        if (standard.containsKey("media_url") && !isWebUrl(standard.get("media_url"))) {
            problems.add("media_url: not an http or https URL");
        }
        String code = standard.get("service_code");
        if (code == null || code.isBlank()) {
            problems.add(0, "service_code: required");
            throw new ApiError(400, problems);
        }
        ServiceDefinition service = catalog.service(code).orElse(null);
        if (service == null) {
            throw new ApiError(404, "service_code: no such service");
        }
        Map<String, String> serviceValues = new LinkedHashMap<>();
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : rawAttributes.entrySet()) {
            String attr = e.getKey();
            List<String> values = e.getValue();
            if (!multi.contains(attr) && values.size() != 1) {
                problems.add("attribute " + attr + ": given more than once");
                continue;
            }
            String joined = String.join(",", values);
            if (service.attribute(attr) != null) {
                if (joined.indexOf('\uFFFD') >= 0) {
                    problems.add("attribute " + attr + ": not valid UTF-8");
                    continue;
                }
                serviceValues.put(attr, joined);
                attributes.put(attr, joined.strip());
            } else if (Open311Form.KIOSK_ATTRIBUTES.contains(attr)) {
                String problem = checkText("attribute " + attr, joined, MAX_TEXT, false);
                if (problem != null) {
                    problems.add(problem);
                } else {
                    attributes.put(attr, joined);
                }
            } else {
                problems.add("attribute " + attr + ": the service has no such field");
            }
        }
        for (FieldError fe : FormValidator.asFiledAt(attributes.get(Open311Form.KIOSK_FILED_AT)).validate(service, serviceValues)) {
            problems.add("attribute " + fe.describe());
        }
        String filedAt = attributes.get(Open311Form.KIOSK_FILED_AT);
        if (filedAt != null) {
            try {
                java.time.Instant.parse(filedAt);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add("attribute " + Open311Form.KIOSK_FILED_AT + ": an ISO 8601 instant (2025-03-14T01:30:00Z)");
            }
        }
        String ticket = attributes.get(Open311Form.TICKET);
        if (ticket != null && !TICKET.matcher(ticket).matches()) {
            problems.add("attribute " + Open311Form.TICKET + ": 1 to 16 letters, digits or '-'");
        }
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems);
        }
        return new Checked(service, standard, attributes);
    }

    /**
     * GeoReport v2's {@code lat} and {@code long}: WGS84 decimal degrees, both or neither, in range.
     * Kept as the decimal text sent (no float rounding).
     */
    private static void location(Map<String, String> standard, List<String> problems) {
        String lat = standard.get("lat");
        String lon = standard.get("long");
        if ((lat == null) != (lon == null)) {
            problems.add("lat, long: give both or neither");
            return;
        }
        if (lat == null) {
            return;
        }
        if (!inRange(lat, 90)) {
            problems.add("lat: a decimal number from -90 to 90");
        }
        if (!inRange(lon, 180)) {
            problems.add("long: a decimal number from -180 to 180");
        }
    }

    private static boolean inRange(String v, int limit) {
        if (!DEGREES.matcher(v).matches()) {
            return false;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v);
        return d.abs().compareTo(java.math.BigDecimal.valueOf(limit)) <= 0;
    }

    private static boolean isWebUrl(String v) {
        try {
            java.net.URI u = new java.net.URI(v);
            return u.isAbsolute() && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && u.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Length in characters, no control characters (a line break only in free text), valid encoding. */
    private static String checkText(String field, String v, int max, boolean multiLine) {
        if (v.codePointCount(0, v.length()) > max) {
            return field + ": longer than " + max + " characters";
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\uFFFD') {
                // What a decoder makes of bytes that are no UTF-8: the sender's encoding is wrong.
                return field + ": not valid UTF-8";
            }
            if (Character.isISOControl(ch) && !(multiLine && (ch == '\n' || ch == '\r'))) {
                return field + ": contains control characters";
            }
            if (Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < v.length()
                    && Character.isLowSurrogate(v.charAt(i + 1)))
                    && !(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(v.charAt(i - 1)))) {
                return field + ": not valid UTF-8";
            }
        }
        return null;
    }

    /** A field name for an error text: names are short and never personal, but may hold garbage. */
    private static String printable(String name) {
        String s = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return s.codePoints().allMatch(cp -> cp >= 0x20 && cp < 0x7f) ? s : "a field name that is not plain ASCII";
    }
}
