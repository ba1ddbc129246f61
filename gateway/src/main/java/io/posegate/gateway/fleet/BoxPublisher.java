package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fleet agent publishes, and how it behaves while the broker is away: retained state is kept (one
 * payload a topic) and sent again on reconnect; telemetry is dropped and counted; nothing queues up. Never
 * blocks (the MQTT client sends asynchronously). Thread-safe.
 */
final class BoxPublisher {
    private final Mqtt5AsyncClient client;
    private final Map<String, JsonObject> retained = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    BoxPublisher(Mqtt5AsyncClient client) {
        this.client = client;
    }

    boolean connected() {
        return client.getState().isConnected();
    }

    /** Telemetry messages dropped because the broker was away. */
    long dropped() {
        return dropped.get();
    }

    /** Counts one telemetry message dropped because the broker was away (sent elsewhere, e.g. pose frames). */
    void countDropped() {
        dropped.incrementAndGet();
    }

    /** Keeps {@code payload} as {@code topic}'s retained state and sends it, retained, if connected. */
    void retained(String topic, JsonObject payload) {
        retained.put(topic, payload);
        if (connected()) {
            send(topic, payload, MqttQos.AT_LEAST_ONCE, true);
        }
    }

    /** Sends {@code topic}'s kept retained state again (keeping {@code ifNone} first if there is none). */
    void resendRetained(String topic, JsonObject ifNone) {
        retained.putIfAbsent(topic, ifNone);
        retained.forEach((t, payload) -> {
            if (t.equals(topic)) {
                send(t, payload, MqttQos.AT_LEAST_ONCE, true);
            }
        });
    }

    /** Sends a telemetry message if connected; otherwise drops and counts it. */
    void telemetry(String topic, JsonObject payload, MqttQos qos) {
        if (!connected()) {
            dropped.incrementAndGet();
            return;
        }
        send(topic, payload, qos, false);
    }

    void send(String topic, JsonObject payload, MqttQos qos, boolean retain) {
        client.publishWith().topic(topic).qos(qos).retain(retain)
                .payload(payload.encode().getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Sends {@code payload} retained with QoS 1; completes once the broker acknowledged it (or it failed). */
    CompletableFuture<?> sendAsync(String topic, JsonObject payload) {
        retained.put(topic, payload);
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(payload.encode().getBytes(StandardCharsets.UTF_8)).send();
    }
}
