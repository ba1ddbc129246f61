package io.posegate.gateway.bench;

import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
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

/**
 * WebSocket fan-out: the gateway (in this process, so its CPU and heap are this process's) serves one
 * stream to many clients run by {@link FanoutClients} in a child process, some of which never read.
 * The window is defined by the frames the gateway published: its first and last {@code seq} while the
 * window was open; each healthy client's share is the frames of that range it received, counted after a
 * grace second for frames still on the way.
 */
public final class FanoutRun {
    private FanoutRun() {
    }

    /**
     * @param sentFps        pose frames the stream published per second
     * @param published      frames published in the window (the denominator of the shares)
     * @param healthyShare   frames received by the worst healthy client, over frames published
     * @param meanShare      the same, averaged over healthy clients
     * @param p50            frame age at healthy clients (capture to receive), ms
     * @param p99            99th percentile of the same
     * @param serverCores    the gateway process's CPU, cores
     * @param heapPeakMb     the highest heap use seen during the window
     * @param heapAfterGcMb  heap use after a full GC at the end of the window
     * @param hubDropped     frames the hub dropped for clients whose queues were full, during the window
     * @param hubQueuedKb    bytes waiting in the hub's per-client queues at the end, KiB
     * @param frameBytes     mean size of a published frame, bytes
     * @param kernelQueues   bytes the kernel held unsent on the gateway's sockets at the end (-1 if unknown)
     * @param connected      clients whose handshake succeeded
     * @param failed         clients that could not connect after retries
     * @param firstError     why the first of those failed, or null
     * @param clientsAtEnd   clients the hub had at the end
     */
    public record Result(double sentFps, long published, double healthyShare, double meanShare, double p50, double p99,
                         double serverCores, double heapPeakMb, double heapAfterGcMb, long hubDropped, double hubQueuedKb,
                         double frameBytes, SocketQueues.Snapshot kernelQueues, int connected, int failed, String firstError, int clientsAtEnd) {
    }

    public static Result measure(Vertx vertx, JsonObject config, Path baseDir, String stream, int clients, int stalled,
                                 double warmupSeconds, double seconds, Map<String, String> wsHeaders, String token) throws Exception {
        checkFileLimit(clients);
        GatewayVerticle v = GatewayLauncher.deploy(vertx, GatewayConfigs.parse(config, baseDir))
                .toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
        PublishedWindow published = new PublishedWindow();
        MessageConsumer<String> consumer = vertx.eventBus().localConsumer(GatewayVerticle.POSES + "." + stream, m -> published.on(m.body()));
        Process child = null;
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), FanoutClients.class.getName(),
                    Integer.toString(v.actualPort()), stream, Integer.toString(clients), Integer.toString(stalled)));
            wsHeaders.forEach((k, val) -> cmd.add(k + "=" + val));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (token != null) {
                pb.environment().put(FanoutClients.TOKEN_ENV, token);
            }
            child = pb.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ready = expect(in, "ready").split(" ", 4);
            int connected = Integer.parseInt(ready[1]);
            int failed = Integer.parseInt(ready[2]);
            Thread.sleep((long) (warmupSeconds * 1000));
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            long peak = 0;
            long dropped0 = v.hub().dropped();
            toChild.println("start");
            expect(in, "started");
            published.open();
            long cpu0 = CpuMeter.processCpuNanos();
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                peak = Math.max(peak, mem.getHeapMemoryUsage().getUsed());
                Thread.sleep(200);
            }
            published.close();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cores = (CpuMeter.processCpuNanos() - cpu0) / 1e9 / wall;
            long hubDropped = v.hub().dropped() - dropped0;
            double queuedKb = v.hub().queuedBytes() / 1024.0;
            SocketQueues.Snapshot kernel = SocketQueues.of(v.actualPort());
            int clientsAtEnd = v.hub().clientCount(); // read now: the clients' process closes once it has answered "stop"
            Thread.sleep(1000);
            toChild.println("stop " + published.first() + " " + published.last());
            JsonObject r = new JsonObject(expect(in, "{"));
            System.gc();
            double afterGc = mem.getHeapMemoryUsage().getUsed() / 1e6;
            JsonArray frames = r.getJsonArray("frames");
            long worst = frames.isEmpty() ? 0 : Long.MAX_VALUE;
            long sum = 0;
            for (int i = 0; i < frames.size(); i++) {
                worst = Math.min(worst, frames.getLong(i));
                sum += frames.getLong(i);
            }
            double n = Math.max(1, published.count());
            return new Result(published.count() / wall, published.count(), worst / n, frames.isEmpty() ? 0 : sum / (double) frames.size() / n,
                    r.getDouble("p50"), r.getDouble("p99"), cores, peak / 1e6, afterGc, hubDropped, queuedKb, published.meanBytes(), kernel,
                    connected, failed, ready.length > 3 ? ready[3] : null, clientsAtEnd);
        } finally {
            consumer.unregister();
            if (child != null) {
                child.destroy();
                child.waitFor(30, TimeUnit.SECONDS);
                // let the gateway see its clients go before it is undeployed (closing sockets with frames still queued is noisy)
                for (int i = 0; i < 100 && v.hub().clientCount() > 0; i++) {
                    Thread.sleep(100);
                }
            }
            for (String id : List.copyOf(vertx.deploymentIDs())) {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Each side holds one socket per client: fail early, saying what to raise, rather than half-connect. */
    private static void checkFileLimit(int clients) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os
                && os.getMaxFileDescriptorCount() < clients + 256L) {
            throw new IllegalStateException("open-file limit " + os.getMaxFileDescriptorCount() + " is too low for " + clients
                    + " WebSocket clients (each process needs one descriptor per client, plus ~256): raise it with 'ulimit -n "
                    + (clients + 1024) + "' or pass a smaller --clients");
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
