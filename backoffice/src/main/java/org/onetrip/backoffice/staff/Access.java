package org.onetrip.backoffice.staff;

import java.util.Set;
import java.util.stream.Collectors;
import org.onetrip.backoffice.store.StaffStore.Account;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;

/**
 * Who may see and handle which request. Handling a request is what opens its personal data: a
 * role sees names, ID numbers and phone numbers only for the requests it may handle (and every such
 * view is written to the audit log, by the request page and by the staff API). An admin sees the
 * queue and a request's non-personal fields, and handles none.
 */
public final class Access {
    public static final String HAZARD_REPORT = "hazard-report";
    private final ServiceCatalog catalog;

    public Access(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    static Role role(Account a) {
        return Role.ofWire(a.role()).orElseThrow(() -> new IllegalStateException("account " + a.staffId() + " has no known role"));
    }

    /** The service codes whose requests {@code a} may see in the queue; null for every service. */
    public Set<String> visibleServices(Account a) {
        return switch (role(a)) {
            case SUPERVISOR, ADMIN -> null;
            case PATROL -> Set.of(HAZARD_REPORT);
            case WINDOW -> catalog.services().stream().filter(s -> a.windows().contains(s.windowCode()))
                    .map(ServiceDefinition::code).collect(Collectors.toUnmodifiableSet());
        };
    }

    public boolean maySee(Account a, String serviceCode) {
        Set<String> v = visibleServices(a);
        return v == null || v.contains(serviceCode);
    }

    /** May act on the request, and so see its personal data. */
    public boolean mayHandle(Account a, String serviceCode) {
        return role(a) != Role.ADMIN && maySee(a, serviceCode);
    }

    public boolean seesStatistics(Account a) {
        return role(a) == Role.SUPERVISOR || role(a) == Role.ADMIN;
    }

    public boolean managesAccounts(Account a) {
        return role(a) == Role.ADMIN;
    }

    public boolean seesFleet(Account a) {
        return role(a) == Role.SUPERVISOR || role(a) == Role.ADMIN;
    }
}
