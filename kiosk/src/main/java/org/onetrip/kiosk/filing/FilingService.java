package org.onetrip.kiosk.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.FieldError;
import org.onetrip.kiosk.catalog.FormValidator;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.idcard.CardCheck;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.proxy.AgentCheck;
import org.onetrip.kiosk.proxy.AgentRegistry;
import org.onetrip.kiosk.proxy.ProxyAgent;
import org.onetrip.kiosk.request.FiledRequest;
import org.onetrip.kiosk.request.NewRequest;
import org.onetrip.kiosk.request.RequestQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one application service that files a request, for the touch flow and the command line
 * alike: validate against the catalogue, check the cards, commit to the store, and only then
 * return the ticket and the receipt to print.
 */
public final class FilingService {
    private static final Logger log = LoggerFactory.getLogger(FilingService.class);

    /** The centre's own words for receipts; from the profile. */
    public record CentreInfo(String kioskId, LocalizedText name, LocalizedText hours, String phone,
            String statusUrlBase) {
    }

    private final ServiceCatalog catalog;
    private final RequestQueue queue;
    private final ReceiptTokens tokens;
    private final CentreInfo centre;
    private final Clock clock;
    private final AgentRegistry agents;
    private final FormValidator validator;

    /** A filing service with no registered proxy agents: every proxy filing is refused. */
    public FilingService(ServiceCatalog catalog, RequestQueue queue, ReceiptTokens tokens, CentreInfo centre, Clock clock) {
        this(catalog, queue, tokens, centre, clock, AgentRegistry.empty());
    }

    public FilingService(ServiceCatalog catalog, RequestQueue queue, ReceiptTokens tokens, CentreInfo centre, Clock clock,
            AgentRegistry agents) {
        this.catalog = catalog;
        this.queue = queue;
        this.tokens = tokens;
        this.centre = centre;
        this.clock = clock;
        this.agents = agents;
        // Dates are judged on the kiosk's clock, the one the filing is stamped with.
        this.validator = new FormValidator(clock);
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The proxy agents registered at this kiosk: the identify screen asks them before filing does. */
    public AgentRegistry agents() {
        return agents;
    }

    /** Files {@code s}; the receipt is in {@code locale}, with {@code secondLocale} beneath when not null. */
    public Filing file(Submission s, Locale locale, Locale secondLocale) {
        ServiceDefinition service = catalog.service(s.serviceCode()).orElseThrow(() ->
                new FilingException(FilingException.Reason.UNKNOWN_SERVICE, "no service with code '" + s.serviceCode() + "'"));
        ServiceWindow window = catalog.window(service.windowCode()).orElseThrow();
        ProxyAgent registration = checkIdentities(service, s);
        List<FieldError> errors = validator.validate(service, s.values());
        if (!errors.isEmpty()) {
            throw FilingException.invalid(errors);
        }
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> personal = new LinkedHashMap<>();
        for (Attribute a : service.attributes()) {
            String v = s.values().get(a.code());
            if (v == null || v.isBlank()) {
                continue;
            }
            (a.personal() ? personal : plain).put(a.code(), v.strip());
        }
        if (registration != null) {
            // The registration, not the agent's ID number, names the agent to the back office.
            plain.put(ProxyAgent.REGISTRATION_ATTRIBUTE, registration.code());
            plain.put(ProxyAgent.VILLAGE_ATTRIBUTE, registration.village().zh());
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        NewRequest request = new NewRequest(UUID.randomUUID(), centre.kioskId(), service.code(), window.code(),
                window.letter(), day, now, tokens.next(), plain, personal,
                service.identity() == IdentityRequirement.NONE ? null : s.resident(),
                service.identity() == IdentityRequirement.PROXY ? s.agent() : null);
        FiledRequest filed;
        try {
            filed = queue.file(request);
        } catch (RuntimeException e) {
            log.error("store refused request {} for service {}", request.requestId(), service.code(), e);
            throw new FilingException(FilingException.Reason.STORE_FAILED, "the request could not be stored: " + e.getMessage(),
                    List.of(), e);
        }
        String statusUrl = centre.statusUrlBase() + filed.receiptToken();
        log.info("filed {} ticket {} service {}{}", filed.requestId(), filed.ticket(), service.code(),
                registration == null ? "" : " by proxy agent " + registration.code());
        Identity shown = request.resident();
        Receipt receipt = new Receipt(centre.name(), window.name(), filed.ticket(), service.name(),
                ZonedDateTime.ofInstant(filed.filedAt(), clock.getZone()), shown == null ? "" : shown.maskedName(),
                service.documents(), statusUrl, centre.hours(), centre.phone(), centre.kioskId(), locale, secondLocale,
                registration == null ? null : new Receipt.Agent(request.agent().maskedName(), registration.village()));
        return new Filing(filed, service, window, statusUrl, receipt);
    }

    /** The agent's registration for a proxy service, else null; throws when a card is missing or refused. */
    private ProxyAgent checkIdentities(ServiceDefinition service, Submission s) {
        LocalDate today = LocalDate.now(clock);
        switch (service.identity()) {
            case NONE -> {
                return null;
            }
            case RESIDENT -> {
                checkCard(s.resident(), "resident", today);
                return null;
            }
            case PROXY -> {
                checkCard(s.agent(), "proxy agent", today);
                AgentCheck agent = agents.check(s.agent(), today);
                if (!agent.accepted()) {
                    log.info("proxy filing refused: agent card {}: {}", s.agent().maskedIdNumber(), agent.refusal());
                    throw new FilingException(FilingException.Reason.AGENT_NOT_REGISTERED,
                            "the proxy agent's card is not accepted: " + describe(agent.refusal()));
                }
                checkCard(s.resident(), "resident", today);
                if (s.agent().idNumber().equals(s.resident().idNumber())) {
                    throw new FilingException(FilingException.Reason.IDENTITY_MISSING,
                            "the proxy agent and the resident must be two different people");
                }
                return agent.agent();
            }
        }
        throw new IllegalStateException("no identity check for " + service.identity());
    }

    private static String describe(AgentCheck.Refusal r) {
        return switch (r) {
            case NO_AGENTS -> "no proxy agents are registered at this kiosk (proxy.agents-file)";
            case NOT_REGISTERED -> "the card is not registered as a proxy agent's";
            case WRONG_CARD_TYPE -> "the agent is registered with another kind of card";
            case NAME_MISMATCH -> "the name on the card does not match the registration";
            case REGISTRATION_EXPIRED -> "the agent's registration has ended";
        };
    }

    private static void checkCard(Identity id, String who, LocalDate today) {
        if (id == null) {
            throw new FilingException(FilingException.Reason.IDENTITY_MISSING, "the " + who + "'s ID card has not been read");
        }
        CardCheck.Rejection r = CardCheck.check(id, today);
        if (r != null) {
            throw new FilingException(FilingException.Reason.CARD_REFUSED, "the " + who + "'s card is refused: " + r);
        }
    }
}
