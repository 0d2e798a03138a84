package org.onetrip.kiosk.proxy;

/**
 * What the registry says about a card offered as a proxy agent's: accepted with its registration,
 * or refused for a reason the identify screen words for the person at the kiosk.
 * {@code agent} is the registration concerned, or null when no registration matched.
 */
public record AgentCheck(ProxyAgent agent, Refusal refusal) {

    public enum Refusal {
        /** The kiosk has no registered agents at all: proxy filing is not offered here. */
        NO_AGENTS,
        /** No registration for this card. */
        NOT_REGISTERED,
        /** A registration for this person, made with another kind of card. */
        WRONG_CARD_TYPE,
        /** The card's number is registered, but under another name. */
        NAME_MISMATCH,
        /** The registration ran out. */
        REGISTRATION_EXPIRED
    }

    public static AgentCheck accepted(ProxyAgent agent) {
        return new AgentCheck(agent, null);
    }

    public static AgentCheck refused(Refusal why, ProxyAgent agent) {
        return new AgentCheck(agent, why);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
