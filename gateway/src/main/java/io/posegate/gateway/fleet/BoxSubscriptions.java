package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * What the box listens to on the broker, subscribed once, on the first connection (the MQTT client keeps
 * the subscriptions and subscribes again by itself whenever a new connection has no session): desired configs (its own and its
 * groups'), handed to {@link DesiredConfigs} on the config worker, and commands, run by {@link Commands} on
 * the command worker and answered on the request's response topic (else {@code .../reply}) with its
 * correlation data. Each command is also reported as an event. A callback or a worker task that fails is
 * logged and the message dropped; nothing ends a subscription.
 */
final class BoxSubscriptions {
    private static final Logger LOG = Logger.getLogger(FleetAgent.class.getName());
    private final Mqtt5AsyncClient client;
    private final String boxId;
    private final List<String> groups;
    private final WorkerExecutor configWorker;
    private final WorkerExecutor commandWorker;
    private final DesiredConfigs desired;
    private final Commands commands;
    private final Consumer<JsonObject> events;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    BoxSubscriptions(Mqtt5AsyncClient client, String boxId, List<String> groups, WorkerExecutor configWorker,
            WorkerExecutor commandWorker, DesiredConfigs desired, Commands commands, Consumer<JsonObject> events) {
        this.client = client;
        this.boxId = boxId;
        this.groups = groups;
        this.configWorker = configWorker;
        this.commandWorker = commandWorker;
        this.desired = desired;
        this.commands = commands;
        this.events = events;
    }

    /** Subscribes to every topic, the first time only: later calls (reconnects) do nothing. */
    void subscribeOnce() {
        if (!subscribed.compareAndSet(false, true)) {
            return;
        }
        subscribe(FleetTopics.desired(boxId), this::onDesired);
        for (String g : groups) {
            subscribe(FleetTopics.groupDesired(g), this::onDesired);
        }
        subscribe(FleetTopics.command(boxId, "+"), p -> commandWorker.executeBlocking(() -> {
            onCommand(p);
            return null;
        }, true).onFailure(e -> logFailure("command on " + p.getTopic(), e)));
    }

    private void onDesired(Mqtt5Publish p) {
        configWorker.executeBlocking(() -> {
            desired.onDesired(p.getTopic().toString(), p.getPayloadAsBytes());
            return null;
        }, true).onFailure(e -> logFailure("desired config on " + p.getTopic(), e));
    }

    private static void logFailure(String what, Throwable e) {
        LOG.warning(Redaction.text("fleet: " + what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private void onCommand(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        JsonObject reply = commands.run(name, p.getPayloadAsBytes());
        String to = p.getResponseTopic().map(Object::toString).orElse(FleetTopics.commandReply(boxId, name));
        var b = client.publishWith().topic(to).qos(MqttQos.AT_LEAST_ONCE)
                .payload(reply.encode().getBytes(StandardCharsets.UTF_8));
        if (p.getCorrelationData().isPresent()) {
            b = b.correlationData(p.getCorrelationData().get());
        }
        b.send();
        events.accept(new JsonObject().put("type", "command").put("name", name).put("id", reply.getString("id"))
                .put("status", reply.getInteger("status")).put("duplicate", reply.getBoolean("duplicate", false)));
    }

    private void subscribe(String filter, Consumer<Mqtt5Publish> handler) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(GuardedCallback.of("fleet: box " + boxId, handler)).send()
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.warning("fleet: subscribe " + filter + " failed: " + e.getMessage());
                    }
                });
    }
}
