package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use login codes: the login URL {@code posegate run} and {@code posegate hub} print carries one of these
 * ({@code ?login=CODE}) instead of the admin token, so the URL the browser's history keeps is worthless once used;
 * {@code posegate login-url} asks a running one for more ({@link LoginCodeRoute}).
 * A code is 128 random bits (SecureRandom), written as 22 URL-safe base64 characters; it stands for one token and
 * is valid {@link #LIFETIME} from its issue, once. Only the SHA-256 of each code is kept, in memory; at most
 * {@value #MAX_OPEN} unused codes are held (issuing one more drops the oldest). Thread-safe, no I/O.
 */
public final class LoginCodes {
    /** How long a code is valid after it is issued. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The most unused codes held at once. */
    static final int MAX_OPEN = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String token, Instant issued, Instant expires) {
    }

    /** A code just issued, and the instant it stops logging in. */
    public record Issued(String code, Instant expires) {
        @Override
        public String toString() {
            return "Issued[code=(redacted), expires=" + expires + "]";
        }
    }

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Pending> byDigest = new ConcurrentHashMap<>();

    /** Codes valid for {@link #LIFETIME} by the system clock. */
    public LoginCodes() {
        this(Clock.systemUTC(), LIFETIME);
    }

    /** @param clock decides when codes expire (tests pass their own) */
    public LoginCodes(Clock clock, Duration lifetime) {
        this.clock = requireNonNull(clock, "clock is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
    }

    /** A new code that logs in with {@code token}, once, within the lifetime. */
    public String issue(String token) {
        return issueWithExpiry(token).code();
    }

    /** As {@link #issue}, with the instant the code expires. */
    public Issued issueWithExpiry(String token) {
        requireNonNull(token, "token is null");
        Instant now = clock.instant();
        byDigest.values().removeIf(p -> !now.isBefore(p.expires()));
        while (byDigest.size() >= MAX_OPEN) {
            byDigest.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Pending::issued)))
                    .ifPresent(oldest -> byDigest.remove(oldest.getKey()));
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expires = now.plus(lifetime);
        byDigest.put(digest(code), new Pending(token, now, expires));
        return new Issued(code, expires);
    }

    /**
     * Uses up {@code code}: the token it stands for, or null when the code is unknown, already used or expired.
     * A code is removed by its first redemption, whatever the outcome, so two concurrent redemptions cannot both win.
     */
    public String redeem(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        Pending p = byDigest.remove(digest(code));
        return p == null || !clock.instant().isBefore(p.expires()) ? null : p.token();
    }

    private static String digest(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
