package io.posegate.gateway.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One rollout's state, kept as the JSON document the hub persists (retained on
 * {@code posegate/v1/hub/rollouts/{id}}) and shows ({@code GET /api/rollouts/{id}}). States:
 * {@code running} → {@code completed} | {@code stopped}; either → {@code rolled-back}. Per box:
 * {@code pending} → {@code sent} → {@code applying} (202) → {@code soaking} (200) → {@code healthy}, or
 * {@code rejected} (4xx), {@code failed} (5xx, offline, timeout). Used on the hub's event loop only.
 */
final class Rollout {
    static final Set<String> BOX_DONE = Set.of("healthy", "rejected", "failed");
    final JsonObject doc;

    Rollout(JsonObject doc) {
        this.doc = doc;
    }

    static Rollout create(String id, RolloutSpec spec, List<List<String>> plan, String channel, long version) {
        JsonObject boxes = new JsonObject();
        JsonArray waves = new JsonArray();
        for (int w = 0; w < plan.size(); w++) {
            waves.add(new JsonArray(plan.get(w)));
            for (String b : plan.get(w)) {
                boxes.put(b, new JsonObject().put("wave", w).put("state", "pending"));
            }
        }
        JsonObject target = spec.box() != null ? new JsonObject().put("box", spec.box()) : new JsonObject().put("group", spec.group());
        return new Rollout(new JsonObject().put("id", id).put("state", "running").put("createdAt", System.currentTimeMillis())
                .put("version", version).put("target", target).put("channel", channel).put("config", spec.config())
                .put("canary", spec.canary()).put("waves", new JsonArray(spec.waves())).put("soakSeconds", spec.soakSeconds())
                .put("failureThreshold", spec.failureThreshold()).put("timeoutSeconds", spec.timeoutSeconds())
                .put("plan", waves).put("wave", 0).put("failures", 0).put("message", null).put("boxes", boxes));
    }

    String id() {
        return doc.getString("id");
    }

    String state() {
        return doc.getString("state");
    }

    long version() {
        return doc.getLong("version");
    }

    int wave() {
        return doc.getInteger("wave");
    }

    List<String> waveBoxes(int w) {
        return doc.getJsonArray("plan").getJsonArray(w).stream().map(String::valueOf).toList();
    }

    int waveCount() {
        return doc.getJsonArray("plan").size();
    }

    JsonObject box(String id) {
        return doc.getJsonObject("boxes").getJsonObject(id);
    }

    boolean groupChannel() {
        return "group".equals(doc.getString("channel"));
    }

    String group() {
        return doc.getJsonObject("target").getString("group");
    }

    JsonObject config() {
        return doc.getJsonObject("config");
    }

    void set(String field, Object value) {
        doc.put(field, value);
    }
}
