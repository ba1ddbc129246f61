package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.posegate.gateway.config.FleetConfig;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.FleetReadiness;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The box's fleet agent: connects to the broker with {@code box/{id}/status} = offline as its Last Will
 * (with a will delay), announces itself (status online with its boot counter, meta), publishes metrics,
 * events and (when enabled) rate-capped poses, and follows desired config and commands. When the broker is
 * away the gateway keeps serving; the agent reconnects with capped, jittered backoff and keeps nothing
 * unbounded: telemetry is dropped (and counted), retained state is republished on reconnect. Pose frames
 * reach the fleet side through {@link PoseForwarder}; what the box receives is {@link BoxSubscriptions}'.
 * While it runs, the box's {@code /ready} shows whether it is connected ({@link FleetReadiness}, {@link BoxReports#link}).
 */
public final class FleetAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FleetAgent.class.getName());
    /** How long a person may go unseen before {@code person-left}: the tracker's default time for a lost track. */
    private static final long PRESENCE_GRACE_MILLIS = 2_000;

    private final Vertx vertx;
    private final FleetConfig fleet;
    private final Gateway gateway;
    private final int port;
    /** The address of this box's dashboard ({@link DashboardUrl}), set before the first connection. */
    private volatile String dashboard;
    private final FleetState state;
    private final long bootSeq;
    private final Instant started = Instant.now();
    private final WorkerExecutor configWorker;
    private final WorkerExecutor commandWorker;
    private final DesiredConfigs desired;
    private final LatencyWindows latencies = new LatencyWindows();
    private final EventWatcher events;
    private final PresenceWatcher presence;
    private final MqttConnection connection;
    private final Mqtt5AsyncClient client;
    private final BoxPublisher out;
    private final PoseForwarder poses;
    private final BoxSubscriptions subscriptions;
    private final FleetReadiness readiness;
    private final Supplier<JsonObject> linkReport;
    private long metricsTimer;
    private long sampleTimer;

    private FleetAgent(Vertx vertx, FleetConfig fleet, GatewayVerticle verticle, ConfigReloader reloader) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.gateway = verticle.gateway();
        this.port = verticle.actualPort();
        this.state = new FleetState(fleet.stateDir(), fleet.boxId());
        this.bootSeq = state.nextBootSeq();
        this.configWorker = vertx.createSharedWorkerExecutor("posegate-fleet", 1);
        this.commandWorker = vertx.createSharedWorkerExecutor("posegate-fleet-cmd", 1);
        this.desired = new DesiredConfigs(gateway, reloader, state, fleet.soakSeconds(),
                this::reported, this::event);
        this.events = new EventWatcher(gateway, this::event);
        this.presence = new PresenceWatcher(PRESENCE_GRACE_MILLIS, this::event);
        MqttConnections.Will will = new MqttConnections.Will(FleetTopics.status(fleet.boxId()),
                BoxReports.status("offline", bootSeq, null).encode(), fleet.willDelaySeconds());
        this.connection = MqttConnections.build(new MqttConnections.Settings(fleet.broker(), "posegate-box-" + fleet.boxId(),
                fleet.username(), fleet.password(), fleet.trustStore(), fleet.trustStorePassword()), will,
                "fleet: box " + fleet.boxId(), this::onConnected);
        this.client = connection.client();
        this.out = new BoxPublisher(client);
        this.poses = new PoseForwarder(fleet.boxId(), presence, new PosePublisher(fleet.posesMaxFps()), client, out);
        this.subscriptions = new BoxSubscriptions(client, fleet.boxId(), fleet.groups(), configWorker, commandWorker,
                desired, new Commands(gateway, reloader, poses::lastPoses), this::event);
        this.readiness = verticle.fleetReadiness();
        this.linkReport = () -> BoxReports.link(fleet.boxId(), fleet.broker(), connection.link());
    }

    /**
     * Starts the agent for a deployed gateway: restores the last-known-good config, then connects (and keeps
     * reconnecting). The returned future does not wait for the broker.
     */
    public static Future<FleetAgent> start(Vertx vertx, FleetConfig fleet, GatewayVerticle verticle, ConfigReloader reloader,
                                           JsonObject fileTree) {
        reloader.fileTree(fileTree);
        FleetAgent agent = new FleetAgent(vertx, fleet, verticle, reloader);
        return agent.configWorker.executeBlocking(() -> {
            agent.dashboard = DashboardUrl.of(agent.fleet, agent.gateway.config(), agent.port);
            agent.desired.restoreLastKnownGood();
            return agent;
        }, true).onSuccess(FleetAgent::connect);
    }

    public long bootSeq() {
        return bootSeq;
    }

    private void connect() {
        readiness.attach(linkReport);
        LOG.info("fleet: box " + fleet.boxId() + " (boot " + bootSeq + ") connecting to " + fleet.broker());
        poses.listen(vertx);
        sampleTimer = vertx.setPeriodic(1000, t -> {
            latencies.sample(gateway);
            events.poll();
            presence.poll(gateway.streams().stream().map(StreamPipeline::id).collect(java.util.stream.Collectors.toSet()),
                    System.currentTimeMillis());
        });
        metricsTimer = vertx.setPeriodic(fleet.metricsSeconds() * 1000L, t -> out.telemetry(FleetTopics.metrics(fleet.boxId()),
                BoxReports.metrics(gateway, latencies, out.dropped()), MqttQos.AT_MOST_ONCE));
        // a new connection within the will delay cancels the will (MQTT 5.0, 3.1.2.5), clean start or not
        client.connectWith().cleanStart(true).keepAlive(fleet.keepAliveSeconds())
                .sessionExpiryInterval(fleet.willDelaySeconds()).send();
    }

    /** The MQTT client's state (tests: {@code DISCONNECTED} after {@link #close()} means no reconnect is pending). */
    MqttClientState connectionState() {
        return connection.state();
    }

    private void onConnected() {
        String box = fleet.boxId();
        LOG.info("fleet: connected to " + fleet.broker() + " as box " + box);
        out.retained(FleetTopics.status(box), BoxReports.status("online", bootSeq, started));
        out.retained(FleetTopics.meta(box), BoxReports.meta(gateway, box, fleet.groups(), dashboard));
        out.resendRetained(FleetTopics.reported(box), desired.current());
        subscriptions.subscribeOnce();
    }

    /** Publishes (retained) the config state {@link DesiredConfigs} reports. */
    private void reported(JsonObject report) {
        out.retained(FleetTopics.reported(fleet.boxId()), report);
    }

    private void event(JsonObject e) {
        if (e.getString("type", "").startsWith("config-") || "backend-swap".equals(e.getString("type"))) {
            out.retained(FleetTopics.meta(fleet.boxId()), BoxReports.meta(gateway, fleet.boxId(), fleet.groups(), dashboard));
        }
        out.telemetry(FleetTopics.events(fleet.boxId()), e.put("v", FleetTopics.VERSION).put("ts", System.currentTimeMillis()),
                MqttQos.AT_LEAST_ONCE);
    }

    /**
     * Stops for good: announces the box offline if connected, disconnects, and never reconnects (an attempt
     * already under way is closed without announcing anything). Completes once the DISCONNECT is sent.
     */
    public Future<Void> stop() {
        readiness.detach(linkReport);
        vertx.cancelTimer(metricsTimer);
        vertx.cancelTimer(sampleTimer);
        configWorker.close();
        commandWorker.close();
        return Future.fromCompletionStage(connection.stop(() -> out.sendAsync(FleetTopics.status(fleet.boxId()),
                BoxReports.status("offline", bootSeq, Instant.now()))), vertx.getOrCreateContext());
    }

    @Override
    public void close() {
        stop();
    }
}
