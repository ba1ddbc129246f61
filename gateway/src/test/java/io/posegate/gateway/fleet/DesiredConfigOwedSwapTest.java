package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config file names backend {@code flaky}, which failed to open, so the swap to it is owed. A fleet desired
 * config that sets only {@code streams} is not about the backend: it neither retries the owed swap nor fails on it,
 * so the rollout passes (200, no rollback) with no attempt to open {@code flaky}; the next reload of the file still
 * retries it once.
 */
class DesiredConfigOwedSwapTest {
    private static final Path MODELS = Path.of("..", "config", "models").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private Vertx vertx;
    private Gateway gateway;
    private ConfigReloader reloader;
    private final Flaky flaky = new Flaky();
    private final List<JsonObject> reports = new CopyOnWriteArrayList<>();

    /** The simulated backend named {@code flaky}; its {@code open} fails while {@link #failures} is above 0. */
    private static final class Flaky extends ForwardingProvider {
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        Flaky() {
            super(new SimulatedBackendProvider());
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            attempts.incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "flaky: device not ready");
            }
            return super.open(model, options);
        }

        @Override
        protected InferenceResult run(BackendSession session, Tensor input, int index) {
            return session.run(input);
        }
    }

    private static JsonObject tree(String backend) {
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", "demo-simulated")
                .put("modelsDir", MODELS.toString()).put("backend", backend)
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5")));
    }

    @BeforeEach
    void start() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), tree("auto").encode());
        vertx = Vertx.vertx();
        GatewayConfigLoader loader = new GatewayConfigLoader(vertx, file);
        GatewayConfig cfg = loader.load(Map.of()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), flaky));
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway = v.gateway();
        reloader = new ConfigReloader(vertx, gateway, loader, Map.of());
        reloader.fileTree(tree("auto"));
    }

    @AfterEach
    void stop() throws Exception {
        reloader.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aStreamsOnlyRolloutPassesWithoutRetryingTheOwedSwap() {
        flaky.failures.set(5);
        reloader.fileTree(tree("flaky"));
        reloader.apply(tree("flaky"));
        assertEquals(1, flaky.attempts.get());
        assertEquals("auto", gateway.defaultBackend());

        DesiredConfigs desired = new DesiredConfigs(gateway, reloader, new FleetState(dir.resolve("state"), "box-1"), 0,
                reports::add, e -> { });
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("b", new JsonObject().put("source", "demo:?fps=5"));
        JsonObject msg = new JsonObject().put("version", 1).put("rolloutId", "r1")
                .put("config", new JsonObject().put("streams", streams));
        desired.onDesired("box/box-1/config/desired", msg.encode().getBytes(StandardCharsets.UTF_8));

        JsonObject last = reports.get(reports.size() - 1);
        assertEquals(200, last.getInteger("status"), "the rollout passed, not rolled back: " + reports);
        assertTrue(gateway.stream("b") != null, "its streams run");
        assertEquals(1, flaky.attempts.get(), "no attempt to open the file's backend for a streams-only rollout");
        assertEquals("auto", gateway.defaultBackend());
        assertTrue(gateway.lastSwap().error().contains("device not ready"), "the failed swap stays visible");

        reloader.apply(tree("flaky").put("auth", new JsonObject().put("anonymous", "viewer")));
        assertEquals(2, flaky.attempts.get(), "the next reload of the file retries it once");
    }
}
