package io.posegate.gateway.cli;

import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.bench.FanoutRun;
import io.posegate.gateway.bench.PipelineReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The {@code fanout} scenario of {@code posegate bench pipeline}: many WebSocket clients, some never
 * reading, on the demo stream of a gateway with security on.
 */
final class FanoutScenario {
    private FanoutScenario() {
    }

    static void run(PipelineBenchCommand cmd, Vertx vertx, PipelineReport report) throws Exception {
        // security stays on: anonymous access off, the clients authenticate with a viewer token made for this run;
        // the per-address connection cap is raised for the loopback clients, the keep-alive covers the whole run
        Tokens.Issued viewer = Tokens.newToken();
        JsonObject tokens = new JsonObject().put("bench-viewer", new JsonObject().put("role", "viewer").put("id", viewer.id())
                .put("hash", TokenHash.hash(viewer.token())));
        int clients = cmd.clients;
        int idle = 600;
        JsonObject cfg = new JsonObject().put("http", new JsonObject().put("port", 0).put("maxConnectionsPerAddress", clients + 100)
                        .put("wsIdleSeconds", idle))
                .put("auth", new JsonObject().put("anonymous", "none").put("tokens", tokens)).put("model", "demo-simulated")
                .put("modelsDir", cmd.models.modelsDir.toAbsolutePath().toString()).put("backend", "auto")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=4&fps=" + cmd.fanoutFps)));
        report.fanoutTitle(clients, cmd.stalled, cmd.fanoutFps);
        report.fanoutSecurity("anonymous none, clients send a viewer token (Authorization: Bearer); maxConnectionsPerAddress "
                + (clients + 100) + ", wsIdleSeconds " + idle + ", wsQueue 8 frames");
        FanoutRun.Result r = FanoutRun.measure(vertx, cfg, Path.of("").toAbsolutePath(), "demo", clients, cmd.stalled, cmd.warmup,
                cmd.seconds, cmd.wsHeaders, viewer.token());
        report.fanout(r, cmd.stalled);
    }
}
