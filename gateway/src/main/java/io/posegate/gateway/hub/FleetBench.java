package io.posegate.gateway.hub;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.posegate.gateway.fleet.FleetTopics;
import io.posegate.gateway.fleet.MqttConnections;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet bench: N lightweight simulated boxes (real MQTT 5 clients publishing status, meta and metrics)
 * and one hub on the same broker. It measures how long a box's change (a metrics message, a status flip)
 * takes to show in the hub's box table (p50, p99), the CPU time of the hub's own threads, the hub's heap
 * (heap after GC with the hub minus before it), and the message rate through the broker.
 */
public final class FleetBench {
    private static final String HUB_THREADS = "posegate-hub-mqtt";
    private final String broker;
    private final int n;
    private final int seconds;
    private final int interval;
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    public FleetBench(String broker, int boxes, int seconds, int metricsIntervalSeconds) {
        this.broker = broker;
        this.n = boxes;
        this.seconds = seconds;
        this.interval = metricsIntervalSeconds;
    }

    /** The figures of one run. */
    public record Result(int boxes, int samples, double p50Ms, double p99Ms, double maxMs, double hubCpuPercent,
                         long hubHeapBytes, double brokerInPerSec, double brokerOutToHubPerSec, int seconds) {
        public String render(String broker) {
            return String.format("fleet bench: %d boxes on %s, %d s measured%n"
                            + "  change -> hub view: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d changes)%n"
                            + "  hub CPU: %.1f %% of one core (its MQTT and event-loop threads)%n"
                            + "  hub heap: %.1f MB (heap after GC with the hub minus before)%n"
                            + "  broker: %.0f msg/s in from boxes, %.0f msg/s out to the hub",
                    boxes, broker, seconds, p50Ms, p99Ms, maxMs, samples, hubCpuPercent, hubHeapBytes / 1e6,
                    brokerInPerSec, brokerOutToHubPerSec);
        }
    }

    public Result run() throws Exception {
        List<Mqtt5AsyncClient> boxes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("sim-%04d", i);
            Mqtt5AsyncClient c = MqttConnections.build(new MqttConnections.Settings(broker, "bench-" + id, null, null, null, null),
                    new MqttConnections.Will(FleetTopics.status(id), status("offline", 1).encode(), 5), "bench: box " + id, () -> { }).client();
            boxes.add(c);
        }
        connectAll(boxes);
        for (int i = 0; i < n; i++) {
            String id = String.format("sim-%04d", i);
            publish(boxes.get(i), FleetTopics.status(id), status("online", 1), true);
            publish(boxes.get(i), FleetTopics.meta(id), new JsonObject().put("v", 1).put("boxId", id).put("version", "bench")
                    .put("groups", new io.vertx.core.json.JsonArray().add("bench")).put("backend", "simulated"), true);
        }
        long heapBefore = heapAfterGc();
        Vertx vertx = Vertx.vertx();
        HubVerticle hub = new HubVerticle(new MqttConnections.Settings(broker, "posegate-hub-bench", null, null, null, null,
                HUB_THREADS), "127.0.0.1", 0, io.posegate.gateway.config.SecurityConfig.defaults(),
                new io.posegate.gateway.auth.TokenStore(java.util.List.of()));
        vertx.deployVerticle(hub).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        BoxTable table = hub.hub().table();
        table.listen((box, kind) -> {
            delivered.incrementAndGet();
            JsonObject s = table.box(box) == null ? null : ("metrics".equals(kind) ? table.box(box).metricsPayload() : null);
            Long t = s == null ? null : s.getLong("benchNanos");
            if (t != null) {
                latencies.add(System.nanoTime() - t);
            }
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (table.list(null, "online").size() < n && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        long heapHub = heapAfterGc() - heapBefore;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = hubCpu(mx);
        long t0 = System.nanoTime();
        published.set(0);
        delivered.set(0);
        latencies.clear();
        long stepNanos = TimeUnit.SECONDS.toNanos(interval) / Math.max(1, n);
        long next = System.nanoTime();
        int k = 0;
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(seconds)) {
            int i = k++ % n;
            String id = String.format("sim-%04d", i);
            publish(boxes.get(i), FleetTopics.metrics(id), new JsonObject().put("v", 1).put("ts", System.currentTimeMillis())
                    .put("benchNanos", System.nanoTime()).put("backend", "simulated")
                    .put("streams", new JsonObject().put("cam", new JsonObject().put("state", "live").put("fps", 15.0))), false);
            next += stepNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        Thread.sleep(2000);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (hubCpu(mx) - cpu0) / 1e9 / wall * 100;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (Mqtt5AsyncClient c : boxes) {
            c.disconnect();
        }
        return new Result(n, l.length, pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6, cpu, heapHub,
                published.get() / wall, delivered.get() / wall, seconds);
    }

    private void connectAll(List<Mqtt5AsyncClient> boxes) throws Exception {
        for (int from = 0; from < boxes.size(); from += 50) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (Mqtt5AsyncClient c : boxes.subList(from, Math.min(boxes.size(), from + 50))) {
                batch.add(c.connectWith().cleanStart(true).keepAlive(30).sessionExpiryInterval(5).send());
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private void publish(Mqtt5AsyncClient c, String topic, JsonObject payload, boolean retain) {
        published.incrementAndGet();
        c.publishWith().topic(topic).qos(retain ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE).retain(retain)
                .payload(payload.encode().getBytes(StandardCharsets.UTF_8)).send();
    }

    private static JsonObject status(String state, long boot) {
        return new JsonObject().put("v", 1).put("state", state).put("bootSeq", boot);
    }

    private static long hubCpu(ThreadMXBean mx) {
        long sum = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(HUB_THREADS) || info.getThreadName().startsWith("vert.x-eventloop"))) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, t);
            }
        }
        return sum;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
