package io.posegate.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Token hashes as stored in the config: PBKDF2 with HMAC-SHA256 from the JDK, a random 16-byte salt,
 * {@value #ITERATIONS} iterations, a 256-bit result, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (base64). Tokens are 256-bit random values, so the iterations only slow down a stolen config.
 * {@link #matches} is slow on purpose: call it off the event loop.
 */
public final class TokenHash {
    public static final int ITERATIONS = 100_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    public static String hash(String token) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(token, salt, ITERATIONS));
    }

    /** Whether {@code token} hashes to {@code encoded}; false for a malformed hash. Constant time in the hash. */
    public static boolean matches(String token, String encoded) {
        String[] p = encoded.split("\\$");
        if (p.length != 4 || !p[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(p[1]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, derive(token, Base64.getDecoder().decode(p[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String token, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(token.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
