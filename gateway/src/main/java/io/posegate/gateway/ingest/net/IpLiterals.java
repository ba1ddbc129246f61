package io.posegate.gateway.ingest.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of IP address literals in URL hosts, with the forms the C library (and so FFmpeg)
 * accepts: IPv4 as one to four parts, each decimal, octal ({@code 0177}) or hex ({@code 0x7f}), the last
 * part filling the remaining bytes ({@code 2130706433}, {@code 0x7f000001}, {@code 127.1}); IPv6 in
 * brackets, including IPv4-mapped ({@code [::ffff:127.0.0.1]}). A host whose last label is a number
 * must be a valid IPv4 literal, so {@code 1.2.3.999} is refused instead of being sent to DNS. Zone ids
 * ({@code %eth0}) are refused. Never does I/O.
 */
public final class IpLiterals {
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9A-Fa-f]*");

    private IpLiterals() {
    }

    /**
     * @param host the host as written in the URL (IPv6 with its brackets), one trailing dot allowed
     * @return the address if {@code host} is an IP literal, empty if it is a name
     * @throws IllegalArgumentException if it looks like an address but is not a valid one
     */
    public static Optional<InetAddress> parse(String host) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new IllegalArgumentException("unclosed '[' in host");
            }
            return Optional.of(ipv6(host.substring(1, host.length() - 1)));
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int dot = h.lastIndexOf('.');
        if (!NUMBER.matcher(h.substring(dot + 1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(ipv4(h));
    }

    private static InetAddress ipv6(String inner) {
        if (!IPV6_CHARS.matcher(inner).matches() || inner.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
        try {
            return InetAddress.getByName("[" + inner + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
    }

    private static InetAddress ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("not an IPv4 address: more than four parts");
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = part(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (part > max) {
                throw new IllegalArgumentException("not an IPv4 address: part " + (i + 1) + " is out of range");
            }
            value = last ? (value << (8 * (4 - i))) | part : (value << 8) | part;
        }
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** One inet_aton part: decimal, 0-prefixed octal or 0x-prefixed hex; stops counting past 2^32. */
    private static long part(String p) {
        int radix = 10;
        String digits = p;
        if (p.length() > 1 && (p.startsWith("0x") || p.startsWith("0X"))) {
            radix = 16;
            digits = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("not an IPv4 address: empty part");
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                throw new IllegalArgumentException("not an IPv4 address: bad digit in '" + p + "'");
            }
            v = v * radix + d;
            if (v > 0xFFFF_FFFFL) {
                return v;
            }
        }
        return v;
    }

    /** The literal to put in a URL for {@code a}: dotted IPv4, or bracketed IPv6. */
    public static String urlHost(InetAddress a) {
        String text = a.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return a instanceof java.net.Inet6Address ? "[" + text + "]" : text;
    }
}
