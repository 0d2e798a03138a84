package org.onetrip.kiosk.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.filing.FilingService;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.proxy.AgentRegistry;
import org.onetrip.kiosk.proxy.ProxyAgent;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.request.StoredRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket lost to a crash is given back. The store commits a filing before its ticket appears and
 * records when the ticket did appear ({@link RequestQueue#acknowledgeReceipt}); a kiosk killed in
 * between (power cut, kill -9, watchdog) leaves a filing nobody saw. At start, the newest such
 * filing younger than {@code recovery.window-s} is offered on the first screen, so the resident
 * who is still standing there does not file twice. Older ones are left alone: whoever filed them
 * has gone, and a stranger must not be shown them.
 */
public final class ReceiptRecovery {
    private static final Logger log = LoggerFactory.getLogger(ReceiptRecovery.class);

    /**
     * How the acknowledgement came: the done screen, the printer, the command line, the recovery
     * screen, or a filing that committed after its visit ended (nobody is there to see it, and the
     * next person must not be shown it after a restart).
     */
    public static final String SHOWN_ON_SCREEN = "screen";
    public static final String PRINTED = "printed";
    public static final String WRITTEN_BY_CLI = "cli";
    public static final String RECOVERED = "recovered";
    public static final String ABANDONED = "abandoned";

    private final RequestQueue queue;
    private final ServiceCatalog catalog;
    private final FilingService.CentreInfo centre;
    private final Duration window;
    private final Clock clock;
    private final Instant startedAt;
    private final AgentRegistry agents;

    /** {@code window} zero switches recovery off. A kiosk without proxy agents. */
    public ReceiptRecovery(RequestQueue queue, ServiceCatalog catalog, FilingService.CentreInfo centre, Duration window,
            Clock clock) {
        this(queue, catalog, centre, window, clock, AgentRegistry.empty());
    }

    /** {@code agents}: the registrations, to print a proxy filing's agent again as the filing did. */
    public ReceiptRecovery(RequestQueue queue, ServiceCatalog catalog, FilingService.CentreInfo centre, Duration window,
            Clock clock, AgentRegistry agents) {
        this.agents = agents;
        this.queue = queue;
        this.catalog = catalog;
        this.centre = centre;
        this.window = window;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /**
     * The receipt to offer at start, if a filing of the last {@code window} before this object was
     * made was never shown. Only filings before the start count, so a resident's filing on its way
     * to the done screen is never mistaken for a lost one.
     */
    public Optional<RecoveredReceipt> atStart() {
        if (window.isZero()) {
            return Optional.empty();
        }
        Optional<StoredRequest> lost = queue.newestUnacknowledged(startedAt.minus(window), startedAt);
        lost.ifPresent(r -> log.warn("ticket {} (request {}) was filed at {} but never shown; offering it again",
                r.ticket(), r.requestId(), r.filedAt()));
        return lost.map(this::recovered);
    }

    /**
     * A filing of this run whose ticket never reached the screen (the screen failed on the way and
     * the kiosk went out of service): offered like one lost to a crash.
     */
    public Optional<RecoveredReceipt> unshown(java.util.UUID requestId) {
        return window.isZero() ? Optional.empty() : queue.find(requestId).map(this::recovered);
    }

    /** Whether {@code r} is still to be offered: not after its window. */
    public boolean stillOffered(RecoveredReceipt r) {
        return clock.instant().isBefore(r.offeredUntil());
    }

    /** The resident has it now (seen, printed or dismissed): it is not offered again, here or after a restart. */
    public void acknowledge(RecoveredReceipt r, String how) {
        acknowledge(r.requestId(), how);
    }

    /** The ticket of {@code requestId} reached the resident ({@code how}: one of the constants above). */
    public void acknowledge(java.util.UUID requestId, String how) {
        queue.acknowledgeReceipt(requestId, clock.instant(), how);
    }

    /** The receipt to print again, as the done screen would have printed it. */
    public Receipt receipt(RecoveredReceipt r, Locale locale, Locale secondLocale) {
        return new Receipt(centre.name(), r.windowName() == null ? LocalizedText.of("", "") : r.windowName(),
                r.ticket(), r.serviceName(), ZonedDateTime.ofInstant(r.filedAt(), clock.getZone()), r.maskedName(),
                r.documents(), r.statusUrl(), centre.hours(), centre.phone(), centre.kioskId(), locale, secondLocale,
                r.agent());
    }

    private RecoveredReceipt recovered(StoredRequest r) {
        ServiceDefinition service = catalog.service(r.serviceCode()).orElse(null);
        // The catalogue may have changed since the filing; the ticket still stands.
        LocalizedText serviceName = service == null ? LocalizedText.of(r.serviceCode(), r.serviceCode()) : service.name();
        ServiceWindow w = r.windowCode() == null ? null : catalog.window(r.windowCode()).orElse(null);
        List<LocalizedText> documents = service == null ? List.of() : service.documents();
        return new RecoveredReceipt(r.requestId(), r.ticket(), serviceName, w == null ? null : w.name(), r.filedAt(),
                centre.statusUrlBase() + r.receiptToken(), r.maskedName(), documents, r.filedAt().plus(window), agent(r));
    }

    /**
     * The proxy agent a filing names (its registration code and village are stored with it; the
     * agent's card is not), as the filing's receipt printed them: the masked name from the
     * registration. A registration since removed still prints its village, without a name.
     */
    private Receipt.Agent agent(StoredRequest r) {
        String code = r.attributes().get(ProxyAgent.REGISTRATION_ATTRIBUTE);
        if (code == null) {
            return null;
        }
        Optional<ProxyAgent> registered = agents.byCode(code);
        if (registered.isPresent()) {
            return new Receipt.Agent(registered.get().maskedName(), registered.get().village());
        }
        String village = r.attributes().getOrDefault(ProxyAgent.VILLAGE_ATTRIBUTE, "");
        return new Receipt.Agent("", LocalizedText.of(village, village));
    }
}
