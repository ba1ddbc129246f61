package io.posegate.gateway.launch;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.net.NetworkPolicy;
import io.posegate.gateway.ingest.net.NoProxyVariables;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.vertx.core.eventbus.DeliveryOptions;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenStore;
import java.util.Map;

/** Wires a running gateway from a validated config: model, backends, sources, verticle. */
public final class GatewayLauncher {
    private GatewayLauncher() {
    }

    /** The descriptor the config names, with the model-file override applied. */
    public static ModelDescriptor descriptor(GatewayConfig config) {
        ModelDescriptor d = ModelDescriptors.resolve(config.model(), config.modelsDir());
        return config.modelFile() == null ? d : d.withModelFile(config.modelFile());
    }

    /** The source factory under the config's ingest rules: media folder, {@code sources.allow}, picture limit. */
    public static SourceFactory sources(GatewayConfig config, WebcamHub webcams) {
        return Sources.defaultFactory(IngestPolicy.defaults().withMediaDirectory(config.mediaDir())
                .withNetwork(NetworkPolicy.allowing(config.sources().allow()))
                .withPictures(config.sources().pictures()), webcams);
    }

    /**
     * Deploys the gateway and watches its config file, applying changes while it runs.
     *
     * @param overrides the command-line overrides, re-applied on every reload
     */
    public static Future<GatewayVerticle> deployWatching(Vertx vertx, GatewayConfigLoader loader, GatewayConfig config,
                                                         Map<String, Object> overrides, long scanMillis) {
        return deploy(vertx, config).compose(v -> {
            ConfigReloader reloader = new ConfigReloader(vertx, v.gateway(), loader, overrides);
            v.managedStreams(reloader::manages);
            reloader.start(scanMillis);
            TokenReloads.watch(vertx, loader, overrides, v.tokens(), scanMillis);
            if (!config.fleet().enabled()) {
                return Future.succeededFuture(v);
            }
            return vertx.deployVerticle(new io.posegate.gateway.fleet.FleetVerticle(config.fleet(), v, loader, reloader)).map(id -> v);
        });
    }

    /** Builds the gateway and deploys its verticle; the future completes once the server listens. */
    public static Future<GatewayVerticle> deploy(Vertx vertx, GatewayConfig config) {
        return deploy(vertx, config, BackendRegistry.discover());
    }

    /** As {@link #deploy(Vertx, GatewayConfig)}, with the given backends instead of those found on the class path. */
    public static Future<GatewayVerticle> deploy(Vertx vertx, GatewayConfig config, BackendRegistry registry) {
        io.posegate.gateway.security.RedactingLogFilter.install();
        ModelDescriptor descriptor;
        try {
            descriptor = descriptor(config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        NoProxyVariables.warnIfSet(System::getenv);
        WebcamHub webcams = new WebcamHub(IngestPolicy.defaults().webcam());
        Gateway gateway = new Gateway(config, descriptor, registry, sources(config, webcams),
                GroupingTrackers.from(config.tracking()),
                frame -> {
                    io.posegate.gateway.metrics.PoseMetrics.recordFrame(frame);
                    String text = PoseFrameJson.toJson(frame).encode();
                    DeliveryOptions o = new DeliveryOptions().addHeader("stream", frame.stream());
                    vertx.eventBus().publish(GatewayVerticle.POSES, text, o);
                    vertx.eventBus().publish(GatewayVerticle.POSES + "." + frame.stream(), text);
                },
                (stream, state) -> vertx.eventBus().publish(GatewayVerticle.POSES,
                        PoseFrameJson.stateMessage(stream, state).encode(), new DeliveryOptions().addHeader("stream", stream)));
        TokenStore tokens = TokenStore.of(config.security());
        String generated = tokens.isEmpty() ? tokens.issue("run", Role.ADMIN) : null;
        GatewayVerticle verticle = new GatewayVerticle(gateway, webcams, tokens, generated);
        return vertx.deployVerticle(verticle).map(id -> verticle);
    }
}
