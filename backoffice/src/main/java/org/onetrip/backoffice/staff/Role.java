package org.onetrip.backoffice.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff account may do. Window staff handle the requests of their windows; the patrol
 * brigade (综合巡查大队) handles hazard reports; a supervisor handles every request and sees the
 * statistics; an admin looks after accounts and kiosks and handles no request (and so sees no
 * personal data).
 */
public enum Role {
    WINDOW, PATROL, SUPERVISOR, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofWire(String s) {
        for (Role r : values()) {
            if (r.wire().equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
