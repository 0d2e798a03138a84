package org.onetrip.kiosk.proxy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onetrip.kiosk.idcard.Identity;

/**
 * The village proxy agents (代办员) registered at this kiosk. A proxy service accepts only a card
 * that matches a registration, the same rule on the touch screen and on the command line. The
 * card must first pass {@link org.onetrip.kiosk.idcard.CardCheck} (not expired, right check
 * character): the registry answers only whether its holder may file for others.
 */
public final class AgentRegistry {
    private final List<ProxyAgent> agents;

    public AgentRegistry(List<ProxyAgent> agents) {
        this.agents = List.copyOf(agents);
    }

    /** No agents: every proxy filing is refused (a kiosk whose profile names no agents file). */
    public static AgentRegistry empty() {
        return new AgentRegistry(List.of());
    }

    public List<ProxyAgent> agents() {
        return agents;
    }

    public boolean isEmpty() {
        return agents.isEmpty();
    }

    /** Whether {@code card} may be the agent's card on {@code today}. */
    public AgentCheck check(Identity card, LocalDate today) {
        if (agents.isEmpty()) {
            return AgentCheck.refused(AgentCheck.Refusal.NO_AGENTS, null);
        }
        String number = normalise(card.idNumber());
        for (ProxyAgent a : agents) {
            if (!a.idNumber().matches(number)) {
                continue;
            }
            if (a.cardType() != card.cardType()) {
                return AgentCheck.refused(AgentCheck.Refusal.WRONG_CARD_TYPE, a);
            }
            if (!a.name().matches(normaliseName(card.name()))) {
                return AgentCheck.refused(AgentCheck.Refusal.NAME_MISMATCH, a);
            }
            if (!a.validOn(today)) {
                return AgentCheck.refused(AgentCheck.Refusal.REGISTRATION_EXPIRED, a);
            }
            return AgentCheck.accepted(a);
        }
        // The number is not registered. The same name registered with another kind of card is
        // most likely the same person holding the wrong card (a foreign permanent resident card
        // renewed in the 2023 layout gets a new number); say which card to use.
        String name = normaliseName(card.name());
        for (ProxyAgent a : agents) {
            if (a.cardType() != card.cardType() && a.name().matches(name)) {
                return AgentCheck.refused(AgentCheck.Refusal.WRONG_CARD_TYPE, a);
            }
        }
        return AgentCheck.refused(AgentCheck.Refusal.NOT_REGISTERED, null);
    }

    /** The registration by its code. */
    public Optional<ProxyAgent> byCode(String code) {
        return agents.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** ID numbers are compared in upper case ({@code x} as read by some readers is {@code X}). */
    static String normalise(String idNumber) {
        return idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** Names without surrounding or doubled spaces (cards pad the name field with spaces). */
    static String normaliseName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "AgentRegistry[" + agents.size() + " agents]";
    }
}
