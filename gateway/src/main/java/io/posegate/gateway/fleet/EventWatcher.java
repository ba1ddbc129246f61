package io.posegate.gateway.fleet;

import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns changes into {@code events}: a stream's state changed (polled once a second, so a change that
 * reverts within the second is not reported), a stream appeared or went away, a backend swap finished.
 */
final class EventWatcher {
    private final Gateway gateway;
    private final Consumer<JsonObject> sink;
    private final Map<String, String> phases = new HashMap<>();
    private SwapRecord swap;

    EventWatcher(Gateway gateway, Consumer<JsonObject> sink) {
        this.gateway = gateway;
        this.sink = sink;
        this.swap = gateway.lastSwap();
    }

    synchronized void poll() {
        Map<String, String> now = new HashMap<>();
        for (StreamPipeline s : gateway.streams()) {
            now.put(s.id(), s.state().phaseName());
        }
        now.forEach((id, phase) -> {
            String before = phases.get(id);
            if (!phase.equals(before)) {
                StreamPipeline s = gateway.stream(id);
                sink.accept(new JsonObject().put("type", "stream-state").put("stream", id).put("from", before).put("to", phase)
                        .put("reason", s == null || s.state().reason() == null ? null : Redaction.text(s.state().reason())));
            }
        });
        phases.keySet().stream().filter(id -> !now.containsKey(id)).toList().forEach(id ->
                sink.accept(new JsonObject().put("type", "stream-state").put("stream", id).put("from", phases.get(id)).put("to", "removed")));
        phases.clear();
        phases.putAll(now);
        SwapRecord s = gateway.lastSwap();
        if (s != null && s != swap && !s.inProgress()) {
            sink.accept(new JsonObject().put("type", "backend-swap").put("from", s.from()).put("to", s.to())
                    .put("millis", s.millis()).put("error", s.error() == null ? null : Redaction.text(s.error())));
            swap = s;
        }
    }
}
