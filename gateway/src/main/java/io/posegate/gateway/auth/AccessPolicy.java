package io.posegate.gateway.auth;

import io.vertx.core.http.HttpMethod;

/**
 * Which role a request needs, decided by method and path alone so that no route can be forgotten:
 * reads need a viewer, everything else an admin. Open: {@code /health}, {@code /ready}, the login
 * routes ({@value #LOGIN}, {@value #LOGOUT}, {@value #SESSION}), the dashboard's static files (the app
 * shell holds no data), and {@code /metrics} when configured {@code open}.
 *
 * @param anonymous what a request without credentials may do, or null for nothing
 * @param metrics   the role {@code /metrics} needs, or null when open
 */
public record AccessPolicy(Role anonymous, Role metrics) {
    public static final String LOGIN = "/api/login";
    public static final String LOGOUT = "/api/logout";
    public static final String SESSION = "/api/session";

    /**
     * The role {@code method path} needs, or null when it is open to anyone. {@code path} is the path the router
     * matches routes by ({@code RoutingContext.normalizedPath()}); it is compared in its {@link #canonical} form,
     * since an exact route also answers its path with a trailing slash ({@code /metrics/}) or doubled slashes.
     */
    public Role required(HttpMethod method, String path) {
        String p = canonical(path);
        if (p.equals("/health") || p.equals("/ready") || p.equals(LOGIN) || p.equals(LOGOUT) || p.equals(SESSION)) {
            return null;
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (!read) {
            return Role.ADMIN;
        }
        if (p.equals("/metrics")) {
            return metrics;
        }
        boolean data = p.equals("/ws") || p.startsWith("/ws/") || p.equals("/api") || p.startsWith("/api/");
        return data ? Role.VIEWER : null;
    }

    /** {@code path} with every run of slashes made one and trailing slashes removed ({@code "/"} stays). */
    public static String canonical(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.replaceAll("/{2,}", "/");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Whether a request without credentials may do what {@code needed} allows. */
    public boolean anonymousMay(Role needed) {
        return needed == null || (anonymous != null && anonymous.covers(needed));
    }
}
