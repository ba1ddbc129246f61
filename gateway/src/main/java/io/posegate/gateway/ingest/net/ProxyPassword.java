package io.posegate.gateway.ingest.net;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@link EgressProxy}'s random password, known only to this process, and the check of a request's
 * {@code Proxy-Authorization} against it (in constant time). Immutable and thread-safe.
 */
final class ProxyPassword {
    private final String password = newPassword();

    /** The password itself (for the proxy's URL: never log it unredacted). */
    String value() {
        return password;
    }

    /** Whether {@code req} carries this password ({@code Proxy-Authorization: Basic}, user {@code posegate}). */
    boolean authorises(ProxyRequest req) {
        String auth = req.header("Proxy-Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(("posegate:" + password).getBytes(StandardCharsets.UTF_8));
        return auth != null && java.security.MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String newPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
