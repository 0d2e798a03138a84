package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** JSON in and out of the HTTP API, through Jackson; Open311 error arrays. */
public final class Jsons {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            // A parse error must not quote the body: it may hold what a resident typed.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Jsons() {
    }

    public static byte[] bytes(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is JSON", e);
        }
    }

    public static void send(Context ctx, int status, Object tree) {
        send(ctx, status, bytes(tree));
    }

    public static void send(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    public static void error(Context ctx, int status, List<String> descriptions) {
        var array = MAPPER.createArrayNode();
        descriptions.forEach(d -> array.addObject().put("code", status).put("description", d));
        send(ctx, status, array);
    }

    public static JsonNode parseObject(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON");
        }
    }
}
