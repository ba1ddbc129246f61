package io.posegate.gateway.hub;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.posegate.gateway.config.FleetConfigs;
import io.posegate.gateway.fleet.FleetTopics;
import io.posegate.gateway.fleet.GuardedCallback;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One command from the hub to a box over MQTT: subscribes to a per-request response topic, then publishes the
 * command with that response topic; completes with the box's reply, or fails after 30 s, unsubscribing either way. Completes on the caller's context.
 */
final class BoxCommand {
    private BoxCommand() {
    }

    /** Sends command {@code name} to {@code box} and completes with its reply; the name must be one topic level. */
    static Future<JsonObject> send(Vertx vertx, Mqtt5AsyncClient client, String box, String name, JsonObject args) {
        if (!validName(name)) {
            return Future.failedFuture(new IllegalArgumentException(nameProblem(name)));
        }
        String id = "c-" + UUID.randomUUID();
        String replyTopic = FleetTopics.ROOT + "hub/replies/" + id;
        Promise<JsonObject> p = Promise.promise();
        Context context = vertx.getOrCreateContext();
        client.subscribeWith().topicFilter(replyTopic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(GuardedCallback.of("hub", m -> {
                    JsonObject reply = reply(box, name, m.getPayloadAsBytes());
                    context.runOnContext(v -> p.tryComplete(reply));
                }))
                .send().thenRun(() -> client.publishWith().topic(FleetTopics.command(box, name)).qos(MqttQos.AT_LEAST_ONCE)
                        .responseTopic(replyTopic).payload(new JsonObject().put("id", id).put("args", args).encode()
                                .getBytes(StandardCharsets.UTF_8)).send());
        long t = vertx.setTimer(30_000, x -> p.tryFail("box '" + box + "' did not answer '" + name + "' within 30 s"));
        return p.future().onComplete(x -> {
            vertx.cancelTimer(t);
            client.unsubscribeWith().topicFilter(replyTopic).send();
        });
    }

    static boolean validName(String name) {
        return name != null && name.matches(FleetConfigs.NAME);
    }

    static String nameProblem(String name) {
        return "command name '" + name + "' must be 1-64 letters, digits, '_', '.', '-' (one MQTT topic level, no wildcards)";
    }

    /** The box's reply, or a 502 reply saying what was wrong with it (not a JSON object, or no HTTP status in 'status'). */
    private static JsonObject reply(String box, String name, byte[] payload) {
        String problem;
        try {
            JsonObject reply = new JsonObject(new String(payload, StandardCharsets.UTF_8));
            Object status = reply.getValue("status");
            if (status == null || status instanceof Integer code && code >= 100 && code <= 599) {
                return reply;
            }
            problem = "a 'status' that is not an HTTP status code";
        } catch (RuntimeException e) {
            problem = "something that is not a JSON object";
        }
        return new JsonObject().put("status", 502).put("error", "box '" + box + "' answered '" + name + "' with " + problem);
    }
}
