package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a kiosk's heartbeat (profile extension 3) may be, so no kiosk, broken or hostile, can put
 * into the fleet view what the view cannot show: the shape the kiosk sends
 * (kiosk/…/sync/Open311BackOffice#heartbeat), at most {@value #MAX_DEPTH} levels deep, bounded
 * counts and lengths. A newer kiosk may add top-level fields, as plain values only. Pure.
 */
public final class HeartbeatSchema {
    static final int MAX_DEPTH = 4;
    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_DEVICES = 32;
    private static final int MAX_ALARMS = 100;
    private static final int MAX_EXTRA = 20;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Set<String> KNOWN = Set.of("kiosk_id", "app_version", "at", "devices", "alarms", "queue");
    /** Parsing itself stops at the depth limit: a 999-level body costs no more than a 5-level one. */
    private static final ObjectMapper PARSER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build()).build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private HeartbeatSchema() {
    }

    /** The heartbeat as a JSON object, or an {@link ApiError} 400 naming every problem. */
    public static JsonNode parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new ApiError(413, "a heartbeat is at most " + MAX_BYTES + " bytes");
        }
        JsonNode n;
        try {
            n = PARSER.readTree(body);
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON of at most " + MAX_DEPTH + " levels");
        }
        if (n == null || !n.isObject()) {
            throw new ApiError(400, "the body must be a JSON object");
        }
        return n;
    }

    /** The problems of a heartbeat (without its api_key), empty when it fits. */
    public static List<String> problems(JsonNode hb) {
        List<String> p = new ArrayList<>();
        int extra = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = hb.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "kiosk_id", "app_version" -> text(p, k, v, 64, false);
                case "at" -> text(p, k, v, 40, true);
                case "devices" -> devices(p, v);
                case "alarms" -> alarms(p, v);
                case "queue" -> queue(p, v);
                default -> {
                    if (!KEY.matcher(k).matches()) {
                        p.add("a field name is not 1 to 40 letters, digits, '.', '_' or '-'");
                    } else if (++extra > MAX_EXTRA) {
                        p.add("at most " + MAX_EXTRA + " fields beyond " + String.join(", ", KNOWN.stream().sorted().toList()));
                    } else if (v.isContainerNode()) {
                        p.add(k + ": an added field must be a plain value");
                    } else {
                        text(p, k, v, 200, true);
                    }
                }
            }
        }
        return p;
    }

    private static void devices(List<String> p, JsonNode v) {
        if (!v.isObject() || v.size() > MAX_DEVICES) {
            p.add("devices: an object of at most " + MAX_DEVICES + " devices");
            return;
        }
        v.fields().forEachRemaining(d -> {
            if (!KEY.matcher(d.getKey()).matches()) {
                p.add("devices: a device name is not 1 to 40 letters, digits, '.', '_' or '-'");
            } else if (!d.getValue().isObject()) {
                p.add("devices." + d.getKey() + ": an object of state, detail, message");
            } else {
                d.getValue().fields().forEachRemaining(f -> {
                    switch (f.getKey()) {
                        case "state", "detail" -> text(p, "devices." + d.getKey() + "." + f.getKey(), f.getValue(), 40, true);
                        case "message" -> text(p, "devices." + d.getKey() + ".message", f.getValue(), 300, true);
                        default -> p.add("devices." + d.getKey() + ": only state, detail and message");
                    }
                });
            }
        });
    }

    private static void alarms(List<String> p, JsonNode v) {
        if (!v.isArray() || v.size() > MAX_ALARMS) {
            p.add("alarms: an array of at most " + MAX_ALARMS + " alarms");
            return;
        }
        for (JsonNode a : v) {
            if (!a.isObject()) {
                p.add("alarms: each alarm is an object of at and kind");
                return;
            }
            a.fields().forEachRemaining(f -> {
                if (f.getKey().equals("at") || f.getKey().equals("kind")) {
                    text(p, "alarms." + f.getKey(), f.getValue(), 40, true);
                } else {
                    p.add("alarms: only at and kind");
                }
            });
        }
    }

    private static void queue(List<String> p, JsonNode v) {
        if (!v.isObject()) {
            p.add("queue: an object of pending, needs_attention, oldest_pending_filed_at");
            return;
        }
        v.fields().forEachRemaining(f -> {
            switch (f.getKey()) {
                case "pending", "needs_attention" -> {
                    if (!f.getValue().canConvertToInt() || !f.getValue().isIntegralNumber() || f.getValue().asInt() < 0) {
                        p.add("queue." + f.getKey() + ": a count");
                    }
                }
                case "oldest_pending_filed_at" -> text(p, "queue.oldest_pending_filed_at", f.getValue(), 40, true);
                default -> p.add("queue: only pending, needs_attention, oldest_pending_filed_at");
            }
        });
    }

    private static void text(List<String> p, String field, JsonNode v, int max, boolean nullable) {
        if (v.isNull() && nullable) {
            return;
        }
        if (v.isContainerNode()) {
            p.add(field + ": a plain value");
            return;
        }
        String s = v.asText();
        if (s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
            p.add(field + ": at most " + max + " characters, no control characters");
        }
    }
}
