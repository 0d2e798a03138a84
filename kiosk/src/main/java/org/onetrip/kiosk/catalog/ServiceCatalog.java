package org.onetrip.kiosk.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The centre's windows and services, as loaded from a catalogue file. Immutable. */
public final class ServiceCatalog {
    private final List<ServiceWindow> windows;
    private final Map<String, ServiceDefinition> services;

    public ServiceCatalog(List<ServiceWindow> windows, List<ServiceDefinition> services) {
        this.windows = List.copyOf(windows);
        for (int i = 0; i < this.windows.size(); i++) {
            for (int j = 0; j < i; j++) {
                ServiceWindow a = this.windows.get(j);
                ServiceWindow b = this.windows.get(i);
                if (a.code().equals(b.code())) {
                    throw new IllegalArgumentException("window code '" + b.code() + "' appears twice");
                }
                // The letter prefixes ticket numbers: two windows with one letter would share tickets.
                if (a.letter() == b.letter()) {
                    throw new IllegalArgumentException("windows '" + a.code() + "' and '" + b.code()
                            + "' share the letter " + b.letter());
                }
            }
        }
        Map<String, ServiceDefinition> m = new LinkedHashMap<>();
        for (ServiceDefinition s : services) {
            if (m.put(s.code(), s) != null) {
                throw new IllegalArgumentException("service code '" + s.code() + "' appears twice");
            }
            if (window(s.windowCode()).isEmpty()) {
                throw new IllegalArgumentException("service '" + s.code() + "' names unknown window '" + s.windowCode() + "'");
            }
        }
        this.services = m;
    }

    public List<ServiceWindow> windows() {
        return windows;
    }

    public Optional<ServiceWindow> window(String code) {
        return windows.stream().filter(w -> w.code().equals(code)).findFirst();
    }

    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    public List<ServiceDefinition> servicesOf(String windowCode) {
        return services.values().stream().filter(s -> s.windowCode().equals(windowCode)).toList();
    }

    /**
     * The service a resident books a village or community proxy agent with: the identify screen
     * offers it to a card that is no registered agent's (the resident needs one, not a refusal only).
     */
    public static final String PROXY_APPOINTMENT = "proxy-appointment";

    public Optional<ServiceDefinition> service(String code) {
        return Optional.ofNullable(services.get(code));
    }
}
