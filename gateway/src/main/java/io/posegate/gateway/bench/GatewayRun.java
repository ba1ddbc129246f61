package io.posegate.gateway.bench;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole gateway as a user runs it: the config is parsed and deployed like {@code posegate run}
 * (source, decode, pre-process, inference, grouping, tracking, JSON fan-out), and one WebSocket client
 * on loopback receives every stream. After a warm-up, frames inferred, frames received, their
 * capture-to-receive age and CPU per stage are measured over a fixed window.
 */
public final class GatewayRun {
    private GatewayRun() {
    }

    /**
     * @param inferredFps frames inferred per second, all streams
     * @param receivedFps pose frames the client received per second
     * @param p50         capture-to-receive milliseconds, median
     * @param p99         capture-to-receive milliseconds, 99th percentile
     * @param stageMs     mean decode, pre-process, inference, grouping+tracking milliseconds per frame
     * @param cores       CPU cores per thread group
     * @param dropped     frames dropped by design (slot full, fps cap) during the window, all streams
     * @param runsAllowed runs the first stream's runtime allows at once (its infer requests or sessions)
     */
    public record Result(double inferredFps, double receivedFps, double p50, double p99, double[] stageMs,
                         Map<String, Double> cores, long dropped, int runsAllowed) {
    }

    /** Connects the bench client, retrying a few times (a loaded machine can drop a handshake). */
    private static WebSocket connect(Vertx vertx, int port, Map<String, String> headers, PoseStats stats) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            ClientWebSocket socket = vertx.createWebSocketClient().webSocket();
            socket.textMessageHandler(stats::onText);
            io.vertx.core.http.WebSocketConnectOptions o = new io.vertx.core.http.WebSocketConnectOptions()
                    .setHost("127.0.0.1").setPort(port).setURI("/ws").setTimeout(60_000);
            headers.forEach(o::addHeader);
            try {
                return socket.connect(o).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw last;
    }

    private static int runsAllowed(List<StreamPipeline> streams) {
        return streams.isEmpty() || streams.get(0).runtime() == null ? 1 : streams.get(0).runtime().maxConcurrentRuns();
    }

    /** Deploys {@code config}, measures, undeploys. Blocking. */
    public static Result measure(Vertx vertx, JsonObject config, Path baseDir, double warmupSeconds, double seconds,
                                 Map<String, String> wsHeaders) throws Exception {
        GatewayConfig cfg = GatewayConfigs.parse(config, baseDir);
        GatewayVerticle v = GatewayLauncher.deploy(vertx, cfg).toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
        try {
            PoseStats stats = new PoseStats(true);
            WebSocket ws = connect(vertx, v.actualPort(), wsHeaders, stats);
            Thread.sleep((long) (warmupSeconds * 1000));
            List<StreamPipeline> streams = v.gateway().streams();
            long processed0 = streams.stream().mapToLong(StreamPipeline::processed).sum();
            long dropped0 = streams.stream().mapToLong(s -> s.slot().dropped()).sum();
            stats.reset();
            CpuMeter.Snapshot c0 = CpuMeter.take();
            long t0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            CpuMeter.Snapshot c1 = CpuMeter.take();
            double wall = (System.nanoTime() - t0) / 1e9;
            long processed = streams.stream().mapToLong(StreamPipeline::processed).sum() - processed0;
            long dropped = streams.stream().mapToLong(s -> s.slot().dropped()).sum() - dropped0;
            Result r = new Result(processed / wall, stats.frames() / wall, stats.agePercentile(50), stats.agePercentile(99),
                    stats.stageMeans(), CpuMeter.cores(c0, c1), dropped, runsAllowed(streams));
            ws.close();
            return r;
        } finally {
            for (String id : List.copyOf(vertx.deploymentIDs())) {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
    }
}
