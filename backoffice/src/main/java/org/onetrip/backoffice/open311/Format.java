package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * GeoReport v2's two formats, chosen by the resource's extension ({@code services.xml},
 * {@code requests/100012.json}). XML is the standard's required one; element names are the JSON
 * keys (see {@link Xml}).
 */
public enum Format {
    JSON("json", "application/json; charset=utf-8"),
    XML("xml", "text/xml; charset=utf-8");

    private final String extension;
    private final String contentType;

    Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    /** A resource name and its format: {@code 100012.xml} → 100012, XML. */
    public record Named(String name, Format format) {
    }

    /** {@code NAME.json} or {@code NAME.xml}; anything else is no resource here (404, in JSON). */
    public static Named of(String file) {
        for (Format f : values()) {
            String suffix = "." + f.extension;
            if (file != null && file.endsWith(suffix) && file.length() > suffix.length()) {
                return new Named(file.substring(0, file.length() - suffix.length()), f);
            }
        }
        throw new ApiError(404, "not found (…/NAME.json or …/NAME.xml)");
    }

    /** The format a path asks for, for answers made before (or without) a route: JSON unless it ends in .xml. */
    public static Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }

    /** Sends {@code tree}; in XML under {@code root} (an array's items named by {@link Xml#itemName}). */
    public void send(Context ctx, int status, String root, JsonNode tree) {
        byte[] body = this == JSON ? Jsons.bytes(tree) : Xml.write(root, tree);
        ctx.status(status).contentType(contentType).result(body);
    }

    /** An Open311 error array in the format the path asks for. */
    public static void error(Context ctx, int status, List<String> descriptions) {
        var array = Jsons.MAPPER.createArrayNode();
        descriptions.forEach(d -> array.addObject().put("code", status).put("description", d));
        ofPath(ctx.path()).send(ctx, status, "errors", array);
    }
}
