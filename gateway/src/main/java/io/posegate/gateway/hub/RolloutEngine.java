package io.posegate.gateway.hub;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Drives rollouts from what the boxes report: sends a wave's desired config, watches each box go
 * 202 → 200 and stay healthy (online, still 200) for the soak, then moves to the next wave; stops once
 * more boxes failed than the threshold allows. Rollback republishes, under a new version, what each box
 * (or the group) was given before. Every change is handed to {@code persist}. Event loop only.
 */
final class RolloutEngine {
    /** Publishes desired config: (topic kind "box"/"group", name, version, rolloutId, content). */
    interface Publisher {
        void desired(String kind, String name, long version, String rolloutId, JsonObject content);

        long nextVersion();
    }

    private final BoxTable table;
    private final Publisher publisher;
    private final Consumer<Rollout> persist;
    private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();

    RolloutEngine(BoxTable table, Publisher publisher, Consumer<Rollout> persist) {
        this.table = table;
        this.publisher = publisher;
        this.persist = persist;
    }

    Map<String, Rollout> rollouts() {
        return rollouts;
    }

    /** Adopts a rollout restored from its retained message (after a hub restart). */
    void restore(Rollout r) {
        rollouts.putIfAbsent(r.id(), r);
    }

    void start(Rollout r) {
        rollouts.put(r.id(), r);
        tick(r);
    }

    void tickAll() {
        rollouts.values().forEach(this::tick);
    }

    private void tick(Rollout r) {
        if ("rolled-back".equals(r.state())) {
            trackRollback(r);
            return;
        }
        if (!"running".equals(r.state())) {
            return;
        }
        boolean changed = false;
        int w = r.wave();
        if (!r.doc.getBoolean("waveSent" + w, false)) {
            send(r, w);
            changed = true;
        }
        long now = System.currentTimeMillis();
        boolean waveDone = true;
        for (String id : r.waveBoxes(w)) {
            changed |= BoxProgress.update(r, r.box(id), table.box(id), now);
            waveDone &= Rollout.BOX_DONE.contains(r.box(id).getString("state"));
        }
        int failures = (int) r.doc.getJsonObject("boxes").stream()
                .filter(e -> Set.of("rejected", "failed").contains(((JsonObject) e.getValue()).getString("state"))).count();
        if (failures != r.doc.getInteger("failures")) {
            r.set("failures", failures);
            changed = true;
        }
        if (failures > r.doc.getInteger("failureThreshold")) {
            r.set("state", "stopped");
            r.set("message", failures + " box(es) failed, more than the threshold " + r.doc.getInteger("failureThreshold")
                    + "; stopped in wave " + w + " of " + r.waveCount());
            changed = true;
        } else if (waveDone) {
            if (w + 1 < r.waveCount()) {
                r.set("wave", w + 1);
                send(r, w + 1);
            } else {
                r.set("state", "completed");
                r.set("message", failures == 0 ? "every box applied the config" : failures + " box(es) failed, within the threshold");
            }
            changed = true;
        }
        if (changed) {
            persist.accept(r);
        }
    }

    private void send(Rollout r, int w) {
        long now = System.currentTimeMillis();
        if (r.groupChannel()) {
            JsonObject prev = table.groupDesired(r.group());
            r.set("previous", prev == null ? null : prev.getJsonObject("config"));
            publisher.desired("group", r.group(), r.version(), r.id(), r.config());
        }
        for (String id : r.waveBoxes(w)) {
            JsonObject b = r.box(id);
            if (!r.groupChannel()) {
                Box box = table.box(id);
                b.put("previous", box == null ? null : box.lastGoodConfig());
                publisher.desired("box", id, r.version(), r.id(), r.config());
            }
            b.put("state", "sent").put("sentAt", now);
        }
        r.set("waveSent" + w, true);
    }

    /** Rolls back: republishes the previous content of every box (or the group) reached, under a new version. */
    Rollout rollback(Rollout r) {
        long version = publisher.nextVersion();
        if (r.groupChannel()) {
            JsonObject prev = r.doc.getJsonObject("previous");
            publisher.desired("group", r.group(), version, r.id() + "-rollback", prev == null ? new JsonObject() : prev);
        }
        r.doc.getJsonObject("boxes").forEach(e -> {
            JsonObject b = (JsonObject) e.getValue();
            if (!"pending".equals(b.getString("state"))) {
                if (!r.groupChannel()) {
                    JsonObject prev = b.getJsonObject("previous");
                    publisher.desired("box", e.getKey(), version, r.id() + "-rollback", prev == null ? new JsonObject() : prev);
                }
                b.put("rollback", "sent");
            }
        });
        r.set("state", "rolled-back");
        r.set("rollbackVersion", version);
        r.set("message", "rolled back: previous config republished as version " + version);
        persist.accept(r);
        return r;
    }

    private void trackRollback(Rollout r) {
        boolean changed = false;
        long v = r.doc.getLong("rollbackVersion");
        for (var e : r.doc.getJsonObject("boxes")) {
            JsonObject b = (JsonObject) e.getValue();
            Box box = table.box(e.getKey());
            JsonObject rep = box == null ? null : box.reportedPayload();
            if ("sent".equals(b.getString("rollback")) && rep != null && rep.getLong("version", 0L) == v
                    && rep.getInteger("status", 0) != 202) {
                b.put("rollback", rep.getInteger("status") == 200 ? "done" : "failed: " + rep.getString("error"));
                changed = true;
            }
        }
        if (changed) {
            persist.accept(r);
        }
    }
}
