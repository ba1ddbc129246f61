package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.posegate.gateway.security.Redaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One MQTT client that reconnects by itself until {@link #stop()}: every lost connection or failed attempt is
 * logged with its (redacted) cause, a broker refusing the credentials is logged as such, and after
 * {@code stop()} no reconnect is scheduled and a connection that still comes up (an attempt already under
 * way) is closed at once without running the connected callback. {@link #link()} says whether it is up, since
 * when, and why not. Built by {@link MqttConnections}.
 */
public final class MqttConnection {
    private static final Logger LOG = Logger.getLogger(MqttConnection.class.getName());
    /** After this many failed attempts in a row with the same cause, it is logged again. */
    private static final int RELOG_EVERY = 30;
    /** How long {@link #stop(Supplier)} waits for its last message to be acknowledged before disconnecting anyway. */
    private static final long LAST_WORDS_SECONDS = 5;
    private static final List<Mqtt5ConnAckReasonCode> CREDENTIALS_REFUSED = List.of(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED,
            Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD,
            Mqtt5ConnAckReasonCode.BANNED, Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);

    private final String who;
    private final Runnable onConnected;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Consumer<Throwable>> failureListeners = new CopyOnWriteArrayList<>();
    private volatile Mqtt5AsyncClient client;
    private volatile String lastCause;
    private volatile Link link = new Link(false, Instant.now(), null);

    /**
     * What the connection last saw.
     *
     * @param connected true between a connection coming up and its loss
     * @param since     when it last came up or was lost (before any connection: when this connection was built)
     * @param lastError while not connected, the redacted cause of the last loss or failed attempt, or null
     */
    public record Link(boolean connected, Instant since, String lastError) {
    }

    /** @param who names the connection in logs, e.g. "fleet: box nano-07 on mqtt://host:1883" (redacted here) */
    MqttConnection(String who, Runnable onConnected) {
        this.who = Redaction.text(who);
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected is null");
    }

    void attach(Mqtt5AsyncClient built) {
        this.client = built;
    }

    public Mqtt5AsyncClient client() {
        return client;
    }

    public MqttClientState state() {
        return client.getState();
    }

    /** Whether the connection is up, as the connected and disconnected callbacks last saw it. */
    public Link link() {
        return link;
    }

    public boolean stopped() {
        return stopped.get();
    }

    /** Calls {@code listener} (on a client thread) with the cause of every failed connection attempt or lost connection. */
    public void onFailure(Consumer<Throwable> listener) {
        failureListeners.add(listener);
    }

    /**
     * Stops for good: no further reconnect is scheduled (one the client had already scheduled may still run; if
     * it connects, it is closed at once), and a connected client disconnects. The future completes once the
     * DISCONNECT is sent (at once when not connected; an attempt under way is then closed when it ends).
     */
    public CompletableFuture<Void> stop() {
        return stop(() -> CompletableFuture.completedFuture(null));
    }

    /** As {@link #stop()}, sending {@code lastWords} (when connected) before disconnecting. */
    public CompletableFuture<Void> stop(Supplier<CompletableFuture<?>> lastWords) {
        stopped.set(true);
        if (!client.getState().isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?> sent;
        try {
            sent = lastWords.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.orTimeout(LAST_WORDS_SECONDS, TimeUnit.SECONDS).handle((r, e) -> null).thenCompose(x -> client.disconnect()).handle((v, e) -> null);
    }

    /** True when the broker refused the credentials or the client id (retrying does not help until someone fixes them). */
    public static boolean refusedCredentials(Throwable cause) {
        return cause instanceof Mqtt5ConnAckException refused
                && CREDENTIALS_REFUSED.contains(refused.getMqttMessage().getReasonCode());
    }

    /** A one-line, redacted description of why a connection failed. */
    public static String describe(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException refused) {
            return "the broker refused the connection: " + refused.getMqttMessage().getReasonCode()
                    + refused.getMqttMessage().getReasonString().map(r -> " (" + r + ")").orElse("");
        }
        String message = cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return Redaction.text(message);
    }

    void connected(MqttClientConnectedContext ctx) {
        if (stopped.get()) {
            client.disconnect();
            return;
        }
        lastCause = null;
        link = new Link(true, Instant.now(), null);
        try {
            onConnected.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, who + ": the connected callback failed: " + describe(e));
        }
    }

    void disconnected(MqttClientDisconnectedContext ctx) {
        Link was = link;
        Instant since = was.connected() ? Instant.now() : was.since();
        if (stopped.get() || ctx.getSource() == MqttDisconnectSource.USER) {
            link = new Link(false, since, null);
            ctx.getReconnector().reconnect(false);
            return;
        }
        Throwable cause = ctx.getCause();
        link = new Link(false, since, describe(cause));
        int attempt = ctx.getReconnector().getAttempts();
        report(cause, attempt);
        for (Consumer<Throwable> l : failureListeners) {
            try {
                l.accept(cause);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, who + ": a connection-failure listener failed: " + describe(e));
            }
        }
        ctx.getReconnector().reconnect(true).delay(MqttConnections.delayMillis(attempt), TimeUnit.MILLISECONDS);
    }

    private void report(Throwable cause, int attempt) {
        String text = describe(cause);
        boolean again = !text.equals(lastCause) || attempt % RELOG_EVERY == 0;
        lastCause = text;
        if (!again) {
            return;
        }
        if (refusedCredentials(cause)) {
            LOG.severe(who + ": " + text + ": check the user name and password (fleet.username, fleet.password) and the"
                    + " broker's ACL; retrying with backoff");
        } else {
            LOG.warning(who + ": connection lost or not possible (attempt " + (attempt + 1) + ", retrying with backoff): " + text);
        }
    }
}
