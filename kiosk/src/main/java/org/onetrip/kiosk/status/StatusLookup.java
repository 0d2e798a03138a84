package org.onetrip.kiosk.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.request.RequestStatus;
import org.onetrip.kiosk.request.StatusChange;
import org.onetrip.kiosk.request.StoredRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a scanned code with where its request stands: checks the token's signature (in constant
 * time, without the store), then finds the request in the store and makes the report the status
 * screen and {@code kiosk status} show.
 *
 * <p>Look-ups are limited per visit against enumeration ({@link Limits}): after
 * {@link Limits#maxRejectedPerVisit()} codes that were not recognised, or
 * {@link Limits#maxLookupsPerVisit()} look-ups in all, the visit gets {@link StatusAnswer.TooManyTries}
 * without any check, and so does every visit for {@link Limits#pause()} after a visit reached the
 * rejection limit (someone pressing Home between tries gains nothing). A visit is named by a
 * number the caller bumps when the kiosk goes home; nothing about the resident is kept.
 *
 * <p>Thread-safe; the store is read on the caller's thread (never the JavaFX thread). Logs name
 * requests by id and ticket and scanned codes by length only: a token is a bearer secret.
 */
public final class StatusLookup {
    private static final Logger log = LoggerFactory.getLogger(StatusLookup.class);

    /**
     * How many look-ups a visit may make. {@link #KIOSK}: three unrecognised codes (a resident may
     * hold up the wrong slip twice), ten look-ups in all, then one minute's pause for everyone.
     */
    public record Limits(int maxRejectedPerVisit, int maxLookupsPerVisit, Duration pause) {
        public static final Limits KIOSK = new Limits(3, 10, Duration.ofSeconds(60));
        /** The technician's command line: no limit (it can read the store anyway). */
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);

        public Limits {
            if (maxRejectedPerVisit < 1 || maxLookupsPerVisit < 1 || pause.isNegative()) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private final ReceiptTokens tokens;
    private final RequestQueue queue;
    private final ServiceCatalog catalog;
    private final String urlBase;
    private final StatusFreshness freshness;
    private final Clock clock;
    private final Limits limits;

    // Guarded by this.
    private long visit = Long.MIN_VALUE;
    private int lookups;
    private int rejected;
    private Instant pausedUntil = Instant.MIN;

    public StatusLookup(ReceiptTokens tokens, RequestQueue queue, ServiceCatalog catalog, String urlBase,
            StatusFreshness freshness, Clock clock, Limits limits) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.urlBase = Objects.requireNonNull(urlBase, "urlBase");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The answer to {@code scanned} (a receipt URL or a bare token) within visit number {@code visit}. */
    public synchronized StatusAnswer lookUp(String scanned, long visit) {
        Instant now = clock.instant();
        if (visit != this.visit) {
            this.visit = visit;
            lookups = 0;
            rejected = 0;
        }
        if (now.isBefore(pausedUntil)) {
            log.info("status look-up refused: paused after too many unrecognised codes");
            return new StatusAnswer.TooManyTries(pausedUntil);
        }
        if (rejected >= limits.maxRejectedPerVisit() || lookups >= limits.maxLookupsPerVisit()) {
            log.info("status look-up refused: this visit made {} look-ups, {} not recognised", lookups, rejected);
            return new StatusAnswer.TooManyTries(now.plus(limits.pause()));
        }
        lookups++;
        Optional<String> token = tokens.tokenFrom(scanned, urlBase);
        Optional<StoredRequest> found;
        try {
            found = token.flatMap(queue::findByToken);
        } catch (RuntimeException e) {
            log.error("status look-up failed: the store could not be read", e);
            return new StatusAnswer.Unavailable();
        }
        if (found.isEmpty()) {
            rejected++;
            // Whether the signature was good is not logged either: the log says as little as the screen.
            log.info("status look-up: a code of {} characters was not recognised ({} of {} in this visit)",
                    scanned == null ? 0 : scanned.length(), rejected, limits.maxRejectedPerVisit());
            if (rejected >= limits.maxRejectedPerVisit() && !limits.pause().isZero()) {
                pausedUntil = now.plus(limits.pause());
                log.warn("status look-ups paused for {} s: {} unrecognised codes in one visit",
                        limits.pause().toSeconds(), rejected);
            }
            return new StatusAnswer.NotRecognised();
        }
        StoredRequest r = found.get();
        log.info("status look-up: request {} ticket {} is {}", r.requestId(), r.ticket(), r.status().wire());
        return new StatusAnswer.Found(report(r, now));
    }

    private StatusReport report(StoredRequest r, Instant now) {
        Optional<ServiceDefinition> service = catalog.service(r.serviceCode());
        Optional<ServiceWindow> window = catalog.window(r.windowCode() == null
                ? service.map(ServiceDefinition::windowCode).orElse("") : r.windowCode());
        List<StatusReport.Step> steps = new ArrayList<>();
        Instant latest = r.filedAt();
        String note = null;
        for (StatusChange c : r.history()) {
            steps.add(new StatusReport.Step(c.at(), c.status()));
            if (c.at().isAfter(latest)) {
                latest = c.at();
            }
            // The note of the change into the current state: an earlier state's note is out of date.
            if (c.status() == r.status()) {
                note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
            }
        }
        Optional<Instant> synced = freshness.lastSync();
        boolean live = synced.isPresent() && !synced.get().isBefore(now.minus(freshness.freshFor()));
        // The later of the last contact and the kiosk's own last record (filing, or a status it received).
        Instant recorded = latest;
        Instant lastUpdated = synced.filter(s -> s.isAfter(recorded)).orElse(recorded);
        // The service's usual list only while staff ask for more, beside their note. Waiting, in
        // progress or done, there is nothing to bring, and the list would read "come now with these".
        List<LocalizedText> usual = r.status() == RequestStatus.NEEDS_DOCUMENTS
                ? service.map(ServiceDefinition::documents).orElse(List.of()) : List.of();
        return new StatusReport(r.requestId(), r.ticket(), r.serviceCode(),
                service.map(ServiceDefinition::name).orElse(LocalizedText.of(r.serviceCode(), r.serviceCode())),
                window.map(ServiceWindow::code).orElse(r.windowCode()),
                window.map(ServiceWindow::name).orElse(null),
                r.filedAt(), r.maskedName(), r.status(), steps, note, usual,
                service.map(x -> !x.documents().isEmpty()).orElse(false), live, lastUpdated);
    }
}
