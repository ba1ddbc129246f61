package io.posegate.gateway.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link Redaction}: for generated URLs no secret survives (any characters in the
 * password; secret-named parameters in any letter case), and the parts that are not secret come out
 * unchanged.
 */
class RedactionProperties {
    private static final List<String> SECRET_NAMES = List.of("token", "password", "passwd", "pass", "pwd", "key", "apikey",
            "api_key", "secret", "sig", "signature", "auth", "access_token", "credential", "client_secret", "X-Amz-Signature");
    private static final List<String> PLAIN_NAMES = List.of("channel", "subtype", "resolution", "fps", "stream", "user", "profile");

    @Provide
    Arbitrary<String> passwords() {
        // any characters, including the ones that used to break masking
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(3).ofMaxLength(40),
                Arbitraries.strings().withChars("@:/?#%&=;+ ab1Ω\\\"'<>`").ofMinLength(3).ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("._-%").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).map(s -> s + ".lan"),
                Arbitraries.integers().between(0, 255).list().ofSize(4).map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3)));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("/._-").ofMaxLength(20).map(p -> "/" + p);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('A', 'z').numeric().withChars("-._~%+=!*,").ofMinLength(4).ofMaxLength(30)
                .filter(v -> v.chars().allMatch(c -> c != '[' && c != ']' && c != '\\' && c != '^' && c != '`'));
    }

    @Provide
    Arbitrary<String> secretNames() {
        return Arbitraries.of(SECRET_NAMES).flatMap(n -> Arbitraries.integers().between(0, 2).map(style -> switch (style) {
            case 0 -> n;
            case 1 -> n.toUpperCase();
            default -> "%" + Integer.toHexString(n.charAt(0)) + n.substring(1);
        }));
    }

    @Property(tries = 2000)
    void noPasswordSurvivesAndHostAndPathAreKept(@ForAll("users") String user, @ForAll("passwords") String password,
                                                  @ForAll("hosts") String host, @ForAll("paths") String path,
                                                  @ForAll boolean inText) {
        String url = "rtsp://" + user + ":" + password + "@" + host + path;
        Assume.that(!(user + host + path + "rtsp://").contains(password.strip()) && password.strip().length() >= 3);
        // in free text a URL's end is a guess: a password may hold anything (a quote, white space, '<', '/', '@') but a
        // line break or "://", which end the search for its '@', or an '@' followed by a host and '/' or ":port",
        // which is taken for the end of the userinfo
        Assume.that(!inText || (password.chars().noneMatch(c -> c == '\n' || c == '\r') && !password.contains("://")
                && !java.util.regex.Pattern.compile("@[A-Za-z0-9._~%-]+(/|:[0-9])").matcher(password).find()));
        String shown = inText ? Redaction.text("cannot open " + url + ": Connection refused") : Redaction.uri(url);
        assertFalse(shown.contains(password), shown);
        assertTrue(shown.contains("rtsp://" + user + ":" + Redaction.MASK + "@" + host + path), shown);
    }

    @Property(tries = 2000)
    void noSecretParameterValueSurvivesAndPlainParametersAreKept(@ForAll("secretNames") String secretName,
                                                                 @ForAll("values") String secret,
                                                                 @ForAll("values") String plainValue,
                                                                 @ForAll("hosts") String host,
                                                                 @ForAll boolean secretFirst) {
        String plain = Arbitraries.of(PLAIN_NAMES).sample() + "=" + plainValue;
        Assume.that(!plain.contains(secret) && !host.contains(secret));
        String query = secretFirst ? secretName + "=" + secret + "&" + plain : plain + "&" + secretName + "=" + secret;
        String url = "http://" + host + "/cgi/mjpg?" + query;
        String shown = Redaction.uri(url);
        String inText = Redaction.text("GET " + url + " -> 401");
        for (String s : List.of(shown, inText)) {
            assertFalse(s.contains("=" + secret), s);
            assertTrue(s.contains(plain) && s.contains("http://" + host + "/cgi/mjpg?"), s);
            assertTrue(s.contains(secretName + "=" + Redaction.MASK), s);
        }
    }
}
