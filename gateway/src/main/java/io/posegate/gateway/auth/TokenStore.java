package io.posegate.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.config.SecurityConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tokens a gateway accepts, by id, holding hashes only. A token that passed the (slow) PBKDF2 check
 * is remembered by its SHA-256 so later requests cost one map lookup; {@link #replace} (a config reload)
 * forgets all of them, so a revoked token stops working at once, and then tells its {@link #onReplace} listeners
 * (which cut the connections a revoked token opened). It also holds the single-use {@link LoginCodes} that stand
 * for one of its tokens (a run's login URL carries one). Thread-safe.
 */
public final class TokenStore {
    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());
    /** One accepted token. */
    public record Entry(String name, Role role, String id, String hash) {
    }

    private volatile Map<String, Entry> byId = Map.of();
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();
    private final Map<String, Entry> extra = new ConcurrentHashMap<>();
    private final List<Runnable> replaceListeners = new CopyOnWriteArrayList<>();
    private final LoginCodes loginCodes = new LoginCodes();

    public TokenStore(List<Entry> entries) {
        swap(entries);
    }

    /** The tokens of a config. */
    public static TokenStore of(SecurityConfig security) {
        return new TokenStore(entries(security));
    }

    public static List<Entry> entries(SecurityConfig security) {
        return security.tokens().stream().map(t -> new Entry(t.name(), Role.parse(t.role()), t.id(), t.hash())).toList();
    }

    /**
     * Swaps in a new set of configured tokens (tokens issued with {@link #issue} stay), then runs every
     * {@link #onReplace} listener on the calling thread.
     */
    public void replace(List<Entry> entries) {
        swap(entries);
        for (Runnable listener : replaceListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "token store listener failed", e);
            }
        }
    }

    private synchronized void swap(List<Entry> entries) {
        Map<String, Entry> m = new HashMap<>();
        for (Entry e : entries) {
            m.put(e.id(), e);
        }
        m.putAll(extra);
        byId = Map.copyOf(m);
        verified.clear();
    }

    /**
     * Runs {@code listener} after every later {@link #replace}, on the thread that replaced the tokens (a config
     * reload's); {@link #known} already answers for the new tokens then. The listener must not block: it should only
     * look tokens up and hand work to the connections' own contexts.
     */
    public void onReplace(Runnable listener) {
        replaceListeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Stops calling a listener given to {@link #onReplace}. */
    public void removeOnReplace(Runnable listener) {
        replaceListeners.remove(listener);
    }

    /** Creates a token that lives as long as this store (the admin token of a run without configured tokens). */
    public synchronized String issue(String name, Role role) {
        Tokens.Issued t = Tokens.newToken();
        Entry e = new Entry(name, role, t.id(), TokenHash.hash(t.token()));
        extra.put(e.id(), e);
        Map<String, Entry> m = new HashMap<>(byId);
        m.put(e.id(), e);
        byId = Map.copyOf(m);
        return t.token();
    }

    /** The single-use login codes issued for this store's tokens (valid {@link LoginCodes#LIFETIME}). */
    public LoginCodes loginCodes() {
        return loginCodes;
    }

    /** Whether no token at all is accepted. */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Whether the token has an entry worth a hash check (cheap). */
    public boolean known(String token) {
        String id = Tokens.idOf(token);
        return id != null && byId.containsKey(id);
    }

    /** The principal of an already verified token, or null (cheap, event-loop safe). */
    public Principal cached(String token) {
        return token == null ? null : verified.get(digest(token));
    }

    /** Checks a token against its hash (slow: PBKDF2; call off the event loop). Null when not accepted. */
    public Principal verify(String token) {
        requireNonNull(token, "token is null");
        Principal p = cached(token);
        if (p != null) {
            return p;
        }
        String id = Tokens.idOf(token);
        Entry e = id == null ? null : byId.get(id);
        if (e == null || !TokenHash.matches(token, e.hash())) {
            return null;
        }
        p = new Principal(e.name(), e.role());
        if (byId.get(id) == e) {
            verified.put(digest(token), p);
        }
        return p;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
