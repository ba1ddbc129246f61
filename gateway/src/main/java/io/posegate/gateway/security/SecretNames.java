package io.posegate.gateway.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a parameter, option or setting name looks like it holds a secret. Case-insensitive;
 * percent-escapes in the name are decoded first ({@code %74oken} is {@code token}); a dotted prefix such
 * as {@code ffmpeg.} is ignored. A name is secret when one of its words (split at '-', '_', '.', '+')
 * is a secret word ({@code key}, {@code sig}, {@code pass}, {@code psw}, {@code login} (a login URL's single-use code), ...),
 * also with a number after it ({@code pass1}), but not a longer word ({@code passes}, {@code bypass} are not secret),
 * or when it contains a secret stem anywhere ({@code token}, {@code password}, {@code secret}, {@code auth}, ...): {@code access_token},
 * {@code X-Amz-Signature}, {@code apiKey}, {@code Authorization} all are.
 */
public final class SecretNames {
    /** Secret when a whole word of the name. */
    private static final Set<String> WORDS = Set.of("key", "sig", "pass", "pwd", "pw", "psw", "pswd", "psk", "sid", "jwt",
            "hash", "salt", "otp", "pin", "cookie", "cookies", "headers", "bearer", "login");
    /** Secret wherever they appear in the name ({@code loginpas} is Foscam's, {@code usrpwd} has {@code pwd}). */
    private static final String[] STEMS = {"token", "passw", "passwd", "passphrase", "loginpas", "pwd", "pswd", "secret",
            "auth", "apikey", "api_key", "api-key", "privatekey", "private_key", "accesskey", "access_key", "signature",
            "credential", "session", "cookie", "sessid", "ticket", "nonce"};

    private SecretNames() {
    }

    public static boolean isSecret(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String n = decode(name).toLowerCase(Locale.ROOT);
        String squashed = n.replace("-", "").replace("_", "").replace(".", "");
        for (String stem : STEMS) {
            if (n.contains(stem) || squashed.contains(stem)) {
                return true;
            }
        }
        for (String word : n.split("[-_.+\\s]+")) {
            String numberless = word.replaceFirst("\\d+$", ""); // pass1, pwd2: a numbered secret is a secret
            if (WORDS.contains(word) || WORDS.contains(numberless) || word.endsWith("key")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String name) {
        if (name.indexOf('%') < 0 && name.indexOf('+') < 0) {
            return name;
        }
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name.replace("%", "");
        }
    }
}
