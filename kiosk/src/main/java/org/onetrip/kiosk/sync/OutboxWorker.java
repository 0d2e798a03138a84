package org.onetrip.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.Open311Catalog;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.request.OutboxEntry;
import org.onetrip.kiosk.request.OutboxState;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.request.RequestQueue.OpenRequest;
import org.onetrip.kiosk.request.RequestQueue.TokenToResolve;
import org.onetrip.kiosk.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves requests from the kiosk's outbox to the back office, and what the back office decides back
 * into the kiosk's history. One thread of its own ({@code backoffice-sync}): the touch flow only
 * ever commits to the store and never waits for the network.
 *
 * <p><b>Filing order.</b> The oldest pending request goes first and the next one only after it is
 * settled (delivered or parked). When the back office cannot be reached, or answers a passing
 * error, the worker waits (capped exponential backoff with jitter, {@link Backoff}) and tries the
 * same request again; its next attempt time is kept in the store, so a restarted kiosk waits out
 * the same backoff instead of hammering a back office that is down. A request that the back
 * office keeps answering 5xx for holds the queue: a server error is the server's to fix, and the
 * heartbeat shows the growing queue and its oldest request to the fleet view.
 *
 * <p><b>Exactly once.</b> Every POST carries {@code Idempotency-Key} = the request id, which never
 * changes, so an attempt whose answer was lost (timeout, dropped connection, a kiosk killed
 * mid-request) is simply sent again and the back office answers its first filing.
 *
 * <p><b>Refusals.</b> A request the back office refuses for what it is (400, unknown service) is
 * parked with the reason, not retried. A 403 (bad api key) or an address that is no Open311
 * endpoint would fail for every request: the worker stops and the back office shows
 * OFFLINE/CONFIGURATION_ERROR until the technician fixes the profile and restarts.
 *
 * <p>Also on this thread: tokens turned into ids, statuses of open requests refreshed in batches
 * ({@code requests.json?service_request_id=…&extensions=true}), the heartbeat, the catalogue
 * fetch into {@link CatalogCache}. Erasing personal data by age is not a sync duty: it runs on a
 * kiosk without a back office too ({@link org.onetrip.kiosk.privacy.RetentionEraser}).
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Instant ANY_TIME = Instant.parse("9999-12-31T23:59:59Z");
    /** Longest wait a server's Retry-After may ask for; past it the kiosk asks again anyway. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Ids per status request: keeps the URL well under the 8 KiB that common servers accept. */
    static final int STATUS_BATCH = 50;

    /** How often each duty runs. */
    public record Settings(Duration poll, Duration statusRefresh, Duration heartbeat, Duration catalogRefresh,
            int batchSize) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(6),
                    20);
        }
    }

    /** The kiosk's identity and devices for the heartbeat. */
    public record Identity(String kioskId, String appVersion, Supplier<Map<String, DeviceStatus>> devices,
            Supplier<List<Heartbeat.Alarm>> alarms) {

        public Identity(String kioskId, String appVersion, Supplier<Map<String, DeviceStatus>> devices) {
            this(kioskId, appVersion, devices, List::of);
        }
    }

    /** What one {@link #runOnce} did. */
    public record Report(int delivered, int parked, int failed, int tokensResolved, int statusesChanged,
            boolean stopped, long stillPending) {
    }

    private final RequestQueue queue;
    private final BackOffice backOffice;
    private final CatalogCache catalogCache;
    private final Supplier<ServiceCatalog> localCatalog;
    private final Clock clock;
    private final Backoff backoff;
    private final Settings settings;
    private final Identity identity;
    private final Listeners listener = new Listeners();
    /** The duties other than delivery whose last try failed (see {@link #answered}). */
    private final java.util.Set<String> failingDuties = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final DeviceStatusHolder health;
    private final Object signal = new Object();

    private volatile boolean running;
    private volatile boolean stopped;
    private boolean wakeRequested;
    private boolean heartbeatOffered = true;
    private Thread thread;
    private Instant nextStatusRefresh = Instant.MIN;
    private Instant nextHeartbeat = Instant.MIN;
    private Instant nextCatalog = Instant.MIN;
    /** When a status refresh last completed (the back office answered for every open request). */
    private volatile Instant statusesRefreshedAt;

    /** {@code catalogCache} may be null (no catalogue fetching); {@code localCatalog} gives the windows. */
    public OutboxWorker(RequestQueue queue, BackOffice backOffice, CatalogCache catalogCache, ServiceCatalog localCatalog,
            Clock clock, Backoff backoff, Settings settings, Identity identity) {
        this(queue, backOffice, catalogCache, constant(Objects.requireNonNull(localCatalog, "localCatalog")), clock, backoff,
                settings, identity);
    }

    /** As above, with the kiosk's own catalogue asked for at the first catalogue fetch (Wiring). */
    public OutboxWorker(RequestQueue queue, BackOffice backOffice, CatalogCache catalogCache,
            Supplier<ServiceCatalog> localCatalog, Clock clock, Backoff backoff, Settings settings,
            Identity identity) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.backOffice = Objects.requireNonNull(backOffice, "backOffice");
        this.catalogCache = catalogCache;
        this.localCatalog = Objects.requireNonNull(localCatalog, "localCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.health = new DeviceStatusHolder("backoffice",
                new DeviceStatus(DeviceState.UNKNOWN, StatusDetail.INITIALIZING, "not contacted yet", clock.instant()));
    }

    // ---------------------------------------------------------------------------------------------
    // Status, as every device reports it

    public String id() {
        return "backoffice";
    }

    public DeviceStatus status() {
        return health.get();
    }

    public void addStatusListener(Consumer<DeviceStatus> l) {
        health.addListener(l);
    }

    /** Called on the sync thread (or {@link #runOnce}'s caller) for each thing the worker does. */
    public void addListener(SyncListener l) {
        listener.all.add(l);
    }

    /**
     * Asks the back office once, in the calling thread (for {@code kiosk selftest}): a heartbeat,
     * whose answer tells reachable, api key accepted (or not), fleet view offered (or not).
     */
    public DeviceStatus probe() {
        if (runGuarded("reach the back office", this::sendHeartbeat)) {
            reachable();
        }
        return health.get();
    }

    /**
     * When the statuses in the store were last brought up to date from the back office (a refresh
     * that completed), for the status screen's "last updated"; empty before the first one.
     */
    public Optional<Instant> lastStatusRefresh() {
        return Optional.ofNullable(statusesRefreshedAt);
    }

    /** How often statuses are refreshed while the back office answers. */
    public Duration statusRefreshInterval() {
        return settings.statusRefresh();
    }

    /** True after a 403 or a wrong address: nothing more is sent until the kiosk restarts. */
    public boolean isStopped() {
        return stopped;
    }

    // ---------------------------------------------------------------------------------------------
    // The thread

    /** Starts the sync thread; returns at once. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "backoffice-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the wait of the sync thread, e.g. right after a filing, so the request goes out now. */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    /** Stops the thread, interrupting a call in flight (its request is sent again next time). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        log.info("sync with the back office started");
        while (running && !stopped) {
            Instant wakeAt;
            try {
                wakeAt = runDuties(false).wakeAt();
            } catch (RuntimeException e) {
                // The store failing (disk full…) must not end the thread: it is tried again later.
                log.error("sync pass failed; trying again in {}", settings.poll(), e);
                wakeAt = clock.instant().plus(settings.poll());
            }
            waitUntil(wakeAt);
        }
        log.info("sync with the back office {}", stopped ? "stopped: " + health.get() : "ended");
    }

    private void waitUntil(Instant wakeAt) {
        long ms = Math.max(0, Duration.between(clock.instant(), wakeAt).toMillis());
        ms = Math.min(ms, settings.poll().toMillis());
        synchronized (signal) {
            if (!wakeRequested && ms > 0 && running) {
                try {
                    signal.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One pass

    /**
     * Does everything once, in the calling thread: sends every pending request whose turn it is,
     * ignoring backoff waits ({@code kiosk sync --once}: the technician asks for it now), then
     * tokens, statuses, heartbeat and catalogue. Stops at the first request that could not
     * be delivered, to keep filing order.
     */
    public Report runOnce() {
        nextStatusRefresh = Instant.MIN;
        nextHeartbeat = Instant.MIN;
        nextCatalog = Instant.MIN;
        Pass p = runDuties(true);
        return new Report(p.delivered, p.parked, p.failed, p.tokensResolved, p.statusesChanged, stopped,
                queue.countsByOutboxState().get(OutboxState.PENDING));
    }

    private static final class Pass {
        int delivered;
        int parked;
        int failed;
        int tokensResolved;
        int statusesChanged;
        boolean reached;
        Instant wakeAt;

        Instant wakeAt() {
            return wakeAt;
        }
    }

    private Pass runDuties(boolean now) {
        Pass p = new Pass();
        p.wakeAt = deliver(p, now);
        Instant t = clock.instant();
        if (!stopped && !t.isBefore(nextStatusRefresh)) {
            if (runGuarded("refresh statuses", () -> {
                p.tokensResolved += resolveTokens();
                p.statusesChanged += refreshStatuses();
            })) {
                statusesRefreshedAt = t;
                nextStatusRefresh = t.plus(settings.statusRefresh());
            } else {
                nextStatusRefresh = t.plus(backoff.delay(1));
            }
        }
        if (!stopped && heartbeatOffered && !t.isBefore(nextHeartbeat)) {
            if (runGuarded("send the heartbeat", this::sendHeartbeat)) {
                answered(p);
            }
            nextHeartbeat = t.plus(settings.heartbeat());
        }
        if (!stopped && catalogCache != null && !t.isBefore(nextCatalog)) {
            boolean fetched = runGuarded("fetch the catalogue", this::fetchCatalogue);
            if (fetched) {
                answered(p);
            }
            nextCatalog = t.plus(fetched ? settings.catalogRefresh() : settings.statusRefresh());
        }
        Instant next = p.wakeAt;
        for (Instant i : List.of(nextStatusRefresh, nextHeartbeat)) {
            next = i.isBefore(next) ? i : next;
        }
        p.wakeAt = next;
        return p;
    }

    /**
     * Sends pending requests in filing order; returns when to look again: now when all went out
     * (new filings are picked up at the next poll), the head's next attempt time after a failure.
     */
    private Instant deliver(Pass p, boolean ignoreBackoff) {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            List<OutboxEntry> batch = queue.nextToSend(ANY_TIME, settings.batchSize());
            if (batch.isEmpty()) {
                if (p.reached) {
                    reachable();
                }
                return clock.instant().plus(settings.poll());
            }
            for (OutboxEntry e : batch) {
                Instant now = clock.instant();
                if (!ignoreBackoff && e.nextAttemptAt() != null && e.nextAttemptAt().isAfter(now)) {
                    return e.nextAttemptAt();
                }
                if (Thread.currentThread().isInterrupted()) {
                    return now;
                }
                SubmitOutcome outcome = backOffice.submit(e);
                now = clock.instant();
                if (outcome instanceof SubmitOutcome.Accepted a) {
                    if (a.serviceRequestId() != null) {
                        queue.markDelivered(e.requestId(), a.serviceRequestId(), now);
                    } else {
                        queue.markDeliveredAsToken(e.requestId(), a.token(), now);
                    }
                    p.delivered++;
                    listener.delivered(e.requestId(), a.serviceRequestId(), a.token(), a.replayed());
                    reachedOnce(p);
                } else if (outcome instanceof SubmitOutcome.Refused r) {
                    queue.park(e.requestId(), r.reason(), now);
                    p.parked++;
                    listener.parked(e.requestId(), r.reason());
                    reachedOnce(p);
                } else if (outcome instanceof SubmitOutcome.Misconfigured m) {
                    p.failed++;
                    queue.markAttemptFailed(e.requestId(), m.reason(), now);
                    stop(m.reason());
                    return now;
                } else if (outcome instanceof SubmitOutcome.Retry r) {
                    p.failed++;
                    Duration wait = backoff.delay(e.attempts() + 1);
                    if (r.retryAfter() != null && r.retryAfter().compareTo(wait) > 0) {
                        wait = r.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r.retryAfter();
                    }
                    Instant next = now.plus(wait);
                    queue.markAttemptFailed(e.requestId(), r.reason(), next);
                    listener.retrying(e.requestId(), r.reason(), next);
                    unreachable(r.reason() + "; next try at " + next.truncatedTo(ChronoUnit.SECONDS));
                    log.info("request {} not delivered (attempt {}); next try in {} ms", e.requestId(), e.attempts() + 1,
                            wait.toMillis());
                    return next;
                }
            }
        }
        return clock.instant();
    }

    /**
     * A heartbeat or a catalogue that went through is an answer too: a kiosk with nothing to send
     * (a new one, a quiet night) was otherwise "not contacted yet", or still offline after the
     * network came back, until a resident filed something. Not while a request's delivery is being
     * retried or another duty's last try failed: that failure is the status to see, until it
     * clears itself (a delivery or that duty going through).
     */
    private void answered(Pass p) {
        if (failingDuties.isEmpty() && !headDeliveryFailed()) {
            reachedOnce(p);
        }
    }

    /**
     * The oldest request waiting to be sent was tried and not answered "filed": the store keeps its
     * attempts (a delivery or a refusal takes it out of the outbox), so this holds across a restart
     * too, while the request waits out a backoff kept in the store.
     */
    private boolean headDeliveryFailed() {
        List<OutboxEntry> head = queue.nextToSend(ANY_TIME, 1);
        return !head.isEmpty() && head.get(0).attempts() > 0;
    }

    /** The status turns ONLINE at the first answer of a pass, not after each (it counts the queue). */
    private void reachedOnce(Pass p) {
        if (!p.reached) {
            p.reached = true;
            reachable();
        }
    }

    private int resolveTokens() {
        int resolved = 0;
        List<TokenToResolve> waiting = queue.unresolvedTokens(200);
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<String, String> ids = backOffice.resolveTokens(waiting.stream().map(TokenToResolve::token).toList());
        for (TokenToResolve t : waiting) {
            String id = ids.get(t.token());
            if (id != null) {
                queue.resolveToken(t.requestId(), id);
                listener.tokenResolved(t.requestId(), id);
                resolved++;
            }
        }
        return resolved;
    }

    private int refreshStatuses() {
        int changed = 0;
        long after = 0;
        while (true) {
            List<OpenRequest> page = queue.openRequests(after, STATUS_BATCH);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).seq();
            Map<String, OpenRequest> byId = new java.util.LinkedHashMap<>();
            page.forEach(o -> byId.put(o.serviceRequestId(), o));
            List<RemoteStatus> remote = backOffice.statuses(new ArrayList<>(byId.keySet()));
            reachable();
            for (RemoteStatus r : remote) {
                OpenRequest local = byId.get(r.serviceRequestId());
                if (local == null) {
                    continue; // the server answered an id that was not asked for
                }
                RequestStatus next = r.resolve(local.status());
                if (next != local.status()) {
                    queue.recordStatus(local.requestId(), next, r.notes(), r.updated() != null ? r.updated() : clock.instant());
                    listener.statusChanged(local.requestId(), local.status(), next);
                    changed++;
                }
            }
            if (page.size() < STATUS_BATCH) {
                break;
            }
        }
        return changed;
    }

    private void sendHeartbeat() {
        Map<OutboxState, Long> counts = queue.countsByOutboxState();
        List<OutboxEntry> head = queue.nextToSend(ANY_TIME, 1);
        Map<String, DeviceStatus> devices = new java.util.LinkedHashMap<>(identity.devices().get());
        devices.put(id(), health.get());
        try {
            backOffice.heartbeat(new Heartbeat(identity.kioskId(), identity.appVersion(), clock.instant(), devices,
                    counts.get(OutboxState.PENDING), counts.get(OutboxState.NEEDS_ATTENTION),
                    head.isEmpty() ? null : head.get(0).filedAt(), identity.alarms().get()));
            listener.heartbeat(true, "");
        } catch (BackOfficeException e) {
            if (e.kind() != BackOfficeException.Kind.NOT_OFFERED) {
                throw e;
            }
            heartbeatOffered = false;
            log.info("the back office has no fleet view (heartbeat answered 404); no more heartbeats");
            listener.heartbeat(false, "the back office has no fleet view");
        }
    }

    /**
     * Tells every added listener; one that throws is logged and does not stop the others. A class,
     * not a reflective proxy: the worker is made while the kiosk is wired, before the home screen,
     * and a proxy's class is generated at run time (issue 13, cold start). Every method of
     * {@link SyncListener} is passed on (OutboxWorkerListenersTest).
     */
    static final class Listeners implements SyncListener {
        final List<SyncListener> all = new java.util.concurrent.CopyOnWriteArrayList<>();

        private void each(String what, Consumer<SyncListener> call) {
            for (SyncListener l : all) {
                try {
                    call.accept(l);
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    // As the proxy before it did (an Error too, short of the JVM's own): one
                    // listener's bug never ends the sync's thread.
                    log.warn("sync listener failed on {}", what, e);
                }
            }
        }

        @Override
        public void delivered(UUID requestId, String serviceRequestId, String token, boolean replayed) {
            each("delivered", l -> l.delivered(requestId, serviceRequestId, token, replayed));
        }

        @Override
        public void parked(UUID requestId, String reason) {
            each("parked", l -> l.parked(requestId, reason));
        }

        @Override
        public void retrying(UUID requestId, String reason, Instant nextAttempt) {
            each("retrying", l -> l.retrying(requestId, reason, nextAttempt));
        }

        @Override
        public void stopped(String reason) {
            each("stopped", l -> l.stopped(reason));
        }

        @Override
        public void tokenResolved(UUID requestId, String serviceRequestId) {
            each("tokenResolved", l -> l.tokenResolved(requestId, serviceRequestId));
        }

        @Override
        public void statusChanged(UUID requestId, RequestStatus from, RequestStatus to) {
            each("statusChanged", l -> l.statusChanged(requestId, from, to));
        }

        @Override
        public void heartbeat(boolean sent, String note) {
            each("heartbeat", l -> l.heartbeat(sent, note));
        }

        @Override
        public void catalogue(int services, String note) {
            each("catalogue", l -> l.catalogue(services, note));
        }
    }

    private static Supplier<ServiceCatalog> constant(ServiceCatalog c) {
        return () -> c;
    }

    private void fetchCatalogue() {
        BackOffice.RemoteCatalog remote = backOffice.fetchCatalog();
        List<String> skipped = new ArrayList<>();
        ServiceCatalog own;
        try {
            own = localCatalog.get();
        } catch (RuntimeException e) {
            // Its windows place the back office's services; the build checks the bundled one, so
            // this is a broken jar or a file changed since the start. The cached catalogue stays.
            log.error("the kiosk's own catalogue is unusable, so the back office's cannot be placed in its windows: {}",
                    e.getMessage());
            listener.catalogue(0, "the kiosk's own catalogue is unusable: " + e.getMessage());
            return;
        }
        var tree = Open311Catalog.toCatalogFile(remote.serviceList(), remote.definitions(), own, skipped::add);
        skipped.forEach(s -> log.warn("catalogue from the back office: {} (left out)", s));
        ServiceCatalog parsed;
        try {
            parsed = new CatalogLoader().parse(tree, "the back office's catalogue");
        } catch (IllegalArgumentException e) {
            // Keep the last good one: a broken remote catalogue must never empty the kiosk.
            log.warn("the back office's catalogue is unusable; keeping the cached or bundled one: {}", e.getMessage());
            listener.catalogue(0, "unusable: " + e.getMessage());
            return;
        }
        catalogCache.save(tree.toString(), clock.instant());
        listener.catalogue(parsed.services().size(), skipped.isEmpty() ? "" : skipped.size() + " left out");
    }

    /** Runs a duty other than delivery; true when it went through. */
    private boolean runGuarded(String what, Runnable duty) {
        try {
            duty.run();
            failingDuties.remove(what);
            return true;
        } catch (BackOfficeException e) {
            failingDuties.add(what);
            if (e.kind() == BackOfficeException.Kind.MISCONFIGURED) {
                stop(e.getMessage());
            } else {
                log.info("could not {}: {}", what, e.getMessage());
                unreachable(e.getMessage());
            }
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void stop(String reason) {
        stopped = true;
        health.update(new DeviceStatus(DeviceState.OFFLINE, StatusDetail.CONFIGURATION_ERROR,
                reason + " (sync stopped; fix the profile and restart)", clock.instant()));
        log.error("sync with the back office stopped: configuration error; see the back office's status");
        listener.stopped(reason);
    }

    private void reachable() {
        Map<OutboxState, Long> counts = queue.countsByOutboxState();
        long parked = counts.get(OutboxState.NEEDS_ATTENTION);
        String message = counts.get(OutboxState.PENDING) + " waiting to be sent"
                + (parked > 0 ? ", " + parked + " refused, need attention (kiosk queue)" : "");
        health.update(new DeviceStatus(DeviceState.ONLINE, parked > 0 ? StatusDetail.REQUESTS_PARKED : StatusDetail.NONE,
                message, clock.instant()));
    }

    private void unreachable(String reason) {
        health.update(new DeviceStatus(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR, reason, clock.instant()));
    }
}
