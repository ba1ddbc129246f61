package io.posegate.gateway.fleet;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.http.JsonViews;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.security.Redaction;
import io.posegate.spi.BackendProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The status, meta and metrics payloads of a box (schemas in docs/fleet-schemas/). Reads never block. */
final class BoxReports {
    static final String VERSION = "0.1.0";
    private static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private BoxReports() {
    }

    static JsonObject status(String state, long bootSeq, Instant since) {
        return new JsonObject().put("v", FleetTopics.VERSION).put("state", state).put("bootSeq", bootSeq)
                .put("since", since == null ? null : since.toString());
    }

    /**
     * The {@code fleet} check of the box's {@code /ready}: {@code connected}, {@code since} (when the connection
     * last came up or was lost), {@code lastError} while down, the box id and the broker (redacted: never a
     * password; the credentials are not shown at all).
     */
    static JsonObject link(String boxId, String broker, MqttConnection.Link link) {
        JsonObject o = new JsonObject().put("connected", link.connected()).put("since", link.since().toString())
                .put("boxId", boxId).put("broker", Redaction.uri(broker));
        if (!link.connected() && link.lastError() != null) {
            o.put("lastError", Redaction.text(link.lastError()));
        }
        return o;
    }

    static JsonObject meta(Gateway g, String boxId, List<String> groups, String dashboard) {
        JsonArray accelerators = new JsonArray();
        for (BackendProvider p : g.registry().providers()) {
            accelerators.add(JsonViews.probe(p, g.registry().probe(p.name())));
        }
        JsonArray streams = new JsonArray();
        for (StreamPipeline s : g.streams()) {
            streams.add(new JsonObject().put("id", s.id()).put("source", Redaction.uri(s.supervisor().describe())));
        }
        return new JsonObject().put("v", FleetTopics.VERSION).put("boxId", boxId).put("version", VERSION)
                .put("host", host()).put("groups", new JsonArray(groups)).put("dashboard", dashboard)
                .put("backend", g.defaultBackend()).put("device", device(g))
                .put("model", new JsonObject().put("name", g.descriptor().name()).put("format", g.descriptor().format().id()))
                .put("accelerators", accelerators).put("streams", streams);
    }

    static JsonObject metrics(Gateway g, LatencyWindows latencies, long dropped) {
        JsonObject streams = new JsonObject();
        for (StreamPipeline s : g.streams()) {
            JsonObject one = new JsonObject().put("state", s.state().phaseName()).put("fps", Math.round(s.fps() * 10) / 10.0)
                    .put("dropped", s.slot().dropped()).put("errors", s.errors()).put("lastError", s.lastError() == null ? null : Redaction.text(s.lastError()));
            double[] p = latencies.percentiles(s.id());
            if (p != null) {
                one.put("latencyMs", new JsonObject().put("p50", p[0]).put("p95", p[1]));
            }
            streams.put(s.id(), one);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        JsonObject o = new JsonObject().put("v", FleetTopics.VERSION).put("ts", System.currentTimeMillis())
                .put("backend", g.defaultBackend()).put("device", device(g)).put("streams", streams)
                .put("cpu", cpuLoad()).put("memory", new JsonObject().put("heapUsed", heap.getUsed()).put("heapMax", heap.getMax()))
                .put("fleetDropped", dropped);
        Double t = temperature();
        if (t != null) {
            o.put("temperatureC", t);
        }
        return o;
    }

    /** The label of the default backend's runtime (backend and device), or null before it opens. */
    static String device(Gateway g) {
        ModelRuntime rt = g.runtimes().get(g.defaultBackend());
        return rt == null ? null : rt.label();
    }

    private static Double cpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double l = os.getProcessCpuLoad();
            return l < 0 ? null : Math.round(l * 1000) / 1000.0;
        }
        return null;
    }

    private static Double temperature() {
        try {
            return Files.isReadable(THERMAL) ? Integer.parseInt(Files.readString(THERMAL).trim()) / 1000.0 : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
