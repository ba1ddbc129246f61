package io.posegate.gateway.liveness;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.pipeline.PoseFrame;
import io.posegate.spi.BackendProvider;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The gateway's pipeline without HTTP (model, runtimes, streams, workers) on the demo model, with the
 * {@code simulated} backend and the {@link HangingBackendTestDouble}. Counts published frames per stream and
 * lets a test interfere with publishing.
 */
final class PipelineRig implements AutoCloseable {
    static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();

    final HangingBackendTestDouble hanging = new HangingBackendTestDouble();
    final Map<String, AtomicLong> frames = new ConcurrentHashMap<>();
    final Gateway gateway;
    volatile Consumer<PoseFrame> interfere = f -> { };

    PipelineRig(JsonObject config) {
        this(config, UnaryOperator.identity());
    }

    /** @param wrapHanging puts a test's own wrapper (same name) around the {@link #hanging} test double */
    PipelineRig(JsonObject config, UnaryOperator<BackendProvider> wrapHanging) {
        GatewayConfig cfg = GatewayConfigs.parse(config.copy().put("model", "demo-simulated"), CONFIG_DIR);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), wrapHanging.apply(hanging)));
        gateway = new Gateway(cfg, GatewayLauncher.descriptor(cfg), registry,
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())),
                GroupingTrackers.from(cfg.tracking()), f -> {
                    frames.computeIfAbsent(f.stream(), k -> new AtomicLong()).incrementAndGet();
                    interfere.accept(f);
                }, (id, state) -> { });
        gateway.start();
    }

    /** A demo stream config entry. */
    static JsonObject demo(double fps) {
        return new JsonObject().put("source", "demo:?people=1&width=160&height=96&fps=" + fps);
    }

    /** A small demo stream, as a stream config. */
    static GatewayConfig.StreamConfig demoStream(String id, double fps) {
        return new GatewayConfig.StreamConfig(id, demo(fps).getString("source"), 0, 0, 0, null, Map.of());
    }

    long frames(String stream) {
        AtomicLong n = frames.get(stream);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        hanging.releaseHung();
        gateway.close();
    }
}
