package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cross-site and rebinding checks, run before authentication on every request:
 * <ul>
 *   <li>{@code Host} must be a name the gateway serves ({@link ServedHosts}), else 403;</li>
 *   <li>on every state-changing request and on a WebSocket handshake, {@code Origin}, when present, must be
 *       this same scheme, host and port or one of {@code http.allowedOrigins}; {@code Origin: null} is refused (403);</li>
 *   <li>POST, PUT and PATCH need {@code Content-Type: application/json} (415), and a DELETE may carry no other type;</li>
 *   <li>every answer carries a Content-Security-Policy with {@code script-src 'self'} and no framing.</li>
 * </ul>
 */
public final class CrossSiteGuard implements Handler<RoutingContext> {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final ServedHosts hosts;
    private final Set<String> origins;

    public CrossSiteGuard(ServedHosts hosts, List<String> allowedOrigins) {
        this.hosts = requireNonNull(hosts, "hosts is null");
        this.origins = allowedOrigins.stream().map(CrossSiteGuard::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer");
        HostAndPort authority = req.authority();
        if (authority == null || !hosts.serves(authority.host())) {
            AuthHandler.refuse(ctx, 403, authority == null ? "a Host header is required"
                    : "Host '" + authority.host() + "' is not a name this gateway serves; add it to http.allowedHosts");
            return;
        }
        boolean changes = changesState(req.method());
        if (changes || isUpgrade(req)) {
            String origin = req.getHeader("Origin");
            if (origin != null && !originAllowed(origin, req)) {
                AuthHandler.refuse(ctx, 403, "Origin '" + origin + "' may not " + (changes ? "change state" : "open /ws")
                        + " here; allowed: this same origin, or http.allowedOrigins");
                return;
            }
        }
        String type = req.getHeader("Content-Type");
        boolean needsJson = req.method() == HttpMethod.POST || req.method() == HttpMethod.PUT || req.method() == HttpMethod.PATCH
                || (req.method() == HttpMethod.DELETE && type != null);
        if (needsJson && !isJson(type)) {
            AuthHandler.refuse(ctx, 415, "state-changing requests need Content-Type: application/json, got "
                    + (type == null ? "none" : "'" + type + "'"));
            return;
        }
        ctx.next();
    }

    /** Whether a request with this method changes state (anything but GET, HEAD, OPTIONS). */
    public static boolean changesState(HttpMethod m) {
        return m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS;
    }

    private boolean originAllowed(String origin, HttpServerRequest req) {
        String o = normalizeOrigin(origin);
        if (o.equals("null")) {
            return false;
        }
        if (origins.contains(o)) {
            return true;
        }
        String self = (req.isSSL() ? "https" : "http") + "://" + req.authority().host().toLowerCase(Locale.ROOT);
        int port = req.authority().port();
        int dflt = req.isSSL() ? 443 : 80;
        return o.equals(self + (port < 0 || port == dflt ? "" : ":" + port)) || (port == dflt && o.equals(self + ":" + port));
    }

    private static boolean isUpgrade(HttpServerRequest req) {
        String u = req.getHeader("Upgrade");
        return u != null && u.equalsIgnoreCase("websocket");
    }

    private static boolean isJson(String type) {
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().equalsIgnoreCase("application/json");
    }

    private static String normalizeOrigin(String o) {
        String s = o.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
