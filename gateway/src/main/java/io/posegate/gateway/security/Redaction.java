package io.posegate.gateway.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides secrets before text leaves the process (API answers, {@code /ws} messages,
 * metrics labels) or reaches the log. Two kinds of secret are masked with {@value #MASK}:
 * <ul>
 *   <li>the password of a URL's userinfo ({@code rtsp://user:***@cam/}); a userinfo without a ':' is
 *       masked whole ({@code https://***@host/}), as it is often a token. The userinfo runs to the
 *       <em>last</em> '@' of the URL, so a password may hold '@', ':', '/', '?' or percent-escapes;</li>
 *   <li>the values of query parameters, fragment options and map entries whose names look like
 *       secrets ({@link SecretNames}), e.g. {@code ?token=***&user=ana}.</li>
 * </ul>
 * Masking errs towards hiding too much: text it cannot parse is masked, never shown. Pure functions,
 * thread-safe, no I/O; {@code null} stays {@code null}.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** A URL inside free text: a scheme, "://", then everything up to white space or a quote. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]*");
    /** {@code name=value} outside URLs, e.g. in FFmpeg's messages or option dumps. */
    private static final Pattern PAIR_IN_TEXT = Pattern.compile("([A-Za-z0-9_.%+-]+)=([^\\s&;\"']*)");

    private Redaction() {
    }

    /**
     * Redacts one URI or source string (a whole {@code source:} value): the userinfo up to the last '@'
     * whatever characters the password holds, and secret-named parameters. A {@code pipe:} command, or text
     * without "://", is treated as free text ({@link #text}).
     */
    public static String uri(String uri) {
        return stable(uri, Redaction::uriOnce);
    }

    private static String uriOnce(String uri) {
        if (uri == null) {
            return null;
        }
        int sep = uri.indexOf("://");
        if (sep < 0) {
            return pairs(uri);
        }
        if (uri.regionMatches(true, 0, "pipe:", 0, 5)) {
            // the command after "pipe:" is free text; the prefix is cut first, as "pipe://..." would match the
            // URL pattern of text() again and recurse without end (found by SourcePolicyFuzzTest)
            return uri.substring(0, 5) + text(uri.substring(5));
        }
        String head = uri.substring(0, sep + 3);
        String rest = uri.substring(sep + 3);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = userinfo(rest.substring(0, at)) + rest.substring(at);
        }
        return head + pairs(rest);
    }

    /** Redacts every URL and every secret-named {@code name=value} pair inside free text (log lines, errors). */
    public static String text(String text) {
        return stable(text, Redaction::textOnce);
    }

    /**
     * Applies one pass until the result no longer changes (at most 4 passes): masking can change where a URL
     * or its userinfo ends, so a second pass could find more to mask (found by SourcePolicyFuzzTest:
     * redaction must be idempotent).
     */
    private static String stable(String value, java.util.function.UnaryOperator<String> pass) {
        String current = value;
        for (int i = 0; i < 4; i++) {
            String next = pass.apply(current);
            if (next == null || next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static String textOnce(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(pairs(text.substring(last, m.start()))).append(uri(m.group()));
            last = m.end();
        }
        return out.append(pairs(text.substring(last))).toString();
    }

    /** The value to show for an option or setting called {@code name}: masked when the name looks secret. */
    public static String value(String name, String value) {
        if (value == null) {
            return null;
        }
        return SecretNames.isSecret(name) ? MASK : text(value);
    }

    private static String userinfo(String userinfo) {
        int colon = userinfo.indexOf(':');
        return colon < 0 ? MASK : userinfo.substring(0, colon + 1) + MASK;
    }

    private static String pairs(String s) {
        if (s.indexOf('=') < 0) {
            return s;
        }
        Matcher m = PAIR_IN_TEXT.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = SecretNames.isSecret(m.group(1)) ? m.group(1) + "=" + MASK : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
