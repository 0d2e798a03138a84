package org.onetrip.kiosk.status;

import java.time.Instant;
import java.util.Optional;

/**
 * How current the kiosk's copy of request statuses is. The back-office link reports when it last
 * brought them up to date; without one (no {@code backoffice.url}, or before its first contact)
 * the kiosk only knows what it recorded itself, and the status screen says so.
 */
@FunctionalInterface
public interface StatusFreshness {

    /** When the kiosk last received statuses from the back office; empty when it never has. */
    Optional<Instant> lastSync();

    /** No back-office link: the kiosk's own record is all there is. */
    StatusFreshness NO_BACK_OFFICE = Optional::empty;
}
