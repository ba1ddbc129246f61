package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.ui.UiGateway;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the backend answers show and where they are built: {@code /ready} (open to anyone) redacts a backend's
 * error like {@code /api/backends} does, and {@code /api/backends} probes backends off the event loop.
 */
class BackendAnswersTest {
    private static final String SECRET_URL = "https://lic:hunter2@licence.example/check?token=TOKSECRET";

    private final List<Boolean> probedOnEventLoop = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        SimulatedBackendProvider simulated = new SimulatedBackendProvider();
        BackendRegistry registry = new BackendRegistry(List.of(simulated, new LeakyProvider(simulated), new RecordingProbeProvider()));
        JsonObject json = UiGateway.demoConfig().put("backend", "leaky").put("http", new JsonObject().put("port", 0))
                .put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString());
        GatewayConfig cfg = GatewayConfigs.parse(json, UiGateway.CONFIG_DIR);
        vertx = Vertx.vertx();
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        port = v.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void readyRedactsBackendErrorsLikeTheBackendsAnswer() throws Exception {
        HttpResponse<String> ready = get("/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("licence.example"), "the error is shown: " + ready.body());
        for (String secret : List.of("hunter2", "TOKSECRET")) {
            assertFalse(ready.body().contains(secret), secret + " leaked in /ready: " + ready.body());
        }
        String backends = get("/api/backends").body();
        assertTrue(backends.contains("licence.example") && !backends.contains("hunter2"), backends);
    }

    @Test
    void backendsAreProbedOffTheEventLoop() throws Exception {
        HttpResponse<String> backends = get("/api/backends");
        assertEquals(200, backends.statusCode(), backends.body());
        assertTrue(backends.body().contains("probe-thread"), backends.body());
        assertEquals(List.of(false), probedOnEventLoop, "probes of /api/backends, true where run on an event loop");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** The simulated backend's probe, but opening fails with a message holding a password and a token. */
    private static final class LeakyProvider implements BackendProvider {
        private final BackendProvider simulated;

        LeakyProvider(BackendProvider simulated) {
            this.simulated = simulated;
        }

        @Override
        public String name() {
            return "leaky";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Probe probe() {
            return simulated.probe();
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "licence check failed at " + SECRET_URL);
        }
    }

    /** A backend nobody uses, whose probe records whether it runs on an event loop. */
    private final class RecordingProbeProvider implements BackendProvider {
        @Override
        public String name() {
            return "probe-thread";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Set<ModelFormat> formats() {
            return Set.of();
        }

        @Override
        public Probe probe() {
            probedOnEventLoop.add(Context.isOnEventLoopThread());
            return Probe.unavailable("a test backend", Set.of());
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "a test backend");
        }
    }
}
