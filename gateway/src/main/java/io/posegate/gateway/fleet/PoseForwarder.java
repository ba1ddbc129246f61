package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.posegate.gateway.http.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the gateway's pose frames (event bus {@link GatewayVerticle#POSES}) to the fleet side: keeps each
 * stream's last frame (for commands), feeds the {@link PresenceWatcher}, and publishes
 * {@code cam/{stream}/poses} under {@link PosePublisher}'s rate cap while the broker is connected (a frame the
 * cap admits while the broker is away is dropped and counted, like other telemetry). Frames
 * arrive on the event loop; {@link #lastPoses} is readable from any thread.
 */
final class PoseForwarder {
    private final Map<String, String> lastPoses = new ConcurrentHashMap<>();
    private final String boxId;
    private final PresenceWatcher presence;
    private final PosePublisher cap;
    private final Mqtt5AsyncClient client;
    private final BoxPublisher out;

    PoseForwarder(String boxId, PresenceWatcher presence, PosePublisher cap, Mqtt5AsyncClient client, BoxPublisher out) {
        this.boxId = boxId;
        this.presence = presence;
        this.cap = cap;
        this.client = client;
        this.out = out;
    }

    /** Starts taking the frames Vert.x's event bus carries. */
    void listen(Vertx vertx) {
        vertx.eventBus().<String>localConsumer(GatewayVerticle.POSES, m -> frame(m.headers().get("stream"), m.body()));
    }

    /** The stream's last pose frame as JSON text, or null. */
    String lastPoses(String stream) {
        return lastPoses.get(stream);
    }

    private void frame(String stream, String body) {
        if (stream != null && body.contains("\"type\":\"poses\"")) {
            lastPoses.put(stream, body);
            presence.frame(stream, new JsonObject(body), System.currentTimeMillis());
            if (!cap.admit(stream)) {
                return;
            }
            if (!out.connected()) {
                out.countDropped();
            } else {
                client.publishWith().topic(FleetTopics.poses(boxId, stream)).qos(MqttQos.AT_MOST_ONCE)
                        .messageExpiryInterval(PosePublisher.EXPIRY_SECONDS)
                        .payload(body.getBytes(StandardCharsets.UTF_8)).send();
            }
        }
    }
}
