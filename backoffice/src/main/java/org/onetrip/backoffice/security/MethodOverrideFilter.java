package org.onetrip.backoffice.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Hides {@code X-HTTP-Method-Override} (and its {@code X-HTTP-Method}, {@code X-Method-Override}
 * cousins) from everything behind it. Javalin's {@code Context.method()} honours that header, so a
 * plain POST, which a cross-site form may send, could be routed as DELETE or PUT; and a proxy
 * that filters by method would see one method while we ran another. A request here is the method
 * on its request line.
 */
public final class MethodOverrideFilter implements Filter {
    static final List<String> HIDDEN = List.of("x-http-method-override", "x-http-method", "x-method-override");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && HIDDEN.stream().anyMatch(h -> http.getHeader(h) != null)) {
            chain.doFilter(new Hiding(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Hiding extends HttpServletRequestWrapper {
        Hiding(HttpServletRequest r) {
            super(r);
        }

        private static boolean hidden(String name) {
            return name != null && HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
        }
    }
}
