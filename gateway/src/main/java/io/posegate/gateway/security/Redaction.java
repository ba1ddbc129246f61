package io.posegate.gateway.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides secrets before text leaves the process (API answers, {@code /ws} messages,
 * metrics labels) or reaches the log. Three kinds of secret are masked with {@value #MASK}:
 * <ul>
 *   <li>the password of a URL's userinfo ({@code rtsp://user:***@cam/}); a userinfo without a ':' is
 *       masked whole ({@code https://***@host/}), as it is often a token. The userinfo runs to the
 *       <em>last</em> '@' of the URL, so a password may hold '@', ':', '/', '?' or percent-escapes;</li>
 *   <li>the values of query parameters, fragment options and map entries whose names look like
 *       secrets ({@link SecretNames}), e.g. {@code ?token=***&user=ana};</li>
 *   <li>password fields some cameras put inside one path segment or parameter, after a '/', '?', '&amp;', ';'
 *       or '_' ({@code /user=admin_password=***_channel=1} of XMEye, {@code &loginpas=***} of Foscam).</li>
 * </ul>
 * In free text ({@link #text}) a URL normally ends at white space, a quote, '&lt;', '&gt;' or a backtick; while its
 * host has not begun (no '/' after "://" yet) it runs on to the last '@' before the next '/' of the line, so a
 * password holding such a character is still masked whole.
 * <p>
 * Masking errs towards hiding too much: text it cannot parse is masked, never shown. Pure functions,
 * thread-safe, no I/O; {@code null} stays {@code null}.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** A URL inside free text: a scheme, "://", then everything up to white space or a quote. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]*");
    /** The host, port and path of a URL in free text, after the '@' that ends its userinfo. */
    private static final Pattern AFTER_USERINFO = Pattern.compile("[^\\s\"'<>`]*");
    /**
     * A camera's password field wherever it starts a parameter or follows '_' inside one: the value runs to the
     * next '&', ';', '/', '?', '#', white space, or '_' that starts another {@code name=} field.
     */
    private static final Pattern CAMERA_PASSWORD = Pattern.compile(
            "(?i)(?<=[/?&;_])(password|passwd|pwd|pass|psw|pswd|loginpass?|passphrase)=(.*?)(?=_[a-z][a-z0-9]*=|[&;/?#\\s]|$)");
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
        while (last < text.length() && m.find(last)) {
            int end = urlEnd(text, m.start(), m.end());
            out.append(pairs(text.substring(last, m.start()))).append(uri(text.substring(m.start(), end)));
            last = end;
        }
        return out.append(pairs(text.substring(last))).toString();
    }

    /**
     * Where the URL found at {@code start..end} of free text ends: at {@code end}, unless its host has not begun
     * (no '/' after "://") and an '@' follows before the next '/' on the same line. Then the password held a
     * quote, white space, '&lt;', '&gt;' or a backtick, and the URL runs on past the last such '@' to its host and path.
     */
    private static int urlEnd(String text, int start, int end) {
        int authority = text.indexOf("://", start) + 3;
        if (text.lastIndexOf('/', end - 1) >= authority) {
            return end;
        }
        int at = -1;
        for (int i = end; i < text.length(); i++) { // stops at the next '/', at the latest the one of a next "://"
            char c = text.charAt(i);
            if (c == '/' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '@') {
                at = i;
            }
        }
        if (at < 0) {
            return end;
        }
        Matcher host = AFTER_USERINFO.matcher(text).region(at + 1, text.length());
        return host.lookingAt() ? host.end() : at + 1;
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
        s = CAMERA_PASSWORD.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + MASK));
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
