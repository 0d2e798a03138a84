package org.onetrip.kiosk.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How current the kiosk's copy of request statuses is. The back-office sync reports when it last
 * brought them up to date; without one (no {@code backoffice.url}, or before its first contact)
 * the kiosk only knows what it recorded itself, and the status screen says so.
 */
@FunctionalInterface
public interface StatusFreshness {

    /** Statuses refreshed longer ago than this by default count as the last known ones, not current. */
    Duration DEFAULT_FRESH_FOR = Duration.ofMinutes(15);

    /** When the kiosk last received statuses from the back office; empty when it never has. */
    Optional<Instant> lastSync();

    /** How long after {@link #lastSync()} statuses still count as current (a few missed refreshes). */
    default Duration freshFor() {
        return DEFAULT_FRESH_FOR;
    }

    /** No back-office link: the kiosk's own record is all there is. */
    StatusFreshness NO_BACK_OFFICE = Optional::empty;
}
