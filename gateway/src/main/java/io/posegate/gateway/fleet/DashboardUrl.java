package io.posegate.gateway.fleet;

import io.posegate.gateway.config.FleetConfig;
import io.posegate.gateway.config.GatewayConfig;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The address of a box's own dashboard that the box publishes in its meta, for the hub's link: the configured
 * {@code fleet.dashboardUrl} as it is, else built from the HTTP settings. The scheme is {@code https} when the box
 * serves TLS; an IPv6 literal is bracketed. A wildcard bind ({@code 0.0.0.0}, {@code ::}) is no address a browser
 * can open, so the host is then the first {@code http.allowedHosts} name (the box serves it), else the local
 * address this box reaches the broker from (a wildcard bind serves every local address), else the host name.
 */
final class DashboardUrl {
    private DashboardUrl() {
    }

    /** The URL for a gateway of {@code config} listening on {@code port}, reporting to {@code fleet}'s broker. May block (DNS). */
    static String of(FleetConfig fleet, GatewayConfig config, int port) {
        return of(fleet.dashboardUrl(), config.http().host(), port, config.security().tls() != null,
                config.security().allowedHosts(), () -> localAddressToward(fleet.broker()));
    }

    /**
     * @param configured   {@code fleet.dashboardUrl}, or null
     * @param bindHost     {@code http.host}
     * @param allowedHosts {@code http.allowedHosts}
     * @param reachable    the local address toward the broker, or null; asked only for a wildcard bind
     */
    static String of(String configured, String bindHost, int port, boolean tls, List<String> allowedHosts,
                     Supplier<String> reachable) {
        if (configured != null) {
            return configured;
        }
        String host = bindHost;
        if (isWildcard(host)) {
            host = allowedHosts.stream().filter(h -> !h.equals("*")).findFirst().orElse(null);
            if (host == null) {
                host = reachable.get();
            }
            if (host == null || isWildcard(host)) {
                host = hostName();
            }
        }
        return (tls ? "https" : "http") + "://" + bracketed(host) + ":" + port + "/";
    }

    /**
     * The local address the system would send from to reach {@code broker}'s host (a UDP socket is connected,
     * which picks the route and sends nothing), or null when that cannot be told.
     */
    static String localAddressToward(String broker) {
        try (DatagramSocket s = new DatagramSocket()) {
            URI u = new URI(broker);
            s.connect(new InetSocketAddress(InetAddress.getByName(u.getHost()), u.getPort()));
            InetAddress local = s.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                return null;
            }
            String a = local.getHostAddress();
            // a zone id is only meaningful on this host; a scoped address loses it in a URL anyway
            return local instanceof Inet6Address && a.contains("%") ? a.substring(0, a.indexOf('%')) : a;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isWildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("*");
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
