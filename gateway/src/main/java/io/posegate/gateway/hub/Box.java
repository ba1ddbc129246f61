package io.posegate.gateway.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One box as the hub sees it, from its retained and live messages. Thread-safe (synchronized). */
final class Box {
    private static final int EVENTS_KEPT = 20;
    final String id;
    private String state = "unknown";
    private long bootSeq;
    private Instant since;
    private JsonObject meta;
    private JsonObject metrics;
    private JsonObject reported;
    private JsonObject desired;
    private JsonObject lastGood;
    private String lastError;
    private final Deque<JsonObject> events = new ArrayDeque<>();

    Box(String id) {
        this.id = id;
    }

    synchronized void status(JsonObject s) {
        String next = s.getString("state", "unknown");
        long seq = s.getLong("bootSeq", 0L);
        if (!next.equals(state) || seq != bootSeq || since == null) {
            since = Instant.now();
        }
        state = next;
        bootSeq = seq;
    }

    synchronized void meta(JsonObject m) {
        meta = m;
    }

    synchronized void metrics(JsonObject m) {
        metrics = m;
        JsonObject streams = m.getJsonObject("streams", new JsonObject());
        for (String s : streams.fieldNames()) {
            String e = streams.getJsonObject(s).getString("lastError");
            if (e != null) {
                lastError = s + ": " + e;
            }
        }
    }

    synchronized void reported(JsonObject r) {
        reported = r;
        if (r.getString("error") != null) {
            lastError = "config " + r.getLong("version") + ": " + r.getString("error");
        }
    }

    synchronized void desired(JsonObject d) {
        desired = d;
    }

    /**
     * Notes as last good the desired config this box reported 200 for, from its own desired topic or one of its
     * groups' ({@code groupDesired}: the current desired message of each group it is in).
     */
    synchronized void noteGood(List<JsonObject> groupDesired) {
        if (reported == null || reported.getInteger("status", 0) != 200) {
            return;
        }
        long version = reported.getLong("version", -1L);
        List<JsonObject> candidates = new ArrayList<>(groupDesired);
        candidates.add(0, desired);
        for (JsonObject d : candidates) {
            if (d != null && d.getValue("version") != null && d.getLong("version") == version) {
                lastGood = d.getJsonObject("config");
                return;
            }
        }
    }

    /** The content of the newest desired config this box reported 200 for (null: only its config file), as the hub saw it. */
    synchronized JsonObject lastGoodConfig() {
        return lastGood;
    }

    synchronized void event(JsonObject e) {
        events.addFirst(e);
        while (events.size() > EVENTS_KEPT) {
            events.removeLast();
        }
    }

    synchronized String state() {
        return state;
    }

    synchronized long bootSeq() {
        return bootSeq;
    }

    synchronized JsonObject metricsPayload() {
        return metrics;
    }

    synchronized JsonObject reportedPayload() {
        return reported;
    }

    synchronized JsonObject desiredPayload() {
        return desired;
    }

    synchronized JsonArray groups() {
        return meta == null ? new JsonArray() : meta.getJsonArray("groups", new JsonArray());
    }

    synchronized boolean inGroup(String g) {
        return groups().contains(g);
    }

    /** The row of {@code GET /api/boxes}. */
    synchronized JsonObject summary() {
        JsonObject streams = new JsonObject();
        if (metrics != null) {
            metrics.getJsonObject("streams", new JsonObject()).forEach(e -> {
                JsonObject s = (JsonObject) e.getValue();
                streams.put(e.getKey(), new JsonObject().put("state", s.getString("state")).put("fps", s.getValue("fps"))
                        .put("latencyMs", s.getValue("latencyMs")));
            });
        }
        String backend = metrics != null ? metrics.getString("backend") : meta != null ? meta.getString("backend") : null;
        String device = metrics != null ? metrics.getString("device") : meta != null ? meta.getString("device") : null;
        return new JsonObject().put("id", id).put("state", state).put("since", since == null ? null : since.toString())
                .put("bootSeq", bootSeq).put("version", meta == null ? null : meta.getString("version"))
                .put("backend", backend).put("device", device).put("groups", groups())
                .put("cameras", meta == null ? 0 : meta.getJsonArray("streams", new JsonArray()).size())
                .put("streams", streams)
                .put("reportedVersion", reported == null ? null : reported.getLong("version"))
                .put("reportedStatus", reported == null ? null : reported.getInteger("status"))
                .put("desiredVersion", desired == null ? null : desired.getLong("version"))
                .put("lastError", lastError)
                .put("dashboard", meta == null ? null : meta.getString("dashboard"));
    }

    /** {@code GET /api/boxes/{id}}: the row plus every payload and the latest events. */
    synchronized JsonObject detail() {
        return summary().put("meta", meta).put("metrics", metrics).put("reported", reported).put("desired", desired)
                .put("events", new JsonArray(java.util.List.copyOf(events)));
    }
}
