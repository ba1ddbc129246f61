package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * A checked network URL pinned to the one address that was checked, so a DNS answer that changes
 * between the check and the connection (rebinding) cannot send the connection elsewhere.
 *
 * @param url       what to connect to: the original URL with the checked IP literal as host
 * @param address   the checked address
 * @param original  the URL as written, whose host name goes into the Host header and TLS checks
 */
public record ResolvedTarget(String url, InetAddress address, NetworkUrl original) {
    public ResolvedTarget {
        requireNonNull(url, "url is null");
        requireNonNull(address, "address is null");
        requireNonNull(original, "original is null");
    }

    /** True when the URL named a host (not a literal), so Host header and TLS name must be carried over. */
    public boolean namedHost() {
        return !original.host().startsWith("[") && IpLiterals.parse(original.host()).isEmpty();
    }
}
