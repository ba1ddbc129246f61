package io.posegate.gateway.ingest.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addresses that sources from the API may not reach unless the config allows them: loopback,
 * unspecified, private (RFC 1918, IPv6 ULA), carrier-grade NAT, link-local, multicast, reserved and
 * benchmark ranges, and the cloud metadata endpoints inside them. Java reads IPv4-mapped IPv6
 * ({@code ::ffff:a.b.c.d}) as the IPv4 address itself. An IPv6 address that embeds an IPv4
 * one (IPv4-mapped, -compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by its IPv4 address too.
 */
public final class BlockedRanges {
    /** Cloud instance-metadata endpoints: opened only by an allow entry naming exactly that address. */
    public static final List<AddressRange> METADATA = ranges("169.254.169.254", "fd00:ec2::254", "100.100.100.200",
            "192.0.0.192");

    private static final List<AddressRange> BLOCKED = ranges(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "fe80::/10", "fec0::/10", "fc00::/7", "ff00::/8");

    private BlockedRanges() {
    }

    /** The blocked range holding {@code a} (or the IPv4 address it embeds), if any. */
    public static Optional<AddressRange> rangeOf(InetAddress a) {
        for (AddressRange r : BLOCKED) {
            if (r.contains(a)) {
                return Optional.of(r);
            }
        }
        return embeddedIpv4(a).flatMap(BlockedRanges::rangeOf);
    }

    public static boolean isMetadata(InetAddress a) {
        return METADATA.stream().anyMatch(r -> r.contains(a)) || embeddedIpv4(a).map(BlockedRanges::isMetadata).orElse(false);
    }

    /** The IPv4 address inside an IPv4-compatible, IPv4-mapped, NAT64 or 6to4 IPv6 address. */
    static Optional<InetAddress> embeddedIpv4(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = a.getAddress();
        int from;
        if (allZero(b, 0, 10) && (allZero(b, 10, 12) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
            from = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B && allZero(b, 4, 12)) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(AddressRange::parse).toList();
    }
}
