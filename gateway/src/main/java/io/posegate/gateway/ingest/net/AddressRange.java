package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}), or one address ({@code 192.168.1.20} = /32).
 * IPv4 and IPv6 ranges never contain each other's addresses.
 *
 * @param network the range's first address (host bits are cleared)
 * @param prefix  the number of leading bits that must match
 */
public record AddressRange(InetAddress network, int prefix) {
    public AddressRange {
        requireNonNull(network, "network is null");
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix must be 0.." + bits + ", got " + prefix);
        }
        network = masked(network, prefix);
    }

    /**
     * Parses {@code ADDRESS[/PREFIX]}; the address is a plain dotted IPv4 or an IPv6 literal (with or
     * without brackets).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AddressRange parse(String text) {
        requireNonNull(text, "text is null");
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        String host = addr.contains(":") && !addr.startsWith("[") ? "[" + addr + "]" : addr;
        InetAddress a = IpLiterals.parse(host).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' is not an address or CIDR range"));
        int bits = a.getAddress().length * 8;
        if (slash < 0) {
            return new AddressRange(a, bits);
        }
        String p = text.substring(slash + 1);
        if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
            throw new IllegalArgumentException("'" + text + "' has a bad prefix length; expected 0.." + bits);
        }
        return new AddressRange(a, Integer.parseInt(p));
    }

    public boolean contains(InetAddress a) {
        byte[] mine = network.getAddress();
        byte[] other = a.getAddress();
        return mine.length == other.length && Arrays.equals(mine, masked(a, prefix).getAddress());
    }

    /** True for a single address (/32 or /128). */
    public boolean isSingleAddress() {
        return prefix == network.getAddress().length * 8;
    }

    private static InetAddress masked(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            b[i] &= (byte) (0xFF00 >> keep);
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
