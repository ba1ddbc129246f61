package io.posegate.gateway.hub;

import io.posegate.gateway.security.Redaction;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Drives rollouts from what the boxes report: sends a wave's desired config, watches each box go
 * 202 → 200 and stay healthy (online, still 200) for the soak, then moves to the next wave; stops once
 * more boxes failed than the threshold allows. Rollback republishes, under a new version, what each box
 * (or the group) was given before. Every change is handed to {@code persist}. Event loop only.
 */
final class RolloutEngine {
    private static final Logger LOG = Logger.getLogger(RolloutEngine.class.getName());
    /** Publishes desired config: (topic kind "box"/"group", name, version, rolloutId, content). */
    interface Publisher {
        void desired(String kind, String name, long version, String rolloutId, JsonObject content);

        long nextVersion();
    }

    private final BoxTable table;
    private final Publisher publisher;
    private final Consumer<Rollout> persist;
    private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();
    /** Rollouts whose tick threw (logged once each). */
    private final Set<String> broken = ConcurrentHashMap.newKeySet();

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
        for (Rollout r : rollouts.values()) {
            try {
                tick(r);
            } catch (RuntimeException e) {
                if (broken.add(r.id())) {
                    LOG.warning(Redaction.text("hub: rollout " + r.id() + " cannot advance: " + e.getClass().getSimpleName()
                            + ": " + e.getMessage()));
                }
            }
        }
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
            Box box = table.box(id);
            b.put("previous", box == null ? null : box.lastGoodConfig());
            if (!r.groupChannel()) {
                publisher.desired("box", id, r.version(), r.id(), r.config());
            }
            b.put("state", "sent").put("sentAt", now);
        }
        r.set("waveSent" + w, true);
    }

    /**
     * Rolls back: republishes the previous content of every box reached, under a new version. For a group
     * rollout the group gets its previous content back (for boxes that join it later), and each reached box whose
     * own last good config is known and differed from it (a box-specific config from an earlier rollout) gets that,
     * under a still newer version, since a box takes the newest version over its own and its groups' topics. A box
     * whose last good config was not known when its wave went out (a document from an older hub, a box not yet
     * heard from) follows the group's rollback.
     */
    Rollout rollback(Rollout r) {
        long version = publisher.nextVersion();
        JsonObject groupPrevious = r.groupChannel() ? r.doc.getJsonObject("previous") : null;
        if (r.groupChannel()) {
            publisher.desired("group", r.group(), version, r.id() + "-rollback", orEmpty(groupPrevious));
        }
        Long boxVersion = null;
        for (var e : r.doc.getJsonObject("boxes")) {
            JsonObject b = (JsonObject) e.getValue();
            if ("pending".equals(b.getString("state"))) {
                continue;
            }
            JsonObject prev = b.getJsonObject("previous");
            if (!r.groupChannel() || prev != null && !prev.equals(orEmpty(groupPrevious))) {
                long v = r.groupChannel() ? (boxVersion = boxVersion == null ? publisher.nextVersion() : boxVersion) : version;
                publisher.desired("box", e.getKey(), v, r.id() + "-rollback", orEmpty(prev));
                b.put("rollbackVersion", v);
            }
            b.put("rollback", "sent");
        }
        r.set("state", "rolled-back");
        r.set("rollbackVersion", version);
        r.set("message", "rolled back: previous config republished as version " + version
                + (boxVersion == null ? "" : " (box-specific configs as version " + boxVersion + ")"));
        persist.accept(r);
        return r;
    }

    private static JsonObject orEmpty(JsonObject config) {
        return config == null ? new JsonObject() : config;
    }

    private void trackRollback(Rollout r) {
        boolean changed = false;
        for (var e : r.doc.getJsonObject("boxes")) {
            JsonObject b = (JsonObject) e.getValue();
            long v = b.getLong("rollbackVersion", r.doc.getLong("rollbackVersion"));
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
