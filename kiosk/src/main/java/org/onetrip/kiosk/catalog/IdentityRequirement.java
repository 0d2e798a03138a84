package org.onetrip.kiosk.catalog;

/** Which ID cards a service needs before its form opens. */
public enum IdentityRequirement {
    /** Anonymous: e.g. a hazard report. */
    NONE,
    /** The resident's own card. */
    RESIDENT,
    /** A village proxy agent files for a resident: the agent's card, then the resident's. */
    PROXY
}
