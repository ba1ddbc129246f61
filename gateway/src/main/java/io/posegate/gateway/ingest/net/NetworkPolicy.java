package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses network sources from the API may reach. Everything in {@link BlockedRanges} is refused
 * unless allowed here, by range ({@code 192.168.1.0/24}) or by host name ({@code camera.lan}: the name as
 * written in the URL, whatever it resolves to). A cloud metadata endpoint is opened only by an allow entry
 * that is exactly its address, never by a wider range or a name. Sources from the config file are not
 * checked: the installer's config is trusted.
 *
 * @param ranges   allowed ranges
 * @param hosts    allowed host names, lower case, no trailing dot
 * @param resolver how host names become addresses
 */
public record NetworkPolicy(List<AddressRange> ranges, Set<String> hosts, HostResolver resolver) {
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");

    public NetworkPolicy {
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        hosts = Set.copyOf(requireNonNull(hosts, "hosts is null"));
        requireNonNull(resolver, "resolver is null");
    }

    /** Nothing internal allowed; the system resolver. */
    public static NetworkPolicy denyInternal() {
        return new NetworkPolicy(List.of(), Set.of(), HostResolver.SYSTEM);
    }

    /**
     * Parses allow entries: CIDR ranges, single addresses or host names.
     *
     * @throws IllegalArgumentException listing every bad entry
     */
    public static NetworkPolicy allowing(List<String> entries) {
        List<AddressRange> ranges = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (String e : entries) {
            String entry = e == null ? "" : e.trim();
            try {
                if (entry.contains("/") || IpLiterals.parse(bracketed(entry)).isPresent()) {
                    ranges.add(AddressRange.parse(entry));
                } else if (HOST_NAME.matcher(entry).matches()) {
                    hosts.add(normalHost(entry));
                } else {
                    errors.add("'" + entry + "' is neither a CIDR range, an address nor a host name");
                }
            } catch (IllegalArgumentException ex) {
                errors.add("'" + entry + "': " + ex.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new NetworkPolicy(ranges, hosts, HostResolver.SYSTEM);
    }

    public NetworkPolicy withResolver(HostResolver r) {
        return new NetworkPolicy(ranges, hosts, r);
    }

    /** True if {@code host} (as written in a URL, without brackets) is a syntactically valid DNS name. */
    public static boolean isHostName(String host) {
        return HOST_NAME.matcher(host.endsWith(".") ? host.substring(0, host.length() - 1) : host).matches();
    }

    /**
     * Why {@code address}, reached through {@code host}, is refused; empty if it is allowed.
     *
     * @param host the host as written in the URL (a name or a literal)
     */
    public Optional<String> refusal(String host, InetAddress address) {
        if (BlockedRanges.isMetadata(address)) {
            boolean exact = ranges.stream().anyMatch(r -> r.isSingleAddress() && r.contains(address));
            return exact ? Optional.empty() : Optional.of("cloud metadata address " + address.getHostAddress());
        }
        Optional<AddressRange> blocked = BlockedRanges.rangeOf(address);
        if (blocked.isEmpty() || hosts.contains(normalHost(host)) || ranges.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        return Optional.of(address.getHostAddress() + " is in the internal range " + blocked.get());
    }

    /**
     * True when {@code host} (as written in a URL, IPv6 in brackets) is itself on the allow list: a host name
     * listed as such, or an address literal inside an allowed range. Decided from the URL alone, resolving nothing.
     */
    public boolean allowsHost(String host) {
        if (hosts.contains(normalHost(host))) {
            return true;
        }
        try {
            Optional<InetAddress> literal = IpLiterals.parse(host);
            return literal.isPresent() && ranges.stream().anyMatch(r -> r.contains(literal.get()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String bracketed(String entry) {
        return entry.contains(":") && !entry.startsWith("[") ? "[" + entry + "]" : entry;
    }
}
