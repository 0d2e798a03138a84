package org.onetrip.backoffice;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.onetrip.backoffice.open311.ApiError;
import org.onetrip.backoffice.open311.Format;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.phone.PhonePage;
import org.onetrip.backoffice.security.ClientAddress;
import org.onetrip.backoffice.security.MethodOverrideFilter;
import org.onetrip.backoffice.security.RateLimiter;
import org.onetrip.backoffice.staff.Access;
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
 * over the limit, a failure inside), is answered as an Open311 error array, in XML when the path
 * asks for XML. Headers every answer carries are set here, in one place (see {@link #headers}).
 */
public final class BackOfficeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackOfficeServer.class);
    public static final String OPEN311 = "/open311/v2";
    /**
     * Pages: nothing from elsewhere, no script at all, no inline style, no framing, forms post here
     * only. The pages ship no script (charts are SVG drawn on the server), so none is allowed, not
     * even from this server: {@code default-src 'none'} covers scripts and connections.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

    /** An HTTPS listener beside the plain one: a PKCS#12 key store with the centre's certificate. */
    public record Tls(String host, int port, Path keyStore, String password) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * {@code batch}: requests are answered with a token and numbered when staff first act on them.
     * {@code tls}: null for none. {@code trustedProxies}: reverse proxies whose X-Forwarded-For is
     * believed (see {@link ClientAddress}).
     */
    public record Settings(String host, int port, long maxBodyBytes, ZoneId zone, boolean batch, Tls tls,
            Set<String> trustedProxies, Open311Api.Discovery discovery) {
        public Settings {
            trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
            discovery = discovery == null ? Open311Api.Discovery.DEFAULT : discovery;
        }

        public static Settings loopback(int port) {
            return new Settings("127.0.0.1", port, 64 * 1024, ZoneId.of("Asia/Shanghai"), false, null, Set.of(), null);
        }

        public Settings withBatch(boolean b) {
            return new Settings(host, port, maxBodyBytes, zone, b, tls, trustedProxies, discovery);
        }

        public Settings withPort(int p) {
            return new Settings(host, p, maxBodyBytes, zone, batch, tls, trustedProxies, discovery);
        }

        public Settings withTls(Tls t) {
            return new Settings(host, port, maxBodyBytes, zone, batch, t, trustedProxies, discovery);
        }

        public Settings withTrustedProxies(Set<String> proxies) {
            return new Settings(host, port, maxBodyBytes, zone, batch, tls, proxies, discovery);
        }
    }

    /** Wrong api keys: 10 at once from one address, then one a minute (RateLimiter's bucket). */
    static final int FAILED_KEY_BURST = 10;
    static final Duration FAILED_KEY_PERIOD = Duration.ofMinutes(10);

    private Javalin app;
    private final Settings settings;
    private ServerConnector tlsConnector;

    /**
     * {@code customize} may add to Javalin's configuration before the routes are set (e.g. a
     * request logger); null for none.
     */
    public BackOfficeServer(BackOfficeStore store, ServiceCatalog catalog, Settings settings, Consumer<JavalinConfig> customize) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        RateLimiter failedKeys = new RateLimiter(FAILED_KEY_BURST, FAILED_KEY_PERIOD, 10_000, Clock.systemUTC());
        Open311Api open311 = new Open311Api(store, catalog, settings.batch(), settings.zone(), failedKeys, clients,
                settings.discovery());
        // The staff workspace and the resident's phone page (server-rendered, no script).
        StaffStore staffStore = new StaffStore(store, Clock.systemUTC());
        // The staff API under the pages' rules: the same Access, audit log and Workflow.
        StaffApi staff = new StaffApi(store, staffStore, new Access(catalog), open311, settings.zone());
        Pages pages = new Pages();
        StaffPages staffPages = new StaffPages(store, staffStore, catalog, pages, settings.zone(),
                new RateLimiter(10, java.time.Duration.ofMinutes(15), 10_000, java.time.Clock.systemUTC()), clients);
        PhonePage phone = new PhonePage(store, staffStore, catalog, pages, settings.zone(),
                new RateLimiter(30, java.time.Duration.ofMinutes(1), 10_000, java.time.Clock.systemUTC()), clients);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new MethodOverrideFilter()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            if (settings.tls() != null) {
                // Jetty in Javalin opens its own plain connector only when none is configured: both are ours then.
                config.jetty.addConnector((server, http) -> {
                    ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(http));
                    plain.setHost(settings.host());
                    plain.setPort(settings.port());
                    return plain;
                });
                config.jetty.addConnector((server, http) -> tlsConnector = tlsConnector(server, http, settings.tls()));
            }
            if (customize != null) {
                customize.accept(config);
            }
            config.routes.before(ctx -> {
                headers(ctx);
                // Open311 speaks UTF-8; a form posted without a charset is read as UTF-8, not Latin-1.
                if (ctx.req().getCharacterEncoding() == null) {
                    ctx.req().setCharacterEncoding("UTF-8");
                }
                String length = ctx.header("Content-Length");
                if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > settings.maxBodyBytes()) {
                    throw new ApiError(413, "the body is larger than " + settings.maxBodyBytes() + " bytes");
                }
            });
            config.routes.after(BackOfficeServer::pageHeaders);
            for (Format f : Format.values()) {
                String ext = "." + f.extension();
                config.routes.get(OPEN311 + "/discovery" + ext, ctx -> open311.discovery(ctx, f));
                config.routes.get(OPEN311 + "/services" + ext, ctx -> open311.services(ctx, f));
                config.routes.get(OPEN311 + "/requests" + ext, ctx -> open311.getRequests(ctx, f));
                config.routes.post(OPEN311 + "/requests" + ext, ctx -> open311.postRequest(ctx, f));
            }
            config.routes.get(OPEN311 + "/services/{file}", open311::serviceDefinition);
            config.routes.get(OPEN311 + "/requests/{file}", open311::getRequest);
            config.routes.get(OPEN311 + "/tokens/{file}", open311::getToken);
            config.routes.post(OPEN311 + "/kiosks/{kiosk}/heartbeat.json", open311::heartbeat);
            config.routes.post("/staff/v1/requests/{id}/status", staff::changeStatus);
            config.routes.get("/staff/v1/requests/{id}", staff::getRequest);
            config.routes.get("/staff/v1/kiosks", staff::kiosks);
            config.routes.get("/assets/{file}", pages::asset);
            staffPages.routes(config);
            phone.routes(config);
            config.routes.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                }
                Format.error(ctx, e.status(), e.descriptions());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (aborted(e)) {
                    clientWentAway(ctx);
                    return;
                }
                Format.error(ctx, e.getStatus(), List.of(switch (e.getStatus()) {
                    case 404 -> "no such resource";
                    case 405 -> "method not allowed here";
                    case 413 -> "the body is too large";
                    default -> "refused";
                }));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (aborted(e)) {
                    clientWentAway(ctx);
                    return;
                }
                // The path may hold a token or a receipt's: only its first segments are logged.
                log.error("{} {} failed", ctx.method(), loggable(ctx.path()), e);
                Format.error(ctx, 500, List.of("the back office failed; try again later"));
            });
            for (int status : new int[] {404, 405, 413}) {
                config.routes.error(status, "*", ctx -> {
                    if (status == 405) {
                        ctx.header("Allow", allowed(ctx.path()));
                    }
                    String body = ctx.result();
                    String type = ctx.res().getContentType();
                    boolean page = type != null && type.startsWith("text/html");
                    if (!page && (body == null || body.isEmpty() || !(body.startsWith("[") || body.startsWith("<?xml")))) {
                        Format.error(ctx, status, List.of(status == 404 ? "no such resource"
                                : status == 405 ? "method not allowed here" : "the body is too large"));
                    }
                });
            }
        });
    }

    /**
     * On every answer: no MIME sniffing, no referrer (the phone page's URL holds a receipt token), and
     * no caching anywhere but the public catalogue and discovery: everything else may be personal.
     */
    static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        String p = ctx.path();
        boolean publicCatalogue = ctx.method() == HandlerType.GET && (p.startsWith(OPEN311 + "/services")
                || p.startsWith(OPEN311 + "/discovery."));
        ctx.header("Cache-Control", publicCatalogue ? "public, max-age=300" : "no-store");
        if ("https".equals(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** On HTML answers (the staff and phone pages): a strict Content-Security-Policy, no framing. */
    static void pageHeaders(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Frame-Options", "DENY");
        }
    }

    /** The methods a path is served with, for 405's {@code Allow} (RFC 9110 §15.5.6). */
    private String allowed(String path) {
        List<String> methods = new ArrayList<>();
        for (HandlerType m : METHODS) {
            if (!app.unsafe.internalRouter.findHttpHandlerEntries(m, path).isEmpty()) {
                methods.add(m.name());
            }
        }
        return String.join(", ", methods);
    }

    /** A client that closed the connection in the middle of its body: Jetty's EofException somewhere in the chain. */
    private static boolean aborted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("Early EOF"))) {
                return true;
            }
        }
        return false;
    }

    private static void clientWentAway(Context ctx) {
        log.info("{} {}: the client closed the connection during its upload", ctx.method(), loggable(ctx.path()));
        ctx.status(400);
    }

    /** A path for a log line: tokens and ids past the second segment under the API root are cut. */
    static String loggable(String path) {
        String[] parts = path.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            sb.append('/');
            String part = parts[i];
            sb.append(i <= 3 || part.length() <= 12 ? part : "…");
        }
        return sb.toString();
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http, Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        https.setSecureScheme("https");
        https.setSecurePort(tls.port());
        // The certificate's host name need not match the address a kiosk uses on a centre's LAN.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(tls.host());
        c.setPort(tls.port());
        return c;
    }

    /** Starts listening; returns once the port is open. */
    public BackOfficeServer start() {
        app.start(settings.host(), settings.port());
        log.info("back office listening on http://{}:{}{}/", settings.host(), port(), OPEN311);
        if (tlsConnector != null) {
            log.info("and on https://{}:{}{}/", settings.tls().host(), tlsPort(), OPEN311);
        }
        return this;
    }

    /** The plain HTTP port listened on (the one chosen by the system when 0 was asked for). */
    public int port() {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c != tlsConnector && c instanceof ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        return app.port();
    }

    /** The HTTPS port, -1 without TLS. */
    public int tlsPort() {
        return tlsConnector == null ? -1 : tlsConnector.getLocalPort();
    }

    public String baseUrl() {
        return "http://" + settings.host() + ":" + port() + OPEN311 + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
