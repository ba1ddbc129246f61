package io.posegate.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token strings: {@code pgt_ID_SECRET}, where ID is 12 hex digits that name the token's hash in the
 * config (so a check costs one hash, not one per token) and SECRET is 256 random bits in base64url.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new token and its id. */
    public record Issued(String id, String token) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", token=(redacted)]";
        }
    }

    public static Issued newToken() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String hexId = HexFormat.of().formatHex(id);
        return new Issued(hexId, "pgt_" + hexId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The id part of a well-formed token, or null for anything else. */
    public static String idOf(String token) {
        if (token == null || token.length() != 4 + 12 + 1 + 43 || !token.startsWith("pgt_") || token.charAt(16) != '_') {
            return null;
        }
        String id = token.substring(4, 16);
        return id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) ? id : null;
    }
}
