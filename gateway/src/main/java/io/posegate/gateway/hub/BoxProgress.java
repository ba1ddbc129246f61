package io.posegate.gateway.hub;

import io.vertx.core.json.JsonObject;

/** Moves one box of a rollout's current wave along from what the box reports (see {@link Rollout}). */
final class BoxProgress {
    private BoxProgress() {
    }

    /** Updates {@code b} (the rollout's entry for the box) from the box's view; true if it changed. */
    static boolean update(Rollout r, JsonObject b, Box box, long now) {
        JsonObject before = b.copy();
        if (Rollout.BOX_DONE.contains(b.getString("state"))) {
            return false;
        }
        JsonObject rep = box == null ? null : box.reportedPayload();
        boolean online = box != null && "online".equals(box.state());
        if (rep != null && rep.getLong("version", 0L) == r.version()) {
            int status = rep.getInteger("status", 0);
            b.put("status", status).put("error", rep.getString("error"));
            if (status == 202) {
                b.put("state", "applying");
            } else if (status == 200) {
                if (b.getLong("okSince") == null) {
                    b.put("okSince", now).put("state", "soaking");
                }
                if (!online) {
                    b.put("state", "failed").put("error", "went offline during the soak");
                } else if (now - b.getLong("okSince") >= r.doc.getInteger("soakSeconds") * 1000L) {
                    b.put("state", "healthy");
                }
            } else if (status >= 400 && status < 500) {
                b.put("state", "rejected");
            } else {
                b.put("state", "failed");
            }
        } else if (b.getLong("okSince") != null) {
            b.put("state", "failed").put("error", "reported a different config during the soak");
        } else if (now - b.getLong("sentAt", now) > r.doc.getInteger("timeoutSeconds") * 1000L) {
            b.put("state", "failed").put("error", online ? "no report within the timeout" : "offline; no report within the timeout");
        }
        return !before.equals(b);
    }
}
