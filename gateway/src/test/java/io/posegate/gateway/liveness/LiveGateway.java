package io.posegate.gateway.liveness;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway (HTTP server on an ephemeral loopback port) on the demo model, whose backends are the
 * {@code simulated} one and the {@link HangingBackendTestDouble}. Gives the test the {@link Gateway} too, to
 * drive churn at the speed of the code the API calls.
 */
final class LiveGateway implements AutoCloseable {
    final HangingBackendTestDouble hanging = new HangingBackendTestDouble();
    private final Vertx vertx = Vertx.vertx();
    private final GatewayVerticle verticle;
    private final GatewayClient client;

    LiveGateway(JsonObject config) throws Exception {
        JsonObject c = config.copy().put("model", "demo-simulated").put("http", new JsonObject().put("port", 0));
        GatewayConfig cfg = GatewayConfigs.parse(c, PipelineRig.CONFIG_DIR);
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), hanging));
        verticle = GatewayLauncher.deploy(vertx, cfg, registry).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        client = new GatewayClient(vertx, verticle.actualPort(), verticle.generatedAdminToken());
    }

    Gateway gateway() {
        return verticle.gateway();
    }

    /** {status, body} of a request. */
    Reply send(String method, String path, JsonObject body) throws Exception {
        HttpResponse<byte[]> r = client.http(method, path, body == null ? null : body.encode());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    Reply ready() throws Exception {
        return send("GET", "/ready", null);
    }

    long processed(String stream) {
        StreamPipeline s = gateway().stream(stream);
        return s == null ? -1 : s.processed();
    }

    /** Waits (bounded) until {@code stream} has processed {@code more} frames beyond now. */
    void awaitFrames(String stream, long more, String after) throws InterruptedException {
        long from = processed(stream);
        Await.until(() -> processed(stream) >= from + more, Await.PATIENCE,
                () -> more + " more frames of " + stream + " after " + after + " (" + (processed(stream) - from) + " so far)");
    }

    /** Waits (bounded) until /ready answers {@code status}; returns that reply. */
    Reply awaitReady(int status, String why) throws InterruptedException {
        Reply[] last = new Reply[1];
        Await.until(() -> {
            try {
                last[0] = ready();
                return last[0].status() == status;
            } catch (Exception e) {
                return false;
            }
        }, Await.PATIENCE, () -> "/ready to answer " + status + " " + why + "; last: " + last[0]);
        return last[0];
    }

    @Override
    public void close() throws Exception {
        hanging.releaseHung();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    record Reply(int status, String text) {
        JsonObject json() {
            return new JsonObject(text);
        }
    }
}
