package io.posegate.gateway.fleet;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.control.ConfigChange;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.http.JpegEncoder;
import io.posegate.gateway.http.JsonViews;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapInProgressException;
import io.posegate.gateway.pipeline.SwapRecord;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The box's commands on {@code box/{id}/cmd/{name}}: {@code restart-stream {stream}}, {@code swap-backend
 * {backend}} and {@code snapshot {stream}} (one JPEG with the stream's latest pose frame). Every command
 * carries an {@code id}; the replies of the last {@value #REMEMBERED} ids are kept, and a repeated id gets
 * its first reply again (marked {@code duplicate}) without running twice. Runs on one worker thread.
 */
final class Commands {
    static final List<String> NAMES = List.of("restart-stream", "swap-backend", "snapshot");
    static final int REMEMBERED = 1024;

    private final Gateway gateway;
    private final ConfigReloader reloader;
    private final Function<String, String> lastPoses;
    private final Map<String, JsonObject> done = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonObject> e) {
            return size() > REMEMBERED;
        }
    };

    Commands(Gateway gateway, ConfigReloader reloader, Function<String, String> lastPoses) {
        this.gateway = gateway;
        this.reloader = reloader;
        this.lastPoses = lastPoses;
    }

    /** Runs (or recalls) one command and returns its reply payload. */
    synchronized JsonObject run(String name, byte[] payload) {
        JsonObject msg;
        try {
            msg = new JsonObject(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return reply(null, 400, "command payload is not JSON: " + e.getMessage(), null);
        }
        String id = msg.getValue("id") instanceof String s ? s : null;
        if (id == null || id.isBlank()) {
            return reply(null, 400, "command needs a string 'id' (used to run it once)", null);
        }
        JsonObject previous = done.get(id);
        if (previous != null) {
            return previous.copy().put("duplicate", true);
        }
        JsonObject args = msg.getValue("args") instanceof JsonObject a ? a : new JsonObject();
        JsonObject r;
        try {
            r = switch (name) {
                case "restart-stream" -> restart(id, args.getString("stream"));
                case "swap-backend" -> swap(id, args.getString("backend"));
                case "snapshot" -> snapshot(id, args.getString("stream"));
                default -> reply(id, 404, "unknown command '" + name + "'; known: " + NAMES, null);
            };
        } catch (RuntimeException e) {
            r = reply(id, 500, name + " failed: " + e.getMessage(), null);
        }
        done.put(id, r);
        return r;
    }

    private JsonObject restart(String id, String stream) {
        StreamPipeline s = stream == null ? null : gateway.stream(stream);
        if (s == null) {
            return reply(id, 404, "no stream '" + stream + "'; running: " + gateway.streams().stream().map(StreamPipeline::id).toList(), null);
        }
        GatewayConfig.StreamConfig sc = reloader.validate(reloader.withOverlay(reloader.fileTree())).streams().stream()
                .filter(c -> c.id().equals(stream)).findFirst().orElse(null);
        if (sc == null) {
            SourceSpec sp = s.spec();
            sc = new GatewayConfig.StreamConfig(stream, sp.uri(), sp.maxFps(), sp.width(), sp.height(), null, sp.options());
        }
        StreamPipeline p = gateway.addStream(sc, s.spec().origin());
        return reply(id, 200, null, new JsonObject().put("stream", p.id()).put("restarted", true));
    }

    private JsonObject swap(String id, String backend) {
        if (backend == null) {
            return reply(id, 400, "args must name a backend: {\"backend\": \"auto|onnx|openvino|tensorrt\"}", null);
        }
        SwapRecord r;
        try {
            gateway.refuseSwapWhileBusy(backend);
            List<String> why = ConfigChange.unsatisfiableAsDefault(backend, gateway);
            if (!why.isEmpty()) {
                return reply(id, 422, String.join("; ", why), null);
            }
            r = gateway.swapBackendUnlessBusy(backend);
        } catch (SwapInProgressException busy) {
            return reply(id, 409, busy.getMessage(), null);
        }
        if (r.error() != null) {
            return reply(id, 409, "swap to '" + backend + "' failed, '" + r.from() + "' kept: " + r.error(), null);
        }
        return reply(id, 200, null, JsonViews.backends(gateway));
    }

    private JsonObject snapshot(String id, String stream) {
        StreamPipeline s = stream == null ? null : gateway.stream(stream);
        if (s == null) {
            return reply(id, 404, "no stream '" + stream + "'", null);
        }
        VideoFrame f = s.slot().peekCopy(new VideoFrame());
        if (f == null) {
            return reply(id, 503, "stream '" + stream + "' has no frame yet", null);
        }
        byte[] jpeg;
        try (JpegEncoder enc = new JpegEncoder(0.8f)) {
            jpeg = enc.encode(f);
        }
        String poses = lastPoses.apply(stream);
        return reply(id, 200, null, new JsonObject().put("stream", stream).put("jpeg", Base64.getEncoder().encodeToString(jpeg))
                .put("poses", poses == null ? null : new JsonObject(poses)));
    }

    private static JsonObject reply(String id, int status, String error, JsonObject result) {
        return new JsonObject().put("v", FleetTopics.VERSION).put("id", id).put("status", status).put("error", error == null ? null : io.posegate.gateway.security.Redaction.text(error))
                .put("result", result);
    }
}
