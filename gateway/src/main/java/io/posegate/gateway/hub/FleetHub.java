package io.posegate.gateway.hub;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.posegate.gateway.fleet.FleetTopics;
import io.posegate.gateway.fleet.GuardedCallback;
import io.posegate.gateway.fleet.MqttConnection;
import io.posegate.gateway.fleet.MqttConnections;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The hub's view of the fleet: subscribes to every box's status, meta, metrics, events and config topics
 * (retained ones arrive at once), keeps the {@link BoxTable}, and runs rollouts whose state it keeps
 * retained on {@code posegate/v1/hub/rollouts/{id}}, so a restarted hub picks them up where they were.
 * MQTT callbacks update the table on the client's threads (a malformed message is logged and dropped, see
 * {@link FleetPayloads}); rollouts advance on the hub's event loop. It subscribes once, on the first
 * connection: the MQTT client subscribes again by itself on every new session.
 */
public final class FleetHub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FleetHub.class.getName());
    private static final List<String> BOX_TOPICS = List.of("status", "meta", "metrics", "events", "config/reported", "config/desired");

    private final Vertx vertx;
    private final Context context;
    private final BoxTable table = new BoxTable();
    private final RolloutEngine engine;
    private final MqttConnection connection;
    private final Mqtt5AsyncClient client;
    private final AtomicLong maxVersion = new AtomicLong();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final String broker;
    private volatile Throwable lastFailure;
    private long timer;

    /** @param context the hub's event-loop context: rollouts advance there only */
    public FleetHub(Context context, MqttConnections.Settings settings) {
        this.context = context;
        this.vertx = context.owner();
        this.engine = new RolloutEngine(table, new DesiredConfigPublisher(this), r -> publish(FleetTopics.rollout(r.id()), r.doc, true));
        this.broker = Redaction.text(settings.broker());
        this.connection = MqttConnections.build(settings, null, "hub", this::subscribeOnce);
        this.client = connection.client();
        connection.onFailure(cause -> lastFailure = cause);
        table.listen((box, kind) -> {
            if (kind.startsWith("config/") || "status".equals(kind)) {
                context.runOnContext(v -> engine.tickAll());
            }
        });
    }

    public BoxTable table() {
        return table;
    }

    RolloutEngine engine() {
        return engine;
    }

    /**
     * Connects and starts the rollout ticker. The future completes on the hub's context once connected, and
     * fails with the reason when the broker refuses the credentials or no connection came up within
     * {@code deadline}; after a failure the hub has stopped (no reconnect).
     */
    public Future<Void> start(Duration deadline) {
        Promise<Void> p = Promise.promise();
        timer = vertx.setPeriodic(500, t -> engine.tickAll());
        connection.onFailure(cause -> {
            if (MqttConnection.refusedCredentials(cause)) {
                context.runOnContext(v -> p.tryFail(new IllegalStateException("hub cannot connect to the broker " + broker + ": "
                        + MqttConnection.describe(cause) + "; check --username and --password (or POSEGATE_HUB_PASSWORD)")));
            }
        });
        long deadlineTimer = vertx.setTimer(deadline.toMillis(), t -> p.tryFail(new IllegalStateException("hub cannot connect to"
                + " the broker " + broker + " within " + deadline.toSeconds() + " s: "
                + (lastFailure == null ? "no answer" : MqttConnection.describe(lastFailure)))));
        client.connectWith().cleanStart(true).keepAlive(10).send().whenComplete((ack, e) -> context.runOnContext(v -> {
            if (e != null) {
                p.tryFail(new IllegalStateException("hub cannot connect to the broker " + broker + ": " + MqttConnection.describe(e), e));
            } else {
                p.tryComplete();
            }
        }));
        return p.future().onComplete(r -> vertx.cancelTimer(deadlineTimer)).onFailure(e -> stop());
    }

    private void subscribeOnce() {
        if (!subscribed.compareAndSet(false, true)) {
            return;
        }
        Consumer<Mqtt5Publish> callback = GuardedCallback.of("hub", this::onMessage);
        for (String kind : BOX_TOPICS) {
            subscribe(FleetTopics.ROOT + "box/+/" + kind, callback);
        }
        subscribe(FleetTopics.ROOT + "group/+/config/desired", callback);
        subscribe(FleetTopics.rollout("+"), callback);
    }

    private void subscribe(String filter, Consumer<Mqtt5Publish> callback) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(callback).send()
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.warning("hub: subscribe " + filter + " failed: " + MqttConnection.describe(e));
                    }
                });
    }

    private void onMessage(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        byte[] bytes = p.getPayloadAsBytes();
        if (bytes.length == 0) {
            return;
        }
        JsonObject payload;
        try {
            payload = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.warning(Redaction.text("hub: dropped a message on " + topic + " that is not a JSON object: " + e.getMessage()));
            return;
        }
        String problem = FleetPayloads.problem(topic, payload);
        if (problem != null) {
            LOG.warning(Redaction.text("hub: dropped a message on " + topic + ": " + problem));
            return;
        }
        if (topic.endsWith("/config/desired") || topic.endsWith("/config/reported")) {
            maxVersion.accumulateAndGet(payload.getLong("version", 0L), Math::max);
        }
        if (topic.startsWith(FleetTopics.rollout(""))) {
            context.runOnContext(v -> engine.restore(new Rollout(payload)));
            maxVersion.accumulateAndGet(payload.getLong("rollbackVersion", payload.getLong("version", 0L)), Math::max);
            return;
        }
        table.accept(topic, payload);
    }

    /** A desired-config version above every one seen, and above the clock in ms (so it also rises across hub restarts). */
    long nextVersion() {
        return maxVersion.updateAndGet(v -> Math.max(v + 1, System.currentTimeMillis()));
    }

    /** Starts a rollout; the rollout id is new. Runs on the hub's event loop. */
    Rollout startRollout(RolloutSpec spec) {
        List<String> boxes = RolloutBoxes.of(table, spec);
        List<List<String>> plan = spec.plan(boxes);
        String channel = spec.group() != null && plan.size() == 1 ? "group" : "box";
        Rollout r = Rollout.create("r-" + UUID.randomUUID().toString().substring(0, 8), spec, plan, channel, nextVersion());
        engine.start(r);
        return r;
    }

    void publish(String topic, JsonObject payload, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(payload.encode().getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Sends a command to a box and completes with its reply (on a per-request response topic). */
    Future<JsonObject> command(String box, String name, JsonObject args) {
        return BoxCommand.send(vertx, client, box, name, args);
    }

    /** Stops the ticker and disconnects for good (no reconnect); completes once the DISCONNECT is sent. */
    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        return Future.fromCompletionStage(connection.stop(), context);
    }

    @Override
    public void close() {
        stop();
    }
}
