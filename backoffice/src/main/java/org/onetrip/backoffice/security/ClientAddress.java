package org.onetrip.backoffice.security;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The client's address, the key of the rate limits. Behind a reverse proxy every request comes
 * from the proxy, so the address the proxy saw is taken from {@code X-Forwarded-For}, but only when
 * the request really came from a proxy we trust (otherwise anyone could name any address): its
 * last entry, the one our proxy appended (nginx {@code $proxy_add_x_forwarded_for}).
 */
public final class ClientAddress {
    private final Set<String> trustedProxies;

    /** {@code trustedProxies}: the proxies' own addresses as the server sees them; empty when none. */
    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!trustedProxies.isEmpty() && trustedProxies.contains(peer)) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                int comma = forwarded.lastIndexOf(',');
                String last = forwarded.substring(comma + 1).strip();
                if (!last.isEmpty() && last.length() <= 64 && last.chars().allMatch(c -> Character.isLetterOrDigit(c)
                        || c == '.' || c == ':' || c == '[' || c == ']')) {
                    return last;
                }
            }
        }
        return peer;
    }

    /**
     * Whether the client reached us over TLS: on our own TLS listener, or through a trusted proxy
     * that terminated TLS and says so in {@code X-Forwarded-Proto} (nginx {@code $scheme}). A
     * stranger's header is ignored, as for the address.
     */
    public boolean secure(Context ctx) {
        if (ctx.req().isSecure()) {
            return true;
        }
        String peer = ctx.req().getRemoteAddr();
        return trustedProxies.contains(peer) && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
    }
}
