package org.onetrip.backoffice;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.onetrip.backoffice.open311.ApiError;
import org.onetrip.backoffice.open311.Jsons;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.phone.PhonePage;
import org.onetrip.backoffice.security.ClientAddress;
import org.onetrip.backoffice.security.RateLimiter;
import org.onetrip.backoffice.staff.StaffApi;
import org.onetrip.backoffice.staff.StaffPages;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.web.Pages;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's HTTP service on Javalin (Jetty): Open311 under {@code /open311/v2/}, the staff
 * API under {@code /staff/v1/}. Every error, ours or the server's (unknown path, wrong method, a body
 * over the limit, a failure inside), is answered as an Open311 error array.
 */
public final class BackOfficeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackOfficeServer.class);
    public static final String OPEN311 = "/open311/v2";

    /** {@code batch}: requests are answered with a token and numbered when staff first act on them. */
    public record Settings(String host, int port, long maxBodyBytes, ZoneId zone, boolean batch) {
        public static Settings loopback(int port) {
            return new Settings("127.0.0.1", port, 64 * 1024, ZoneId.of("Asia/Shanghai"), false);
        }

        public Settings withBatch(boolean b) {
            return new Settings(host, port, maxBodyBytes, zone, b);
        }
    }

    private final Javalin app;
    private final Settings settings;

    /**
     * {@code customize} may add to Javalin's configuration before the routes are set (e.g. a
     * request logger); null for none.
     */
    public BackOfficeServer(BackOfficeStore store, ServiceCatalog catalog, Settings settings, Consumer<JavalinConfig> customize) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Open311Api open311 = new Open311Api(store, catalog, settings.batch(), settings.zone());
        StaffApi staff = new StaffApi(store, open311, settings.zone());
        // The staff workspace and the resident's phone page (server-rendered, no script).
        StaffStore staffStore = new StaffStore(store.database(), java.time.Clock.systemUTC());
        Pages pages = new Pages();
        ClientAddress clients = new ClientAddress(java.util.Set.of());
        StaffPages staffPages = new StaffPages(store, staffStore, catalog, pages, settings.zone(),
                new RateLimiter(10, java.time.Duration.ofMinutes(15), 10_000, java.time.Clock.systemUTC()), clients);
        PhonePage phone = new PhonePage(store, staffStore, catalog, pages, settings.zone(),
                new RateLimiter(30, java.time.Duration.ofMinutes(1), 10_000, java.time.Clock.systemUTC()), clients);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            if (customize != null) {
                customize.accept(config);
            }
            config.routes.before(ctx -> {
                // Open311 speaks UTF-8; a form posted without a charset is read as UTF-8, not Latin-1.
                if (ctx.req().getCharacterEncoding() == null) {
                    ctx.req().setCharacterEncoding("UTF-8");
                }
                String length = ctx.header("Content-Length");
                if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > settings.maxBodyBytes()) {
                    throw new ApiError(413, "the body is larger than " + settings.maxBodyBytes() + " bytes");
                }
            });
            config.routes.get(OPEN311 + "/services.json", open311::services);
            config.routes.get(OPEN311 + "/services/{file}", open311::serviceDefinition);
            config.routes.post(OPEN311 + "/requests.json", open311::postRequest);
            config.routes.get(OPEN311 + "/requests.json", open311::getRequests);
            config.routes.get(OPEN311 + "/requests/{file}", open311::getRequest);
            config.routes.get(OPEN311 + "/tokens/{file}", open311::getToken);
            config.routes.post(OPEN311 + "/kiosks/{kiosk}/heartbeat.json", open311::heartbeat);
            config.routes.post("/staff/v1/requests/{id}/status", staff::changeStatus);
            config.routes.get("/staff/v1/requests/{id}", staff::getRequest);
            config.routes.get("/staff/v1/kiosks", staff::kiosks);
            config.routes.get("/assets/{file}", pages::asset);
            staffPages.routes(config);
            phone.routes(config);
            config.routes.exception(ApiError.class, (e, ctx) -> Jsons.error(ctx, e.status(), e.descriptions()));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    Jsons.error(ctx, e.getStatus(), List.of(e.getStatus() == 413 ? "the body is too large" : "refused")));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                Jsons.error(ctx, 500, List.of("the back office failed; try again later"));
            });
            for (int status : new int[] {404, 405, 413}) {
                config.routes.error(status, "*", ctx -> {
                    String body = ctx.result();
                    String type = ctx.res().getContentType();
                    boolean page = type != null && type.startsWith("text/html");
                    if (!page && (body == null || body.isEmpty() || !body.startsWith("["))) {
                        Jsons.error(ctx, status, List.of(status == 404 ? "no such resource"
                                : status == 405 ? "method not allowed here" : "the body is too large"));
                    }
                });
            }
        });
    }

    /** Starts listening; returns once the port is open. */
    public BackOfficeServer start() {
        app.start(settings.host(), settings.port());
        log.info("back office listening on http://{}:{}{}/", settings.host(), port(), OPEN311);
        return this;
    }

    /** The port listened on (the one chosen by the system when 0 was asked for). */
    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + settings.host() + ":" + port() + OPEN311 + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
