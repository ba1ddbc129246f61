package io.posegate.gateway.auth;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a gateway answers to, checked against each request's {@code Host} header so that a DNS
 * rebinding page (a foreign name pointing at this address) is refused. Always the bind address; on a
 * loopback bind also {@code localhost}, {@code 127.0.0.1} and {@code ::1}; on a wildcard bind
 * ({@code 0.0.0.0}, {@code ::}) every local interface address and this machine's host name; plus the
 * configured {@code http.allowedHosts} ({@code *} turns the check off).
 */
public final class ServedHosts {
    private final Set<String> names;
    private final boolean any;

    private ServedHosts(Set<String> names, boolean any) {
        this.names = Collections.unmodifiableSet(names);
        this.any = any;
    }

    public static ServedHosts of(String bindHost, List<String> allowed) {
        Set<String> n = new TreeSet<>();
        n.add(normalize(bindHost));
        if (isLoopback(bindHost) || isWildcard(bindHost)) {
            n.addAll(List.of("localhost", "127.0.0.1", "::1"));
        }
        if (isWildcard(bindHost)) {
            addInterfaces(n);
        }
        allowed.forEach(a -> n.add(normalize(a)));
        return new ServedHosts(n, n.contains("*"));
    }

    /** Whether {@code host} (a Host header's name, without port) is served here. */
    public boolean serves(String host) {
        return any || (host != null && names.contains(normalize(host)));
    }

    public Set<String> names() {
        return names;
    }

    /** Whether binding {@code host} listens on loopback only. */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("*");
    }

    private static void addInterfaces(Set<String> n) {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    n.add(normalize(a.getHostAddress()));
                }
            }
            InetAddress self = InetAddress.getLocalHost();
            n.add(normalize(self.getHostName()));
            n.add(normalize(self.getCanonicalHostName()));
        } catch (SocketException | UnknownHostException e) {
            // the names found so far and the configured ones still apply
        }
    }

    static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        if (zone > 0 && h.contains(":")) {
            h = h.substring(0, zone);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
