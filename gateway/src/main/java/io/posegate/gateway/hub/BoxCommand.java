package io.posegate.gateway.hub;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.posegate.gateway.fleet.FleetTopics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One command from the hub to a box over MQTT: subscribes to a per-request response topic, then publishes the
 * command with that response topic; completes with the box's reply, or fails after 30 s, unsubscribing either way.
 */
final class BoxCommand {
    private BoxCommand() {
    }

    /** Sends command {@code name} to {@code box} and completes with its reply. */
    static Future<JsonObject> send(Vertx vertx, Mqtt5AsyncClient client, String box, String name, JsonObject args) {
        String id = "c-" + UUID.randomUUID();
        String replyTopic = FleetTopics.ROOT + "hub/replies/" + id;
        Promise<JsonObject> p = Promise.promise();
        client.subscribeWith().topicFilter(replyTopic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(m -> p.tryComplete(new JsonObject(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8))))
                .send().thenRun(() -> client.publishWith().topic(FleetTopics.command(box, name)).qos(MqttQos.AT_LEAST_ONCE)
                        .responseTopic(replyTopic).payload(new JsonObject().put("id", id).put("args", args).encode()
                                .getBytes(StandardCharsets.UTF_8)).send());
        long t = vertx.setTimer(30_000, x -> p.tryFail("box '" + box + "' did not answer '" + name + "' within 30 s"));
        return p.future().onComplete(x -> {
            vertx.cancelTimer(t);
            client.unsubscribeWith().topicFilter(replyTopic).send();
        });
    }
}
