package io.posegate.gateway.fleet;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.control.ConfigChange;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Applies desired config from {@code box/{id}/config/desired} and {@code group/{g}/config/desired}: the
 * newest version wins and each version is decided once. A change is checked by {@link ConfigChange} (the
 * config file's validation, the HTTP API's rules for the streams it sets, and the backends' probes) and refused with 400/422 and the reason, leaving the
 * box as it was; else it is applied by the {@link ConfigReloader} (the config file's apply path), reported
 * 202, and must stay healthy for the soak period ({@link BoxHealth}). Then it becomes the last-known-good
 * config (200); if not, the box returns to its last-known-good config by itself and reports 500.
 * Runs on the agent's single worker thread; it blocks for the soak.
 */
final class DesiredConfigs {
    private static final Logger LOG = Logger.getLogger(DesiredConfigs.class.getName());

    private final Gateway gateway;
    private final ConfigReloader reloader;
    private final FleetState state;
    private final long soakMillis;
    private final Consumer<JsonObject> report;
    private final Consumer<JsonObject> event;

    DesiredConfigs(Gateway gateway, ConfigReloader reloader, FleetState state, int soakSeconds,
                   Consumer<JsonObject> report, Consumer<JsonObject> event) {
        this.gateway = gateway;
        this.reloader = reloader;
        this.state = state;
        this.soakMillis = soakSeconds * 1000L;
        this.report = report;
        this.event = event;
    }

    /**
     * At start: returns to the last-known-good config kept on disk, if any, unless it is now refused as
     * invalid (e.g. kept by an older version that did not hold the fleet's streams to the API's rules).
     */
    void restoreLastKnownGood() {
        JsonObject lkg = state.lastKnownGood();
        if (lkg == null) {
            return;
        }
        JsonObject config = lkg.getJsonObject("config", new JsonObject());
        ConfigChange.Verdict v = ConfigChange.check(config, reloader, gateway);
        if (v.status() == 400) {
            LOG.warning("fleet: last-known-good config version " + lkg.getLong("version") + " refused, running the file's: "
                    + Redaction.text(v.error()));
            return;
        }
        try {
            reloader.applyOverlay(config);
            LOG.info("fleet: running last-known-good config version " + lkg.getLong("version"));
        } catch (RuntimeException e) {
            reloader.overlay(new JsonObject());
            LOG.warning("fleet: last-known-good config no longer valid, running the file's: " + e.getMessage());
        }
    }

    /** The reported payload for what runs now (on connect, before any desired message). */
    JsonObject current() {
        JsonObject lkg = state.lastKnownGood();
        return reported(lkg == null ? 0 : lkg.getLong("version", 0L), lkg == null ? null : lkg.getString("rolloutId"),
                200, null, List.of());
    }

    void onDesired(String topic, byte[] payload) {
        JsonObject msg;
        long version;
        JsonObject change;
        try {
            msg = new JsonObject(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            version = msg.getLong("version");
            change = msg.getJsonObject("config");
            if (change == null) {
                throw new IllegalArgumentException("field 'config' must be an object");
            }
        } catch (RuntimeException e) {
            report.accept(reported(-1, null, 400, "desired config on " + topic + " refused: must be "
                    + "{\"version\": N, \"rolloutId\": ID, \"config\": {...}}: " + e.getMessage(), List.of()));
            return;
        }
        if (version <= state.seenVersion()) {
            return;
        }
        state.seenVersion(version);
        String rollout = msg.getString("rolloutId");
        ConfigChange.Verdict v = ConfigChange.check(change, reloader, gateway);
        if (!v.ok()) {
            LOG.warning("fleet: desired config version " + version + " refused: " + v.error());
            report.accept(reported(version, rollout, v.status(), v.error(), v.problems()));
            return;
        }
        report.accept(reported(version, rollout, 202, null, List.of()));
        List<String> problems = reloader.applyOverlay(change);
        String problem = problems.isEmpty() ? soak(v.config()) : String.join("; ", problems);
        if (problem == null) {
            state.lastKnownGood(new JsonObject().put("version", version).put("rolloutId", rollout).put("config", change));
            report.accept(reported(version, rollout, 200, null, List.of()));
            event.accept(new JsonObject().put("type", "config-applied").put("version", version));
            return;
        }
        JsonObject lkg = state.lastKnownGood();
        reloader.applyOverlay(lkg == null ? new JsonObject() : lkg.getJsonObject("config", new JsonObject()));
        String why = "health check failed within the soak: " + problem + "; returned to last-known-good config "
                + (lkg == null ? "(the config file)" : "version " + lkg.getLong("version"));
        LOG.warning("fleet: desired config version " + version + " rolled back: " + why);
        report.accept(reported(version, rollout, 500, why, List.of(problem)));
        event.accept(new JsonObject().put("type", "config-rolled-back").put("version", version).put("reason", why));
    }

    private String soak(GatewayConfig wanted) {
        long end = System.currentTimeMillis() + soakMillis;
        try {
            while (System.currentTimeMillis() < end) {
                if (BoxHealth.failedForGood(gateway, wanted, reloader.intendedBackend())) {
                    return BoxHealth.problem(gateway, wanted, reloader.intendedBackend());
                }
                Thread.sleep(250);
            }
            long grace = System.currentTimeMillis() + 10_000;
            while (BoxHealth.starting(gateway, wanted) && System.currentTimeMillis() < grace) {
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted during the soak";
        }
        return BoxHealth.problem(gateway, wanted, reloader.intendedBackend());
    }

    private JsonObject reported(long version, String rollout, int status, String error, List<String> problems) {
        return new JsonObject().put("v", FleetTopics.VERSION).put("version", version).put("rolloutId", rollout)
                .put("status", status).put("error", error == null ? null : Redaction.text(error))
                .put("problems", new JsonArray(problems.stream().map(Redaction::text).toList()))
                .put("effectiveHash", CanonicalJson.sha256(reloader.withOverlay(reloader.fileTree())))
                .put("ts", System.currentTimeMillis());
    }
}
