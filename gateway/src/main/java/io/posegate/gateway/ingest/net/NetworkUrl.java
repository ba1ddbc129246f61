package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A network URL split the way FFmpeg splits it: the authority ends at the first '/', '?' or '#' after
 * {@code ://}; the userinfo runs to the authority's last '@'; the port follows the host's ':'. Strict:
 * control characters, white space, backslashes and '%' in the host are refused, and the port must be
 * 1..65535.
 *
 * @param scheme   lower-case scheme as given to FFmpeg ({@code http}, {@code rtsp}, ...)
 * @param userinfo {@code user:password} or null
 * @param host     host as written (IPv6 with brackets)
 * @param port     the port, or -1 when absent
 * @param rest     path, query and fragment, starting with '/', '?' or '#', or empty
 */
public record NetworkUrl(String scheme, String userinfo, String host, int port, String rest) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");
    private static final Pattern HOST_CHARS = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");

    public NetworkUrl {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(host, "host is null");
        requireNonNull(rest, "rest is null");
    }

    /** @throws IllegalArgumentException saying what is malformed (never echoing the userinfo) */
    public static NetworkUrl parse(String url) {
        requireNonNull(url, "url is null");
        int sep = url.indexOf("://");
        if (sep <= 0 || !SCHEME.matcher(url.substring(0, sep)).matches()) {
            throw new IllegalArgumentException("not a network URL (scheme://host/...)");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("URL contains a control character, white space or backslash");
            }
        }
        String after = url.substring(sep + 3);
        int end = 0;
        while (end < after.length() && "/?#".indexOf(after.charAt(end)) < 0) {
            end++;
        }
        String authority = after.substring(0, end);
        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in the URL's host");
            }
            host = hostPort.substring(0, close + 1);
            String tail = hostPort.substring(close + 1);
            if (!tail.isEmpty()) {
                if (!tail.startsWith(":")) {
                    throw new IllegalArgumentException("unexpected text after the URL's IPv6 host");
                }
                portText = tail.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !HOST_CHARS.matcher(host).matches()) {
            throw new IllegalArgumentException("the URL's host is missing or has characters a host cannot have");
        }
        return new NetworkUrl(url.substring(0, sep), userinfo, host, port(portText), after.substring(end));
    }

    private static int port(String text) {
        if (text == null) {
            return -1;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("the URL's port must be 1..65535");
        }
        return Integer.parseInt(text);
    }

    /** The same URL with {@code literal} (an IP literal for a URL, see {@link IpLiterals#urlHost}) as host. */
    public String withHost(String literal) {
        return scheme + "://" + (userinfo == null ? "" : userinfo + "@") + literal + (port < 0 ? "" : ":" + port) + rest;
    }

    /** {@code host[:port]} as a Host header carries it. */
    public String hostHeader() {
        return host + (port < 0 ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return io.posegate.gateway.security.Redaction.uri(withHost(host));
    }
}
