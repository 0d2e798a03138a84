package org.onetrip.kiosk.session;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.proxy.ProxyAgent;

/**
 * Everything one resident's visit holds in memory: the chosen service, the cards read, the form's
 * values and the filing. {@link #wipe()} drops all of it; the screens that showed it are rebuilt,
 * so nothing personal outlives the visit. Used on the JavaFX thread only.
 */
public final class ResidentSession {
    private ServiceDefinition service;
    private Identity agent;
    private ProxyAgent agentRegistration;
    private Identity resident;
    private final Map<String, String> values = new LinkedHashMap<>();
    private Filing filing;
    private long visit;
    /** The elders' mode (长辈模式): chosen on the home screen, ended with the visit by {@link #end()}. */
    private final ReadOnlyBooleanWrapper elders = new ReadOnlyBooleanWrapper(this, "elders");

    public ServiceDefinition service() {
        return service;
    }

    /** Starts a new request for {@code s}; anything from an earlier service is dropped. */
    public void begin(ServiceDefinition s) {
        wipe();
        service = s;
    }

    public Identity agent() {
        return agent;
    }

    /** The registration the agent's card matched, or null before an agent is accepted. */
    public ProxyAgent agentRegistration() {
        return agentRegistration;
    }

    /** The agent's card, accepted because it matched {@code registration}. */
    public void setAgent(Identity agent, ProxyAgent registration) {
        this.agent = agent;
        this.agentRegistration = registration;
    }

    public Identity resident() {
        return resident;
    }

    public void setResident(Identity resident) {
        this.resident = resident;
    }

    /** The form's values by attribute code; live, so the form writes into it. */
    public Map<String, String> values() {
        return values;
    }

    public Filing filing() {
        return filing;
    }

    public void setFiling(Filing filing) {
        this.filing = filing;
    }

    /** True when anything personal or half-entered is held. */
    public boolean isEmpty() {
        return service == null && agent == null && resident == null && values.isEmpty() && filing == null;
    }

    /**
     * The number of this visit, bumped by every {@link #wipe()}: lets per-visit limits (status
     * look-ups) tell visits apart without keeping anything about who made them.
     */
    public long visit() {
        return visit;
    }

    /**
     * Larger text, fewer items, plainer words, doubled time limits (issue 12). Not personal, so
     * {@link #wipe()} (a new service within the visit) keeps it; only {@link #end()} drops it.
     */
    public ReadOnlyBooleanProperty eldersProperty() {
        return elders.getReadOnlyProperty();
    }

    public boolean elders() {
        return elders.get();
    }

    public void setElders(boolean on) {
        elders.set(on);
    }

    /** The visit is over (Finish, Home, the idle timeout, a fault): wiped, and the elders' mode ends. */
    public void end() {
        wipe();
        elders.set(false);
    }

    public void wipe() {
        visit++;
        service = null;
        agent = null;
        agentRegistration = null;
        resident = null;
        values.clear();
        filing = null;
    }
}
