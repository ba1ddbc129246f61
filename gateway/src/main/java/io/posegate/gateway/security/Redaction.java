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
 * In free text ({@link #text}) a URL normally ends at white space, a quote, '&lt;', '&gt;' or a backtick. When its
 * password held such a character the URL runs on, on the same line and before the next "://", to the first '@'
 * that is followed by a host and a '/' or ":port"; failing that to the first '@' followed by a host and white
 * space, a quote or the line's end, if the part cut off does not already look like {@code host:port} and holds
 * no such '@' itself. Either way the text before the URL's first ':' must not hold '/', '?' or '#'.
 * Free text is scanned in linear time (no backtracking over long runs of letters or pairs).
 * <p>
 * Masking errs towards hiding too much: text it cannot parse is masked, never shown. Pure functions,
 * thread-safe, no I/O; {@code null} stays {@code null}.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /**
     * A camera's password field wherever it starts a parameter or follows '_' inside one: the value runs to the
     * next '&', ';', '/', '?', '#', white space, or '_' that starts another {@code name=} field.
     */
    private static final Pattern CAMERA_PASSWORD = cameraPassword("&;/?#\\s");
    /**
     * The same in free text, where the value also ends at a quote, '&lt;', '&gt;', a backtick, ',', '}' or ']':
     * {@code {"note":"see /a?password=abc","id":"s1"}} masks {@code abc} only, not the rest of the line.
     */
    private static final Pattern CAMERA_PASSWORD_IN_TEXT = cameraPassword("&;/?#\\s\"'<>`,}\\]");
    /**
     * {@code name=value} outside URLs, e.g. in FFmpeg's messages or option dumps. The name starts where a run of
     * name characters starts and is taken possessively, so a long run without '=' is read once, not once per start.
     */
    private static final Pattern PAIR_IN_TEXT = Pattern.compile("(?<![A-Za-z0-9_.%+-])([A-Za-z0-9_.%+-]++)=([^\\s&;\"']*+)");

    private static Pattern cameraPassword(String ends) {
        return Pattern.compile("(?i)(?<=[/?&;_])(password|passwd|pwd|pass|psw|pswd|loginpass?|passphrase)=(.*?)(?=_[a-z][a-z0-9]*=|["
                + ends + "]|$)");
    }

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
            return pairs(uri, CAMERA_PASSWORD);
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
        return head + pairs(rest, CAMERA_PASSWORD);
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
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int sep = text.indexOf("://");
        while (sep >= 0) {
            int start = schemeStart(text, last, sep);
            if (start < 0) {
                sep = text.indexOf("://", sep + 1);
                continue;
            }
            int end = urlEnd(text, sep + 3);
            out.append(textPairs(text.substring(last, start))).append(uri(text.substring(start, end)));
            last = end;
            sep = text.indexOf("://", Math.max(end, sep + 1));
        }
        return out.append(textPairs(text.substring(last))).toString();
    }

    /**
     * Where the scheme before the "://" at {@code sep} starts (its first letter after the run of scheme characters
     * [A-Za-z0-9+.-] ending at {@code sep}, not before {@code from}), or -1 when that run has no letter.
     */
    private static int schemeStart(String text, int from, int sep) {
        int i = sep;
        while (i > from && isSchemeChar(text.charAt(i - 1))) {
            i--;
        }
        for (; i < sep; i++) {
            if (isLetter(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the URL whose authority starts at {@code authority} ends in free text: at the first white space, quote,
     * '&lt;', '&gt;' or backtick ({@code base}), unless its password held such a character (see the class comment).
     * Each character is looked at a bounded number of times: the search for an '@' stops at the line's end and at
     * the next "://".
     */
    private static int urlEnd(String text, int authority) {
        int base = tokenEnd(text, authority);
        boolean baseWeak = false;
        int colon = -1;
        boolean userHasPath = false;
        for (int i = authority; i < base; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                int kind = afterAt(text, i);
                if (kind == STRONG) {
                    return base; // a complete URL, user:password@host/... : the password ended before the white space
                }
                baseWeak |= kind == WEAK;
            } else if (c == ':' && colon < 0) {
                colon = i;
            } else if (colon < 0 && (c == '/' || c == '?' || c == '#')) {
                userHasPath = true;
            }
        }
        if (colon < 0 || userHasPath) {
            return base; // no "user:" before the cut: nothing there is a password
        }
        boolean hostAndPort = looksLikePort(text, colon + 1, base);
        int weak = -1;
        for (int i = base; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || (c == ':' && text.startsWith("://", i))) {
                break;
            }
            if (c == '@') {
                int kind = afterAt(text, i);
                if (kind == STRONG) {
                    return tokenEnd(text, i + 1);
                }
                if (kind == WEAK && weak < 0) {
                    weak = i;
                }
            }
        }
        return weak >= 0 && !baseWeak && !hostAndPort ? tokenEnd(text, weak + 1) : base;
    }

    private static final int NOT_A_HOST = 0;
    /** An '@' followed by a host and white space, a quote or the line's end. */
    private static final int WEAK = 1;
    /** An '@' followed by a host and '/' or ":port". */
    private static final int STRONG = 2;

    /** What follows the '@' at {@code at}: {@link #STRONG}, {@link #WEAK} or {@link #NOT_A_HOST}. */
    private static int afterAt(String text, int at) {
        int i = at + 1;
        int n = text.length();
        if (i < n && text.charAt(i) == '[') {
            i++;
            while (i < n && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == ':' || text.charAt(i) == '.')) {
                i++;
            }
            if (i >= n || text.charAt(i) != ']' || i == at + 2) {
                return NOT_A_HOST;
            }
            i++;
        } else {
            while (i < n && isHostChar(text.charAt(i))) {
                i++;
            }
            if (i == at + 1) {
                return NOT_A_HOST;
            }
        }
        if (i == n || endsUrl(text.charAt(i))) {
            return WEAK;
        }
        char c = text.charAt(i);
        if (c == '/') {
            return STRONG;
        }
        if (c == ':') {
            int digits = i + 1;
            while (digits < n && isDigit(text.charAt(digits))) {
                digits++;
            }
            if (digits > i + 1 && (digits == n || endsUrl(text.charAt(digits)) || "/?#".indexOf(text.charAt(digits)) >= 0)) {
                return STRONG;
            }
        }
        return NOT_A_HOST;
    }

    /** Whether {@code text[from, to)} starts with digits only up to its first '/', '?' or '#' (or its end). */
    private static boolean looksLikePort(String text, int from, int to) {
        int i = from;
        while (i < to && isDigit(text.charAt(i))) {
            i++;
        }
        return i > from && (i == to || "/?#".indexOf(text.charAt(i)) >= 0);
    }

    /** The first white space, quote, '&lt;', '&gt;' or backtick at or after {@code from}, or the text's end. */
    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !endsUrl(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsUrl(char c) {
        // the white space of the regular expression \s, as before: ' ', \t, \n, \x0B, \f, \r
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSchemeChar(char c) {
        return isLetter(c) || isDigit(c) || c == '+' || c == '.' || c == '-';
    }

    private static boolean isHostChar(char c) {
        return isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || c == '~' || c == '%';
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

    private static String textPairs(String s) {
        return pairs(s, CAMERA_PASSWORD_IN_TEXT);
    }

    private static String pairs(String s, Pattern cameraPassword) {
        if (s.indexOf('=') < 0) {
            return s;
        }
        s = cameraPassword.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + MASK));
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
