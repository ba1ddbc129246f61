package io.posegate.gateway.bench;

import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket fan-out: the gateway (in this process, so its CPU and heap are this process's) serves one
 * stream to many clients run by {@link FanoutClients} in a child process, some of which never read.
 */
public final class FanoutRun {
    private FanoutRun() {
    }

    /**
     * @param sentFps        pose frames the stream produced per second
     * @param healthyShare   frames received by the worst healthy client, over frames produced
     * @param meanShare      the same, averaged over healthy clients
     * @param p50            frame age at healthy clients (capture to receive), ms
     * @param p99            99th percentile of the same
     * @param serverCores    the gateway process's CPU, cores
     * @param heapPeakMb     the highest heap use seen during the window
     * @param heapAfterGcMb  heap use after a full GC at the end of the window
     * @param hubDropped     frames the hub dropped for clients whose queues were full
     * @param clients        clients connected at the end
     */
    public record Result(double sentFps, double healthyShare, double meanShare, double p50, double p99, double serverCores,
                         double heapPeakMb, double heapAfterGcMb, long hubDropped, int clients) {
    }

    public static Result measure(Vertx vertx, JsonObject config, Path baseDir, String stream, int clients, int stalled,
                                 double warmupSeconds, double seconds, Map<String, String> wsHeaders) throws Exception {
        GatewayVerticle v = GatewayLauncher.deploy(vertx, GatewayConfigs.parse(config, baseDir))
                .toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
        Process child = null;
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), FanoutClients.class.getName(),
                    Integer.toString(v.actualPort()), stream, Integer.toString(clients), Integer.toString(stalled)));
            wsHeaders.forEach((k, val) -> cmd.add(k + "=" + val));
            child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
            expect(in, "ready");
            Thread.sleep((long) (warmupSeconds * 1000));
            StreamPipeline s = v.gateway().stream(stream);
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong();
            long dropped0 = v.hub().dropped();
            toChild.println("start");
            long processed0 = s.processed();
            long cpu0 = CpuMeter.processCpuNanos();
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                Thread.sleep(200);
            }
            toChild.println("stop");
            long processed = s.processed() - processed0;
            double wall = (System.nanoTime() - t0) / 1e9;
            double cores = (CpuMeter.processCpuNanos() - cpu0) / 1e9 / wall;
            JsonObject r = new JsonObject(expect(in, "{"));
            System.gc();
            double afterGc = mem.getHeapMemoryUsage().getUsed() / 1e6;
            JsonArray frames = r.getJsonArray("frames");
            long worst = Long.MAX_VALUE;
            long sum = 0;
            for (int i = 0; i < frames.size(); i++) {
                worst = Math.min(worst, frames.getLong(i));
                sum += frames.getLong(i);
            }
            double produced = Math.max(1, processed);
            return new Result(processed / wall, worst / produced, sum / (double) frames.size() / produced,
                    r.getDouble("p50"), r.getDouble("p99"), cores, peak.get() / 1e6, afterGc, v.hub().dropped() - dropped0,
                    v.hub().clientCount());
        } finally {
            if (child != null) {
                child.destroy();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            for (String id : List.copyOf(vertx.deploymentIDs())) {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static String expect(BufferedReader in, String prefix) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the fan-out client process ended before printing '" + prefix + "'");
    }
}
