package org.onetrip.backoffice.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the jte templates (src/main/jte, compiled at build time into
 * {@code org.onetrip.backoffice.pages}) and sends them with the headers every page carries: a strict
 * Content-Security-Policy (no script at all, styles from our own files only), no MIME sniffing,
 * no framing, no Referer (a phone page's URL holds its receipt token), and {@code no-store}
 * (pages show personal data or a resident's request).
 */
public final class Pages {
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "org.onetrip.backoffice.pages");
    private final Map<String, byte[]> assets;

    public Pages() {
        this.assets = Map.of("staff.css", resource("/web/staff.css"), "phone.css", resource("/web/phone.css"));
    }

    public void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /** {@code GET /assets/{file}}: the style sheets (no script exists to serve). */
    public void asset(Context ctx) {
        byte[] b = assets.get(ctx.pathParam("file"));
        if (b == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(b);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
