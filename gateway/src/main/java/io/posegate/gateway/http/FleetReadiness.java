package io.posegate.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import java.util.function.Supplier;

/**
 * The {@code fleet} check of {@code /ready}, present only when the config has a {@code fleet:} section: whether
 * this box's fleet agent is connected to its broker, as the agent reports it ({@link #attach}); before the agent
 * runs and after it stops, {@code {"connected": false, "reason": …}}.
 *
 * <p>The check is always UP, so a lost broker never turns {@code /ready} into 503. Readiness says whether this box
 * can serve its own traffic (dashboard, {@code /ws}, its streams), and it still can without the broker; a
 * Kubernetes-style probe that failed here would take every box out of service at once when one shared broker goes
 * down, and the broker being back would not depend on it. The state stays visible in the check's data for
 * monitoring. What the agent reports is its own to redact: no credentials, no URL with a password.
 *
 * <p>Thread-safe: the agent attaches and detaches from its own threads while checks read on the event loop.
 */
public final class FleetReadiness {
    private final boolean configured;
    private volatile Supplier<JsonObject> agent;

    /** @param configured true when the config has a {@code fleet:} section (only then is the check shown) */
    FleetReadiness(boolean configured) {
        this.configured = configured;
    }

    /** True when {@code /ready} shows the check. */
    public boolean configured() {
        return configured;
    }

    /** From now on the check shows what {@code report} returns (called per request; must not block). */
    public void attach(Supplier<JsonObject> report) {
        agent = java.util.Objects.requireNonNull(report, "report is null");
    }

    /** Stops showing {@code report}, if it is the one attached. */
    public void detach(Supplier<JsonObject> report) {
        if (agent == report) {
            agent = null;
        }
    }

    /** UP, with the agent's report or why there is none. */
    Status status() {
        Supplier<JsonObject> report = agent;
        if (report == null) {
            return Status.OK(notConnected("the fleet agent is not running"));
        }
        try {
            return Status.OK(report.get());
        } catch (RuntimeException e) {
            return Status.OK(notConnected("the fleet agent's state could not be read"));
        }
    }

    private static JsonObject notConnected(String reason) {
        return new JsonObject().put("connected", false).put("reason", reason);
    }
}
