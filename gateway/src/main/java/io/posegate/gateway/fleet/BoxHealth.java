package io.posegate.gateway.fleet;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;

/**
 * The health check a newly applied config must pass during its soak: the default backend the reloader means to run
 * ({@code ConfigReloader.intendedBackend()}: the one the config set, or a run-time choice the config left alone) is
 * the default and open, and every stream the config names is live (a stream still reconnecting is not live).
 */
final class BoxHealth {
    private BoxHealth() {
    }

    /** Null when healthy, else why not; {@code backend} is the default backend that must run. */
    static String problem(Gateway g, GatewayConfig wanted, String backend) {
        if (!backend.equals(g.defaultBackend())) {
            return "backend '" + backend + "' is not running (running: " + g.defaultBackend()
                    + (g.lastSwap() != null && g.lastSwap().error() != null ? "; swap failed: " + g.lastSwap().error() : "") + ")";
        }
        if (!g.runtimes().containsKey(backend) && !g.streams().isEmpty()) {
            String err = g.runtimeErrors().get(backend);
            return "backend '" + backend + "' did not open" + (err == null ? "" : ": " + err);
        }
        for (GatewayConfig.StreamConfig sc : wanted.streams()) {
            StreamPipeline s = g.stream(sc.id());
            if (s == null) {
                return "stream '" + sc.id() + "' is not running";
            }
            SourceState st = s.state();
            if (st.phase() != SourceState.Phase.LIVE) {
                return "stream '" + sc.id() + "' is not live: " + st.phaseName() + (st.reason() == null ? "" : " (" + st.reason() + ")");
            }
        }
        return null;
    }

    /** True while some stream of {@code wanted} is still starting (its first frame not yet in). */
    static boolean starting(Gateway g, GatewayConfig wanted) {
        for (GatewayConfig.StreamConfig sc : wanted.streams()) {
            StreamPipeline s = g.stream(sc.id());
            if (s != null && s.state().phase() == SourceState.Phase.STARTING) {
                return true;
            }
        }
        return false;
    }

    /** True when something failed for good (no point waiting for the soak to end). */
    static boolean failedForGood(Gateway g, GatewayConfig wanted, String backend) {
        if (!backend.equals(g.defaultBackend()) && g.lastSwap() != null && !g.lastSwap().inProgress()) {
            return true;
        }
        for (GatewayConfig.StreamConfig sc : wanted.streams()) {
            StreamPipeline s = g.stream(sc.id());
            if (s == null || s.state().phase() == SourceState.Phase.FAILED) {
                return true;
            }
        }
        return false;
    }
}
