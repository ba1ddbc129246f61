package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.SourceState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The versioned JSON form of pose frames and stream states ({@code docs/wire-format.md}). */
public final class PoseFrameJson {
    public static final int VERSION = 1;

    private PoseFrameJson() {
    }

    public static JsonObject toJson(PoseFrame f) {
        JsonArray people = new JsonArray();
        for (PoseFrame.Person p : f.people()) {
            JsonArray kps = new JsonArray();
            for (int k = 0; k < p.keypoints().length; k++) {
                PoseFrame.Keypoint kp = p.keypoints()[k];
                kps.add(kp == null ? null : new JsonObject().put("name", f.keypointNames().get(k))
                        .put("x", round(kp.x())).put("y", round(kp.y())).put("score", round(kp.score())));
            }
            JsonObject person = new JsonObject();
            if (p.id() >= 0) {
                person.put("id", p.id());
            }
            people.add(person.put("score", round(p.score())).put("keypoints", kps));
        }
        Latency l = f.latency();
        JsonObject json = new JsonObject().put("v", VERSION).put("type", "poses").put("stream", f.stream())
                .put("seq", f.seq()).put("ts", Instant.ofEpochMilli(f.captureEpochMillis()).toString())
                .put("width", f.width()).put("height", f.height()).put("model", f.model()).put("backend", f.backend());
        if (f.topology() != null) {
            json.put("topology", f.topology());
        }
        if (f.demo()) {
            json.put("demo", true);
        }
        return json.put("state", state(f.state()))
                .put("latencyMs", new JsonObject().put("decode", round(l.decode())).put("preprocess", round(l.preprocess()))
                        .put("infer", round(l.infer())).put("group", round(l.group())).put("total", round(l.total())))
                .put("dropped", f.dropped())
                .put("people", people);
    }

    public static JsonObject state(SourceState s) {
        JsonObject o = new JsonObject().put("phase", s.phaseName());
        if (s.attempt() > 0) {
            o.put("attempt", s.attempt());
        }
        if (s.nextRetryAt() != null) {
            o.put("nextRetryAt", s.nextRetryAt().toString());
        }
        if (s.reason() != null) {
            o.put("reason", s.reason());
        }
        return o;
    }

    public static JsonObject stateMessage(String stream, SourceState s) {
        return new JsonObject().put("v", VERSION).put("type", "stream").put("stream", stream).put("state", state(s));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
