package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.posegate.gateway.config.FleetConfigs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds MQTT 5 clients (HiveMQ MQTT Client) for boxes, the hub and the bench: broker URL, user name and
 * password, optional TLS, an optional Last Will, and reconnection with capped, jittered exponential backoff
 * (delay = random 50..100 % of min(cap, initial x 2^attempt)), which also covers a broker that is down
 * when the client starts.
 */
public final class MqttConnections {
    /** First reconnect delay. */
    public static final long INITIAL_DELAY_MS = 500;
    /** Reconnect delays never exceed this. */
    public static final long MAX_DELAY_MS = 10_000;

    private MqttConnections() {
    }

    /** A Last Will: published retained, QoS 1, {@code delaySeconds} after the connection is lost. */
    public record Will(String topic, String payload, long delaySeconds) {
    }

    /**
     * Connection settings.
     *
     * @param threads null for the client library's shared threads, or a name prefix: the client gets its own
     *                network and callback threads (the bench measures the hub's CPU by them)
     */
    public record Settings(String broker, String clientId, String username, String password, Path trustStore,
                           String trustStorePassword, String threads) {
        public Settings(String broker, String clientId, String username, String password, Path trustStore,
                        String trustStorePassword) {
            this(broker, clientId, username, password, trustStore, trustStorePassword, null);
        }
    }

    /**
     * Builds a connection (not yet connected) that reconnects by itself until stopped and runs {@code onConnected}
     * on every connection (on a client thread; an exception it throws is logged).
     *
     * @param who names the connection in its logs
     */
    public static MqttConnection build(Settings s, Will will, String who, Runnable onConnected) {
        String problem = FleetConfigs.brokerProblem(s.broker());
        if (problem != null) {
            throw new IllegalArgumentException("broker " + problem);
        }
        URI u = URI.create(s.broker());
        MqttConnection connection = new MqttConnection(who + " on " + s.broker(), onConnected);
        Mqtt5ClientBuilder b = Mqtt5Client.builder().identifier(s.clientId()).serverHost(u.getHost()).serverPort(u.getPort())
                .addConnectedListener(connection::connected)
                .addDisconnectedListener(connection::disconnected);
        if (s.threads() != null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ThreadFactory tf = r -> {
                Thread t = new Thread(r, s.threads() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            b = b.executorConfig().nettyExecutor(java.util.concurrent.Executors.newFixedThreadPool(1, tf)).nettyThreads(1)
                    .applicationScheduler(io.reactivex.schedulers.Schedulers.from(java.util.concurrent.Executors.newSingleThreadExecutor(tf)))
                    .applyExecutorConfig();
        }
        if ("mqtts".equals(u.getScheme())) {
            b = b.sslConfig().trustManagerFactory(trust(s.trustStore(), s.trustStorePassword())).applySslConfig();
        }
        if (s.username() != null) {
            b = b.simpleAuth().username(s.username())
                    .password(s.password() == null ? new byte[0] : s.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        if (will != null) {
            b = b.willPublish().topic(will.topic()).payload(will.payload().getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).delayInterval(will.delaySeconds()).applyWillPublish();
        }
        connection.attach(b.buildAsync());
        return connection;
    }

    /** The capped, jittered backoff for the given attempt (0 = first). */
    public static long delayMillis(int attempt) {
        long capped = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS << Math.min(attempt, 20));
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private static TrustManagerFactory trust(Path store, String password) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (store == null) {
                tmf.init((KeyStore) null);
                return tmf;
            }
            KeyStore ks = FleetConfigs.loadTrustStore(store, password);
            tmf.init(ks);
            return tmf;
        } catch (Exception e) {
            throw new IllegalArgumentException("fleet.tls.trustStore " + store + " cannot be read: " + e.getMessage(), e);
        }
    }
}
