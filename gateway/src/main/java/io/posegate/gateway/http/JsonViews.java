package io.posegate.gateway.http;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.grouping.Limb;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.posegate.gateway.security.Redaction;
import java.util.Map;

/** JSON views of the gateway for the HTTP API. */
public final class JsonViews {
    private JsonViews() {
    }

    /** A stream with the model it runs and that model's topology (the skeleton its frames are drawn with). */
    public static JsonObject stream(StreamPipeline s, WsHub hub, ModelDescriptor d) {
        return stream(s, hub).put("model", d.name()).put("family", d.family()).put("decoder", d.decoder().name())
                .put("topology", topology(d));
    }

    /** A topology as the dashboard draws it: its name, keypoint names and skeleton edges. */
    public static JsonObject topology(ModelDescriptor d) {
        JsonArray limbs = new JsonArray();
        for (Limb l : d.topology().limbs()) {
            limbs.add(new JsonArray().add(l.from()).add(l.to()));
        }
        return new JsonObject().put("name", d.topology().name()).put("keypoints", new JsonArray(d.topology().keypoints()))
                .put("limbs", limbs);
    }

    public static JsonObject stream(StreamPipeline s, WsHub hub) {
        ModelRuntime rt = s.runtime();
        JsonObject o = new JsonObject().put("id", s.id()).put("source", Redaction.text(s.supervisor().describe()))
                .put("state", PoseFrameJson.state(s.state())).put("backend", rt == null ? null : rt.label())
                .put("fps", Math.round(s.fps() * 10) / 10.0).put("processed", s.processed())
                .put("dropped", s.slot().dropped()).put("lost", s.supervisor().framesLost())
                .put("errors", s.errors()).put("lastError", Redaction.text(s.lastError())).put("wsDropped", hub.dropped(s.id()));
        Latency l = s.lastLatency();
        if (l != null) {
            o.put("latencyMs", new JsonObject().put("decode", l.decode()).put("preprocess", l.preprocess())
                    .put("infer", l.infer()).put("group", l.group()).put("total", l.total()));
        }
        return o;
    }

    public static JsonObject probe(BackendProvider p, Probe probe) {
        JsonObject details = new JsonObject();
        probe.details().forEach(details::put);
        return new JsonObject().put("name", p.name()).put("priority", p.priority()).put("available", probe.available())
                .put("reason", probe.reason()).put("formats", new JsonArray(probe.formats().stream().map(f -> f.id()).sorted().toList()))
                .put("capabilities", new JsonArray(probe.capabilities())).put("details", details);
    }

    public static JsonObject backends(Gateway g) {
        JsonArray list = new JsonArray();
        for (BackendProvider p : g.registry().providers()) {
            list.add(probe(p, g.registry().probe(p.name())));
        }
        JsonObject active = new JsonObject();
        for (StreamPipeline s : g.streams()) {
            active.put(s.id(), s.runtime() == null ? null : s.runtime().label());
        }
        JsonObject errors = new JsonObject();
        g.runtimeErrors().forEach((k, v) -> errors.put(k, Redaction.text(v)));
        JsonObject o = new JsonObject().put("backends", list).put("default", g.defaultBackend()).put("active", active)
                .put("errors", errors).put("speed", speed(g.speedCheck()));
        SwapRecord swap = g.lastSwap();
        if (swap != null) {
            o.put("lastSwap", new JsonObject().put("from", swap.from()).put("to", swap.to()).put("at", swap.at().toString())
                    .put("millis", swap.millis()).put("inProgress", swap.inProgress()).put("error", Redaction.text(swap.error())));
        }
        return o;
    }

    /** The backend speed check: its state, each backend's ms per frame and the fastest. */
    static JsonObject speed(io.posegate.gateway.backend.SpeedCheck check) {
        JsonArray results = new JsonArray();
        for (io.posegate.gateway.backend.BackendSpeeds.Speed sp : check.speeds()) {
            JsonObject r = new JsonObject().put("backend", sp.backend()).put("label", sp.label());
            if (sp.error() == null) {
                r.put("msPerFrame", Math.round(sp.msPerFrame() * 10) / 10.0);
            } else {
                r.put("error", Redaction.text(sp.error()));
            }
            results.add(r);
        }
        JsonObject o = new JsonObject().put("state", check.state().name().toLowerCase(java.util.Locale.ROOT)).put("results", results);
        io.posegate.gateway.backend.BackendSpeeds.fastest(check.speeds()).ifPresent(f -> o.put("fastest", f.backend()));
        return o;
    }

    public static JsonObject model(ModelDescriptor d) {
        return new JsonObject().put("name", d.name()).put("family", d.family()).put("format", d.format().id())
                .put("file", String.valueOf(d.modelFile())).put("descriptor", String.valueOf(d.source()))
                .put("demo", d.demo())
                .put("stride", d.output().stride()).put("decoder", d.decoder().name())
                .put("decoderParams", new JsonObject(new java.util.LinkedHashMap<>(d.decoder().params().asMap())))
                .put("input", new JsonObject().put("name", d.input().name()).put("height", d.input().height())
                        .put("width", d.input().width()).put("type", d.input().type().name()).put("layout", d.input().layout().name())
                        .put("colorOrder", d.input().colorOrder().name()).put("resize", d.input().resize().name().toLowerCase()))
                .put("topology", topology(d));
    }

    /** Options with the values of secret-named keys masked (and secrets inside other values too). */
    static JsonObject redacted(Map<String, String> options) {
        JsonObject o = new JsonObject();
        options.forEach((k, v) -> o.put(k, Redaction.value(k, v)));
        return o;
    }

    /** The config as the API shows it: every source URI, option and backend setting redacted. */
    public static JsonObject config(GatewayConfig c) {
        JsonObject streams = new JsonObject();
        for (GatewayConfig.StreamConfig s : c.streams()) {
            streams.put(s.id(), new JsonObject().put("source", Redaction.uri(s.source())).put("maxFps", s.maxFps()).put("width", s.width())
                    .put("height", s.height()).put("backend", s.backend()).put("options", redacted(s.options()))
                    .put("model", s.model()).put("modelFile", s.modelFile() == null ? null : s.modelFile().toString()));
        }
        JsonObject backends = new JsonObject();
        c.backendOptions().forEach((k, v) -> backends.put(k, redacted(v)));
        return new JsonObject().put("http", new JsonObject().put("host", c.http().host()).put("port", c.http().port())
                        .put("wsQueue", c.http().wsQueue()))
                .put("model", c.model()).put("modelFile", c.modelFile() == null ? null : c.modelFile().toString())
                .put("backend", c.backend()).put("backends", backends)
                .put("inference", new JsonObject().put("workers", c.workers()))
                .put("tracking", new JsonObject().put("enabled", c.tracking().enabled()).put("oksThreshold", c.tracking().oksThreshold())
                        .put("maxAge", c.tracking().maxAge()).put("smoothing", c.tracking().smoothing())
                        .put("maxLostSeconds", c.tracking().maxLostSeconds()).put("appearance", c.tracking().appearance()))
                .put("streams", streams);
    }
}
